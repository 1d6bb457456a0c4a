import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { readCurtoisQuFile } from '../../solver/benchmarks/curtois-qu-reader.ts';
import { parseCqSolution, writeCqSolution } from '../../solver/benchmarks/curtois-qu-solution.ts';
import { ValidationError } from '../../src/errors.ts';
import { FEASIBLE_ROWS, grid } from './instance1-grids.ts';

const inst = readCurtoisQuFile(fileURLToPath(new URL('../../data/curtois-qu/instances/Instance1.txt', import.meta.url)));

function problems(text: string): string[] {
  try {
    parseCqSolution(inst, text, 'sol.txt');
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return (e as ValidationError).errors.map((p) => `${p.where}: ${p.message}`);
  }
  return [];
}

describe('Curtois & Qu solution file', () => {
  const solution = grid(inst, FEASIBLE_ROWS);
  const text = writeCqSolution(inst, solution);

  it('writes one line per employee: the id, then one field per day, empty for a day off', () => {
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(8);
    expect(lines[0]).toBe('A,,D,D,D,D,,,D,D,D,D,,,');
    expect(lines[0].split(',')).toHaveLength(1 + 14);
  });

  it('reads back what it writes', () => {
    expect(parseCqSolution(inst, text)).toEqual(solution);
  });

  it('reports unknown employees, shifts and wrong day counts with file:line, and missing employees', () => {
    const lines = text.trimEnd().split('\n');
    lines[0] = 'Z,,D,D,D,D,,,D,D,D,D,,,';
    lines[1] = 'B,D,D,D,D';
    lines[2] = lines[2].replace(/^C,D/, 'C,X');
    expect(problems(lines.join('\n'))).toEqual([
      'sol.txt:1: unknown employee "Z"',
      'sol.txt:2: employee B: expected 14 day fields, got 4',
      'sol.txt:3: employee C day 0: unknown shift "X"',
      'sol.txt: employee A has no line',
      'sol.txt: employee B has no line',
    ]);
  });
});
