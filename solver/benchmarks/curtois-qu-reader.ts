/**
 * Reader for the Curtois & Qu text format (SECTION_HORIZON, SECTION_SHIFTS, SECTION_STAFF, SECTION_DAYS_OFF,
 * SECTION_SHIFT_ON_REQUESTS, SECTION_SHIFT_OFF_REQUESTS, SECTION_COVER; `#` starts a comment line). Sections
 * may come in any order; every problem is reported as "file:line: message" in one ValidationError.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { ValidationError, type ProblemItem } from '../../src/errors.ts';
import type { CqCover, CqInstance, CqRequest, CqShift, CqStaff } from './curtois-qu-instance.ts';

const SECTIONS = [
  'SECTION_HORIZON',
  'SECTION_SHIFTS',
  'SECTION_STAFF',
  'SECTION_DAYS_OFF',
  'SECTION_SHIFT_ON_REQUESTS',
  'SECTION_SHIFT_OFF_REQUESTS',
  'SECTION_COVER',
] as const;
type Section = (typeof SECTIONS)[number];

interface Line {
  no: number;
  fields: string[];
}

class Problems {
  readonly items: ProblemItem[] = [];
  constructor(readonly file: string) {}
  add(line: number, message: string): void {
    this.items.push({ where: `${this.file}:${line}`, message });
  }
}

/** A whole number ≥ min, or undefined (with the problem recorded). */
function int(text: string | undefined, what: string, line: number, problems: Problems, min = 0): number | undefined {
  const t = (text ?? '').trim();
  if (!/^-?\d+$/.test(t)) {
    problems.add(line, `${what}: expected a whole number, got "${t}"`);
    return undefined;
  }
  const n = Number(t);
  if (n < min) {
    problems.add(line, `${what}: must be ≥ ${min}, got ${n}`);
    return undefined;
  }
  return n;
}

function splitSections(text: string, problems: Problems): Map<Section, Line[]> {
  const out = new Map<Section, Line[]>();
  let current: Section | undefined;
  text.split(/\r?\n/).forEach((raw, i) => {
    const no = i + 1;
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    if (line.startsWith('SECTION_')) {
      if (!(SECTIONS as readonly string[]).includes(line)) {
        problems.add(no, `unknown section "${line}"`);
        current = undefined;
        return;
      }
      current = line as Section;
      if (out.has(current)) problems.add(no, `section ${current} appears twice`);
      out.set(current, []);
      return;
    }
    if (current === undefined) {
      problems.add(no, 'data outside any SECTION_ header');
      return;
    }
    out.get(current)!.push({ no, fields: line.split(',').map((f) => f.trim()) });
  });
  return out;
}

function expectFields(line: Line, count: number, what: string, problems: Problems): boolean {
  if (line.fields.length === count) return true;
  problems.add(line.no, `${what}: expected ${count} comma-separated fields, got ${line.fields.length}`);
  return false;
}

function readShifts(lines: Line[], problems: Problems): CqShift[] {
  const shifts: CqShift[] = [];
  for (const line of lines) {
    if (!expectFields(line, 3, 'shift', problems)) continue;
    const [id, minutesText, follow] = line.fields;
    if (id === '') problems.add(line.no, 'shift: empty id');
    if (shifts.some((s) => s.id === id)) problems.add(line.no, `shift "${id}" defined twice`);
    const minutes = int(minutesText, `shift ${id} length`, line.no, problems, 1);
    shifts.push({ id, minutes: minutes ?? 0, cannotFollow: follow === '' ? [] : follow.split('|').map((s) => s.trim()) });
  }
  const ids = new Set(shifts.map((s) => s.id));
  lines.forEach((line, i) => {
    for (const f of shifts[i]?.cannotFollow ?? []) if (!ids.has(f)) problems.add(line.no, `shift ${shifts[i].id}: unknown shift "${f}" in cannot-follow list`);
  });
  return shifts;
}

function readStaff(lines: Line[], shifts: CqShift[], horizon: number, problems: Problems): CqStaff[] {
  const shiftIds = new Set(shifts.map((s) => s.id));
  const staff: CqStaff[] = [];
  for (const line of lines) {
    if (!expectFields(line, 8, 'staff', problems)) continue;
    const [id, maxShiftsText, ...numbers] = line.fields;
    if (id === '') problems.add(line.no, 'staff: empty id');
    if (staff.some((s) => s.id === id)) problems.add(line.no, `employee "${id}" defined twice`);
    const maxShifts: Record<string, number> = {};
    for (const part of maxShiftsText === '' ? [] : maxShiftsText.split('|')) {
      const m = /^([^=]+)=(.*)$/.exec(part.trim());
      if (!m) {
        problems.add(line.no, `employee ${id}: max shifts "${part}" is not SHIFT=NUMBER`);
        continue;
      }
      const shift = m[1].trim();
      if (!shiftIds.has(shift)) problems.add(line.no, `employee ${id}: unknown shift "${shift}" in max shifts`);
      const n = int(m[2], `employee ${id} max shifts of ${shift}`, line.no, problems);
      if (n !== undefined) maxShifts[shift] = n;
    }
    const names = ['MaxTotalMinutes', 'MinTotalMinutes', 'MaxConsecutiveShifts', 'MinConsecutiveShifts', 'MinConsecutiveDaysOff', 'MaxWeekends'];
    const v = numbers.map((t, k) => int(t, `employee ${id} ${names[k]}`, line.no, problems) ?? 0);
    if (v[1] > v[0]) problems.add(line.no, `employee ${id}: MinTotalMinutes ${v[1]} exceeds MaxTotalMinutes ${v[0]}`);
    if (v[2] < 1 && horizon > 0) problems.add(line.no, `employee ${id}: MaxConsecutiveShifts must be ≥ 1`);
    staff.push({
      id,
      maxShifts,
      maxTotalMinutes: v[0],
      minTotalMinutes: v[1],
      maxConsecutiveShifts: v[2],
      minConsecutiveShifts: v[3],
      minConsecutiveDaysOff: v[4],
      maxWeekends: v[5],
      daysOff: [],
    });
  }
  return staff;
}

