import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { parseCurtoisQu, readCurtoisQuFile } from '../../solver/benchmarks/curtois-qu-reader.ts';
import { cqObjective } from '../../solver/benchmarks/curtois-qu-objective.ts';
import { emptySolution } from '../../solver/benchmarks/curtois-qu-instance.ts';

const dir = fileURLToPath(new URL('../../data/curtois-qu/instances/', import.meta.url));

// Two employees, three days, shifts E and L; cover E needs 1 each day (under 100, over 1), L needs 1 on day 2.
const tiny = parseCurtoisQu(
  [
    'SECTION_HORIZON', '3',
    'SECTION_SHIFTS', 'E,480,', 'L,480,E',
    'SECTION_STAFF', 'A,E=3|L=3,1440,0,3,1,1,1', 'B,E=3|L=3,1440,0,3,1,1,1',
    'SECTION_DAYS_OFF', 'A', 'B',
    'SECTION_SHIFT_ON_REQUESTS', 'A,0,E,3', 'B,2,L,2',
    'SECTION_SHIFT_OFF_REQUESTS', 'A,1,E,5', 'B,0,E,4',
    'SECTION_COVER', '0,E,1,100,1', '1,E,1,100,1', '2,E,1,100,1', '0,L,0,100,1', '1,L,0,100,1', '2,L,1,100,1',
  ].join('\n'),
  'tiny.txt',
);

describe('Curtois & Qu objective', () => {
  it('a perfect solution costs nothing', () => {
    // A: E off E; B: off E L — every request granted, cover exact.
    expect(cqObjective(tiny, [[0, -1, 0], [-1, 0, 1]]).total).toBe(0);
  });

  it('adds request weights and weighted under/over cover as hand-computed', () => {
    // A: off E E  → on-request (A,0,E) refused: 3; off-request (A,1,E) violated: 5.
    // B: E E off  → off-request (B,0,E) violated: 4; on-request (B,2,L) refused: 2.
    // Cover: day 0 E = 1 (ok), day 1 E = 2 (1 over ×1), day 2 E = 1 (ok), day 2 L = 0 (1 under ×100).
    expect(cqObjective(tiny, [[-1, 0, 0], [0, 0, -1]])).toEqual({ total: 3 + 5 + 4 + 2 + 1 + 100, onRequests: 5, offRequests: 9, under: 100, over: 1 });
  });

  it('Instance1, everyone off: every on-request weight (37) plus 100 per required shift (71)', () => {
    // On-request weights in SECTION_SHIFT_ON_REQUESTS: A 2+2, B 5×3, C 5×1, D 2+2, F 2+2, H 5×1 = 37.
    // Requirements in SECTION_COVER: 5+7+6+4+5+5+5+6+7+4+2+5+6+4 = 71, under weight 100.
    const inst = readCurtoisQuFile(`${dir}Instance1.txt`);
    expect(cqObjective(inst, emptySolution(inst))).toEqual({ total: 37 + 7100, onRequests: 37, offRequests: 0, under: 7100, over: 0 });
  });
});
