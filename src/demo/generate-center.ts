/**
 * Seeded generator of realistic centers: the demo center (data/demo-center.json, ≈120 people) and the larger
 * centers the roster benchmark uses (50–500 agents). Same seed, same center, on every machine.
 *
 * Shape (per MANUAL.md): CSR inbound and TSR outbound queues; teams of ~12 with a lead each; duty supervisors
 * over two teams each; TSR tiers intern/C/B/A; early, mid (start window), late and floating (R4) templates;
 * open 08:00–22:00 every day in Asia/Shanghai.
 */
import type { CenterInput } from '../domain/center-schema.ts';
import { mulberry32 } from '../seeded-random.ts';

/** Mulberry32 (src/seeded-random.ts), so the demo is the same everywhere. */
export const seededRandom = mulberry32;

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '霞', '平', '刚', '桂英', '婷', '雪', '琳', '浩', '宇', '欣', '晨', '佳'];

export interface GenerateOptions {
  /** People who take calls (agents and leads); supervisors and managers come on top. */
  agents: number;
  seed?: number;
  name?: string;
  /** Share of phone staff on the outbound (TSR) queue. */
  tsrShare?: number;
  /** Declare TR2's monthly exam (before the 25th) and in-seat training (the 30th) (FORMATS.md activities). */
  trainingActivities?: boolean;
}

export function generateCenter(options: GenerateOptions): CenterInput {
  const rand = seededRandom(options.seed ?? 2026);
  const pick = <T>(items: readonly T[]) => items[Math.floor(rand() * items.length)];
  const name = () => pick(SURNAMES) + pick(GIVEN);
  const tsrShare = options.tsrShare ?? 0.25;
  const teamSize = 12;
  const teamCount = Math.max(2, Math.round(options.agents / teamSize));
  const tsrTeams = Math.max(1, Math.round(teamCount * tsrShare));
  const csrTeams = teamCount - tsrTeams;
  const supervisorCount = Math.max(4, Math.ceil(teamCount / 2));

  const teams: NonNullable<CenterInput['teams']> = [];
  const agents: NonNullable<CenterInput['agents']> = [];
  const supervisors = Array.from({ length: supervisorCount }, (_, i) => `s${String(i + 1).padStart(2, '0')}`);
  for (const id of supervisors) {
    agents.push({
      id, name: name(), role: 'supervisor', skills: ['csr', 'tsr'],
      contract: { minDays: 18, maxDays: 23, maxConsecutiveDays: 6, minRestHours: 11, templates: ['E', 'L'] },
    });
  }
  agents.push({ id: 'm01', name: name(), role: 'manager', skills: [], contract: { minDays: 0, maxDays: 0 } });
  agents.push({ id: 'd01', name: name(), role: 'director', skills: [], contract: { minDays: 0, maxDays: 0 } });

  let n = 0;
  for (let t = 0; t < teamCount; t++) {
    const queue = t < csrTeams ? 'csr' : 'tsr';
    const teamId = queue === 'csr' ? `csr-${t + 1}` : `tsr-${t - csrTeams + 1}`;
    const size = Math.round(((t + 1) * options.agents) / teamCount) - Math.round((t * options.agents) / teamCount);
    const members: string[] = [];
    for (let k = 0; k < size; k++) {
      n++;
      const id = `a${String(n).padStart(3, '0')}`;
      members.push(id);
      const isLead = k === 0;
      const floating = !isLead && rand() < 0.12;
      const r = rand();
      const tier = r < 0.15 ? 'intern' : r < 0.5 ? 'C' : r < 0.85 ? 'B' : 'A';
      const crossSkilled = rand() < 0.15;
      const skills = crossSkilled ? ['csr', 'tsr'] : [queue];
      agents.push({
        id, name: name(), team: teamId, role: isLead ? 'lead' : 'agent', skills,
        ...(queue === 'tsr' || crossSkilled ? { tier } : {}),
        contract: floating
          ? { minDays: 14, maxDays: 22, maxConsecutiveDays: 6, minRestHours: 11, templates: ['F'] }
          : { minDays: 20, maxDays: 23, maxConsecutiveDays: 6, minRestHours: 11, templates: ['E', 'M', 'L'] },
      });
    }
    teams.push({ id: teamId, queue, lead: members[0], supervisor: supervisors[Math.floor(t / 2) % supervisorCount] });
  }

  return {
    id: options.name ?? 'demo',
    name: options.name ?? 'demo',
    timezone: 'Asia/Shanghai',
    locale: 'zh-CN',
    intervalMinutes: 30,
    open: [{ days: [1, 2, 3, 4, 5, 6, 7], from: '08:00', to: '22:00' }],
    queues: [
      { id: 'csr', name: 'Customer service (inbound)', kind: 'inbound', serviceLevel: { target: 0.8, seconds: 20 }, maxOccupancy: 0.85, patienceSeconds: 120, ahtSeconds: 240 },
      { id: 'tsr', name: 'Telesales (outbound)', kind: 'outbound', callsPerHour: { intern: 11, C: 13, B: 15, A: 17 } },
    ],
    shiftTemplates: [
      { id: 'E', name: 'Early', start: '08:00', minutes: 540, meal: { minutes: 60, from: '11:00', to: '13:30' } },
      { id: 'M', name: 'Middle', start: ['09:00', '11:00'], minutes: 540, meal: { minutes: 60, from: '11:30', to: '15:00' } },
      { id: 'L', name: 'Late', start: '13:00', minutes: 540, meal: { minutes: 60, from: '17:00', to: '19:30' } },
      { id: 'F', name: 'Floating', start: ['09:00', '18:00'], minutes: 240, floating: true },
    ],
    teams,
    agents,
    rules: {},
    busDepartures: [],
    specialDays: [],
    ...(options.trainingActivities ? { activities: TR2_ACTIVITIES } : {}),
  };
}

/** MANUAL TR2: a 1-hour exam for every agent on days 1–24 in office hours, six seats; 2 hours in-seat on the 30th. */
const TR2_ACTIVITIES: NonNullable<CenterInput['activities']> = [
  { id: 'tr2-exam', name: 'Monthly exam', rule: 'TR2', minutes: 60, attendees: { role: 'agent' }, days: { from: 1, to: 24 }, hours: { from: '09:00', to: '18:00' }, maxTogether: 6 },
  { id: 'tr2-in-seat', name: 'In-seat training', rule: 'TR2', minutes: 120, attendees: { role: 'agent' }, days: { from: 30, to: 30 } },
];
