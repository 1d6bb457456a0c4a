/**
 * The benchmark solution file: one line per employee, the employee id and then one comma-separated field per
 * day holding the shift id, or nothing for a day off (`A,D,D,,,D,…`). Writer and reader; the reader reports
 * problems as "file:line".
 */
import { ValidationError, type ProblemItem } from '../../src/errors.ts';
import type { CqInstance, CqSolution } from './curtois-qu-instance.ts';

export function writeCqSolution(instance: CqInstance, solution: CqSolution): string {
  return instance.staff
    .map((s, e) => [s.id, ...solution[e].map((t) => (t < 0 ? '' : instance.shifts[t].id))].join(','))
    .join('\n')
    .concat('\n');
}

export function parseCqSolution(instance: CqInstance, text: string, file = 'solution'): CqSolution {
  const problems: ProblemItem[] = [];
  const staffIndex = new Map(instance.staff.map((s, i) => [s.id, i]));
  const shiftIndex = new Map(instance.shifts.map((s, i) => [s.id, i]));
  const solution: Array<number[] | undefined> = instance.staff.map(() => undefined);
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const where = `${file}:${i + 1}`;
    const [id, ...days] = line.split(',').map((f) => f.trim());
    const e = staffIndex.get(id);
    if (e === undefined) return void problems.push({ where, message: `unknown employee "${id}"` });
    if (solution[e] !== undefined) return void problems.push({ where, message: `employee "${id}" appears twice` });
    if (days.length !== instance.horizon) {
      return void problems.push({ where, message: `employee ${id}: expected ${instance.horizon} day fields, got ${days.length}` });
    }
    solution[e] = days.map((f, d) => {
      if (f === '') return -1;
      const t = shiftIndex.get(f);
      if (t === undefined) problems.push({ where, message: `employee ${id} day ${d}: unknown shift "${f}"` });
      return t ?? -1;
    });
  });
  instance.staff.forEach((s, e) => {
    if (solution[e] === undefined) problems.push({ where: file, message: `employee ${s.id} has no line` });
  });
  if (problems.length > 0) throw new ValidationError(`${file}: ${problems.length} problem(s) in the solution`, problems);
  return solution as CqSolution;
}
