/**
 * Generated instances in the Curtois & Qu text format (solver/benchmarks/curtois-qu-reader.ts), for the sizes the
 * project has no published file of: the shapes of the benchmark's instances 13–19 (days × staff × shift types as
 * Curtois & Qu 2014 list them) and larger month-sized ones (100–150 staff, 10–30 shift types).
 * Built the way the published files are: shift families a (06:00), d (09:00), p (14:00 or 12:00) and n
 * (22:00 or 20:00) of 480, 600 and 720 minutes, "cannot follow" from a 14-hour minimum rest; full- and part-time
 * contracts with per-type maxima (0 for shifts an employee may not work, small limits for long and night
 * shifts), total minutes, runs of 2–5 shifts, 2 days off in a row, weekends; one or two fixed days off per
 * fortnight; shift-on and shift-off requests in blocks of 1–5 days with weights 1–3; cover for every day and
 * shift type, under weight 100, over weight 1, the total near what the staff can give (no type above 70% of
 * what its per-type maxima allow). Seeded: the same spec and seed give the same text on every machine.
 */
import { Random } from '../solver/benchmarks/random.ts';

export interface GeneratedSpec {
  name: string;
  days: number;
  staff: number;
  shifts: number;
  /** Required shifts ÷ the shifts the staff give at the middle of their minutes (default 1). */
  load?: number;
}

/** The published instances 13–19 by size (their files are not in data/), and three month-sized centers. */
export const GENERATED_SPECS: GeneratedSpec[] = [
  { name: 'Gen13', days: 28, staff: 120, shifts: 18 },
  { name: 'Gen14', days: 42, staff: 32, shifts: 4 },
  { name: 'Gen15', days: 42, staff: 45, shifts: 6 },
  { name: 'Gen16', days: 56, staff: 20, shifts: 3 },
  { name: 'Gen17', days: 56, staff: 32, shifts: 4 },
  { name: 'Gen18', days: 84, staff: 22, shifts: 3 },
  { name: 'Gen19', days: 84, staff: 40, shifts: 5 },
  { name: 'GenM100', days: 42, staff: 100, shifts: 12 },
  { name: 'GenM150', days: 28, staff: 150, shifts: 24 },
  { name: 'GenM140', days: 56, staff: 140, shifts: 30 },
];

const MIN_REST = 14 * 60;
const FAMILIES = [
  { prefix: 'a', starts: [6 * 60] },
  { prefix: 'd', starts: [9 * 60] },
  { prefix: 'p', starts: [14 * 60, 12 * 60] },
  { prefix: 'n', starts: [22 * 60, 20 * 60] },
];

interface Shift {
  id: string;
  start: number;
  minutes: number;
}

/** T shift types spread over the four families (night gets the fewest), lengths 480 first, then 600, 720. */
function shiftTypes(T: number): Shift[] {
  const perFamily = [0, 0, 0, 0];
  const order = [0, 2, 1, 3];
  for (let k = 0; k < T; k++) perFamily[order[k % 4]]++;
  return FAMILIES.flatMap((f, i) =>
    Array.from({ length: perFamily[i] }, (_, k) => {
      const long = k - Math.max(1, perFamily[i] - 2); // the last two of a family of 4+ are long
      const minutes = perFamily[i] >= 4 && long >= 0 ? (long === 0 ? 600 : 720) : 480;
      const start = minutes === 480 ? f.starts[0] : f.starts[f.starts.length - 1];
      return { id: `${f.prefix}${k + 1}`, start, minutes };
    }),
  );
}

/** u may not follow s when fewer than 14 hours separate the end of s from the start of u the next day. */
function cannotFollow(s: Shift, shifts: Shift[]): string[] {
  return shifts.filter((u) => 24 * 60 + u.start - (s.start + s.minutes) < MIN_REST).map((u) => u.id);
}

function staffId(i: number): string {
  let id = '';
  for (let n = i; ; n = Math.floor(n / 26) - 1) {
    id = String.fromCharCode(65 + (n % 26)) + id;
    if (n < 26) break;
  }
  return id;
}

interface Contract {
  maxMinutes: number;
  minMinutes: number;
  maxCons: number;
  minCons: number;
  minOff: number;
  maxWeekends: number;
  maxOf: Map<string, number>;
}

function contract(rng: Random, shifts: Shift[], D: number): Contract {
  const scale = D / 28;
  const partTime = rng.next() < 0.2;
  const maxMinutes = Math.round((partTime ? 5160 : 8640) * scale);
  const minMinutes = Math.round((partTime ? 4440 : [7560, 7920, 8160][rng.int(3)]) * scale);
  const weekends = Math.floor((D + 1) / 7);
  const maxWeekends = Math.min(weekends, Math.max(1, Math.round((partTime ? 3 : 2) * scale)));
  // Every employee may work an unlimited (480-minute) early and day shift, so their minutes stay reachable.
  const valid = new Set(shifts.filter(() => rng.next() < 0.7).map((s) => s.id));
  for (const p of ['a', 'd']) {
    const family = shifts.filter((s) => s.id.startsWith(p) && s.minutes === 480);
    if (family.length > 0 && !family.some((s) => valid.has(s.id))) valid.add(family[rng.int(family.length)].id);
  }
  const maxOf = new Map<string, number>();
  for (const s of shifts) {
    if (!valid.has(s.id)) maxOf.set(s.id, 0);
    else if (s.id.startsWith('n')) maxOf.set(s.id, Math.max(1, Math.round((s.minutes === 480 ? 3 : 2) * scale * (partTime ? 0.6 : 1))));
    else if (s.minutes === 600) maxOf.set(s.id, Math.round(11 * scale * (partTime ? 0.6 : 1)));
    else if (s.minutes === 720) maxOf.set(s.id, Math.round(7 * scale * (partTime ? 0.6 : 1)));
    else maxOf.set(s.id, D);
  }
  return { maxMinutes, minMinutes, maxCons: rng.next() < 0.85 ? 5 : 6, minCons: rng.next() < 0.85 ? 2 : 3, minOff: 2, maxWeekends, maxOf };
}

