/**
 * R9 — no break, meal or activity (exam, training, meeting: FORMATS.md) starts within the first 30 minutes of a
 * shift (rules.noBreakFirstMinutes); breaks never overlap the meal (nor each other), activities overlap no
 * break, meal or other activity, and every one of them lies inside its shift.
 * Penalty: minutes too early + minutes overlapping + minutes outside the shift, per shift.
 */
import type { Violation } from '../roster.ts';
import { overlapMs } from '../model/horizon.ts';
import type { Rule } from './rule.ts';
import { contextHorizon, rosterView } from './roster-view.ts';
import { formatClock } from '../../src/time/clock.ts';

export const rule: Rule = {
  id: 'R9',
  label: 'break placement (not in the first 30 min, never over the meal)',
  level: 'hard',
  check(roster, ctx) {
    const out: Violation[] = [];
    const firstMs = ctx.center.rules.noBreakFirstMinutes * 60_000;
    for (const p of rosterView(roster, ctx).parsed) {
      if (!p.inMonth) continue;
      const reasons: string[] = [];
      let penalty = 0;
      const all = [
        ...p.meals.map((s) => ({ ...s, kind: 'meal' })), ...p.breaks.map((s) => ({ ...s, kind: 'break' })),
        ...p.activities.map((s) => ({ ...s, kind: `activity ${s.activity}` })),
      ];
      for (const s of all) {
        const early = p.startMs + firstMs - s.fromMs;
        if (early > 0) {
          penalty += Math.min(early, firstMs) / 60_000;
          reasons.push(`a ${s.kind} at ${formatClock(contextHorizon(ctx).clockOf(s.fromMs))} starts ${Math.round((s.fromMs - p.startMs) / 60_000)} min into the shift`);
        }
        const outside = s.toMs - s.fromMs - overlapMs(s.fromMs, s.toMs, p.startMs, p.endMs);
        if (outside > 0) {
          penalty += outside / 60_000;
          reasons.push(`a ${s.kind} lies ${outside / 60_000} min outside the shift`);
        }
      }
      for (let i = 0; i < p.breaks.length; i++) {
        const b = p.breaks[i];
        for (const m of p.meals) {
          const o = overlapMs(b.fromMs, b.toMs, m.fromMs, m.toMs);
          if (o > 0) {
            penalty += o / 60_000;
            reasons.push(`a break overlaps the meal by ${o / 60_000} min`);
          }
        }
        for (let j = i + 1; j < p.breaks.length; j++) {
          const o = overlapMs(b.fromMs, b.toMs, p.breaks[j].fromMs, p.breaks[j].toMs);
          if (o > 0) {
            penalty += o / 60_000;
            reasons.push(`two breaks overlap by ${o / 60_000} min`);
          }
        }
      }
      p.activities.forEach((x, i) => {
        const others = [...p.meals, ...p.breaks, ...p.activities.slice(i + 1)];
        for (const o of others) {
          const ms = overlapMs(x.fromMs, x.toMs, o.fromMs, o.toMs);
          if (ms > 0) {
            penalty += ms / 60_000;
            reasons.push(`activity ${x.activity} overlaps a break, meal or activity by ${ms / 60_000} min`);
          }
        }
      });
      if (penalty === 0) continue;
      out.push({ rule: 'R9', level: 'hard', agent: p.a.agent, date: p.a.date, penalty, unit: 'minutes', message: `${p.a.agent}'s shift on ${p.a.date}: ${reasons.join('; ')}` });
    }
    return out;
  },
};
