/**
 * A larger instance in the Curtois & Qu text format, made from a smaller one for tests of scale: the horizon
 * is repeated `weeksFactor` times (days off, requests and cover copied into each repetition; per-type maxima,
 * minutes and weekends multiplied) and the staff `staffFactor` times (copies get the suffix "_2", "_3", …;
 * cover requirements multiplied). Shifts are unchanged.
 */
import type { CqInstance } from '../../solver/benchmarks/curtois-qu-instance.ts';

export function scaledInstanceText(inst: CqInstance, weeksFactor: number, staffFactor: number): string {
  const D = inst.horizon;
  const lines: string[] = ['# scaled copy for tests', 'SECTION_HORIZON', String(D * weeksFactor), '', 'SECTION_SHIFTS'];
  for (const s of inst.shifts) lines.push(`${s.id},${s.minutes},${s.cannotFollow.join('|')}`);
  const copies = (id: string) => Array.from({ length: staffFactor }, (_, k) => (k === 0 ? id : `${id}_${k + 1}`));
  lines.push('', 'SECTION_STAFF');
  for (const s of inst.staff) {
    const max = Object.entries(s.maxShifts).map(([t, n]) => `${t}=${n * weeksFactor}`).join('|');
    const rest = [s.maxTotalMinutes * weeksFactor, s.minTotalMinutes * weeksFactor, s.maxConsecutiveShifts, s.minConsecutiveShifts, s.minConsecutiveDaysOff, s.maxWeekends * weeksFactor];
    for (const id of copies(s.id)) lines.push([id, max, ...rest].join(','));
  }
  const repeat = (day: number) => Array.from({ length: weeksFactor }, (_, w) => day + w * D);
  lines.push('', 'SECTION_DAYS_OFF');
  for (const s of inst.staff) for (const id of copies(s.id)) lines.push([id, ...s.daysOff.flatMap(repeat)].join(','));
  for (const [section, list] of [['SECTION_SHIFT_ON_REQUESTS', inst.onRequests], ['SECTION_SHIFT_OFF_REQUESTS', inst.offRequests]] as const) {
    lines.push('', section);
    for (const r of list) for (const id of copies(inst.staff[r.employee].id)) for (const d of repeat(r.day)) lines.push([id, d, inst.shifts[r.shift].id, r.weight].join(','));
  }
  lines.push('', 'SECTION_COVER');
  for (let w = 0; w < weeksFactor; w++) {
    for (const c of inst.cover) lines.push([c.day + w * D, inst.shifts[c.shift].id, c.requirement * staffFactor, c.underWeight, c.overWeight].join(','));
  }
  return lines.join('\r\n') + '\r\n';
}