/** The instance text (the benchmark's format, CRLF lines as in the published files). */
export function generateCurtoisQu(spec: GeneratedSpec, seed = 1): string {
  const rng = new Random(seed * 7919 + spec.days * 131 + spec.staff * 17 + spec.shifts);
  const D = spec.days;
  const shifts = shiftTypes(spec.shifts);
  const staff = Array.from({ length: spec.staff }, (_, i) => ({ id: staffId(i), c: contract(rng, shifts, D) }));
  const lines = [`# ${spec.name}: generated (bench/curtois-generator.ts), seed ${seed}`, 'SECTION_HORIZON', String(D), '', 'SECTION_SHIFTS'];
  for (const s of shifts) lines.push(`${s.id},${s.minutes},${cannotFollow(s, shifts).join('|')}`);
  lines.push('', 'SECTION_STAFF');
  for (const { id, c } of staff) {
    const max = shifts.map((s) => `${s.id}=${c.maxOf.get(s.id)}`).join('|');
    lines.push([id, max, c.maxMinutes, c.minMinutes, c.maxCons, c.minCons, c.minOff, c.maxWeekends].join(','));
  }
  lines.push('', 'SECTION_DAYS_OFF');
  const daysOff = staff.map(() => new Set<number>());
  staff.forEach(({ id }, e) => {
    for (let k = 0; k < Math.max(1, Math.round(D / 14)); k++) {
      const d = rng.int(D);
      daysOff[e].add(d);
      if (rng.next() < 0.5 && d + 1 < D) daysOff[e].add(d + 1);
    }
    lines.push([id, ...[...daysOff[e]].sort((a, b) => a - b)].join(','));
  });
  // Requests: blocks of 1–5 days on one shift the employee may work, never on a fixed day off.
  const requests = (perFortnight: number) => {
    const out: string[] = [];
    staff.forEach(({ id, c }, e) => {
      const usable = shifts.filter((s) => (c.maxOf.get(s.id) ?? 0) > 0);
      const blocks = Math.round((perFortnight * D) / 14 * (0.5 + rng.next()));
      for (let b = 0; b < blocks; b++) {
        const s = usable[rng.int(usable.length)];
        const first = rng.int(D);
        const weight = 1 + rng.int(3);
        for (let d = first; d < Math.min(D, first + 1 + rng.int(5)); d++) if (!daysOff[e].has(d)) out.push([id, d, s.id, weight].join(','));
      }
    });
    return [...new Set(out)];
  };
  lines.push('', 'SECTION_SHIFT_ON_REQUESTS', ...requests(1), '', 'SECTION_SHIFT_OFF_REQUESTS', ...requests(0.5));
  // Cover: the staff's shifts per day at the middle of their minutes, spread over the types with random
  // shares (each type's share limited by how many may work it), per day ±25%.
  const mean = shifts.reduce((s, t) => s + t.minutes, 0) / shifts.length;
  const supply = staff.reduce((s, { c }) => s + (c.minMinutes + c.maxMinutes) / 2 / mean, 0) / D;
  const share = shifts.map((s) => (0.5 + rng.next()) * staff.filter(({ c }) => (c.maxOf.get(s.id) ?? 0) > 0).length);
  // No type asks for more than 70% of the shifts of it the staff may work (their per-type maxima): the excess
  // goes to the other types in proportion (without this, night cover on the small-staff shapes exceeded what
  // the night limits allow, up to 160%, and the under-cover it forced dominated the objective).
  const want = shifts.map(() => 0);
  const capOf = shifts.map((s) => (0.7 * staff.reduce((n, { c }) => n + Math.min(D, c.maxOf.get(s.id) ?? 0), 0)) / D);
  const capped = new Set<number>();
  for (let round = 0; round < shifts.length; round++) {
    const left = (spec.load ?? 1) * supply - [...capped].reduce((n, t) => n + capOf[t], 0);
    const open = shifts.map((_, t) => t).filter((t) => !capped.has(t));
    const openShare = open.reduce((n, t) => n + share[t], 0);
    for (const t of shifts.keys()) want[t] = capped.has(t) ? capOf[t] : (left * share[t]) / openShare;
    const over = open.filter((t) => want[t] > capOf[t]);
    if (over.length === 0) break;
    for (const t of over) capped.add(t);
  }
  lines.push('', 'SECTION_COVER');
  for (let d = 0; d < D; d++) {
    for (let t = 0; t < shifts.length; t++) {
      lines.push([d, shifts[t].id, Math.max(0, Math.round(want[t] * (0.75 + 0.5 * rng.next()))), 100, 1].join(','));
    }
  }
  return lines.join('\r\n') + '\r\n';
}