function dayIn(text: string, horizon: number, what: string, line: number, problems: Problems): number | undefined {
  const d = int(text, what, line, problems);
  if (d !== undefined && d >= horizon) {
    problems.add(line, `${what}: day ${d} is outside the horizon of ${horizon} days`);
    return undefined;
  }
  return d;
}

function readRequests(lines: Line[], ctx: { staff: Map<string, number>; shifts: Map<string, number>; horizon: number }, kind: string, problems: Problems): CqRequest[] {
  const out: CqRequest[] = [];
  for (const line of lines) {
    if (!expectFields(line, 4, `${kind} request`, problems)) continue;
    const [emp, dayText, shiftId, weightText] = line.fields;
    const employee = ctx.staff.get(emp);
    const shift = ctx.shifts.get(shiftId);
    if (employee === undefined) problems.add(line.no, `${kind} request: unknown employee "${emp}"`);
    if (shift === undefined) problems.add(line.no, `${kind} request: unknown shift "${shiftId}"`);
    const day = dayIn(dayText, ctx.horizon, `${kind} request day`, line.no, problems);
    const weight = int(weightText, `${kind} request weight`, line.no, problems);
    if (employee !== undefined && shift !== undefined && day !== undefined && weight !== undefined) out.push({ employee, day, shift, weight });
  }
  return out;
}

function readCover(lines: Line[], shiftIndex: Map<string, number>, horizon: number, problems: Problems): CqCover[] {
  const out: CqCover[] = [];
  const seen = new Set<string>();
  for (const line of lines) {
    if (!expectFields(line, 5, 'cover', problems)) continue;
    const [dayText, shiftId, reqText, underText, overText] = line.fields;
    const day = dayIn(dayText, horizon, 'cover day', line.no, problems);
    const shift = shiftIndex.get(shiftId);
    if (shift === undefined) problems.add(line.no, `cover: unknown shift "${shiftId}"`);
    const requirement = int(reqText, 'cover requirement', line.no, problems);
    const underWeight = int(underText, 'cover weight for under', line.no, problems);
    const overWeight = int(overText, 'cover weight for over', line.no, problems);
    if (day === undefined || shift === undefined || requirement === undefined || underWeight === undefined || overWeight === undefined) continue;
    if (seen.has(`${day}/${shift}`)) problems.add(line.no, `cover for day ${day} shift ${shiftId} given twice`);
    seen.add(`${day}/${shift}`);
    out.push({ day, shift, requirement, underWeight, overWeight });
  }
  return out;
}

/** Parses one instance; `file` names the source in error locations. */
export function parseCurtoisQu(text: string, file = 'instance', name = basename(file).replace(/\.[^.]*$/, '')): CqInstance {
  const problems = new Problems(file);
  const sections = splitSections(text, problems);
  for (const s of SECTIONS) if (!sections.has(s)) problems.add(1, `missing ${s}`);
  const horizonLines = sections.get('SECTION_HORIZON') ?? [];
  let horizon = 0;
  if (horizonLines.length !== 1 || horizonLines[0].fields.length !== 1) {
    problems.add(horizonLines[0]?.no ?? 1, 'SECTION_HORIZON must hold exactly one number (days)');
  } else {
    horizon = int(horizonLines[0].fields[0], 'horizon', horizonLines[0].no, problems, 1) ?? 0;
  }
  const shifts = readShifts(sections.get('SECTION_SHIFTS') ?? [], problems);
  const staff = readStaff(sections.get('SECTION_STAFF') ?? [], shifts, horizon, problems);
  const staffIndex = new Map(staff.map((s, i) => [s.id, i]));
  const shiftIndex = new Map(shifts.map((s, i) => [s.id, i]));
  for (const line of sections.get('SECTION_DAYS_OFF') ?? []) {
    const [emp, ...days] = line.fields;
    const e = staffIndex.get(emp);
    if (e === undefined) {
      problems.add(line.no, `days off: unknown employee "${emp}"`);
      continue;
    }
    for (const t of days) {
      if (t === '') continue;
      const d = dayIn(t, horizon, `days off of ${emp}`, line.no, problems);
      if (d !== undefined && !staff[e].daysOff.includes(d)) staff[e].daysOff.push(d);
    }
  }
  const ctx = { staff: staffIndex, shifts: shiftIndex, horizon };
  const onRequests = readRequests(sections.get('SECTION_SHIFT_ON_REQUESTS') ?? [], ctx, 'shift-on', problems);
  const offRequests = readRequests(sections.get('SECTION_SHIFT_OFF_REQUESTS') ?? [], ctx, 'shift-off', problems);
  const cover = readCover(sections.get('SECTION_COVER') ?? [], shiftIndex, horizon, problems);
  if (problems.items.length > 0) {
    throw new ValidationError(`${file}: ${problems.items.length} problem(s) in the Curtois & Qu instance`, problems.items);
  }
  for (const s of staff) s.daysOff.sort((a, b) => a - b);
  return { name, horizon, shifts, staff, onRequests, offRequests, cover };
}

export function readCurtoisQuFile(path: string): CqInstance {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new ValidationError(`cannot read ${path}: ${(e as Error).message}`, [{ where: path, message: (e as Error).message }]);
  }
  return parseCurtoisQu(text, path);
}
