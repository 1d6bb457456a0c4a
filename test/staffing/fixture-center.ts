/** A small center for the staffing tests: an Erlang C queue, an Erlang A queue and an outbound queue. */
import { parseCenter } from '../../src/domain/center-loader.ts';
import type { Center, CenterInput } from '../../src/domain/center-schema.ts';

export function fixtureCenterInput(): CenterInput {
  return {
    id: 'fixture',
    name: 'fixture',
    timezone: 'Asia/Shanghai',
    intervalMinutes: 30,
    open: [{ days: [1, 2, 3, 4, 5, 6, 7], from: '08:00', to: '22:00' }],
    queues: [
      { id: 'sales', kind: 'inbound', serviceLevel: { target: 0.8, seconds: 20 }, ahtSeconds: 180 },
      { id: 'care', kind: 'inbound', serviceLevel: { target: 0.8, seconds: 20 }, maxOccupancy: 0.85, patienceSeconds: 120, maxAbandonRate: 0.05, ahtSeconds: 240 },
      { id: 'tsr', kind: 'outbound' },
    ],
    shiftTemplates: [{ id: 'D', start: '09:00', minutes: 540, meal: { minutes: 60, from: '11:00', to: '14:00' } }],
    teams: [
      { id: 'care-1', queue: 'care', lead: 'c3', supervisor: 's1' },
      { id: 'tsr-1', queue: 'tsr', lead: 't1', supervisor: 's1' },
    ],
    agents: [
      { id: 's1', role: 'supervisor', skills: ['care', 'tsr'], contract: { maxDays: 22 } },
      { id: 'c1', role: 'agent', team: 'care-1', skills: ['care'], contract: { maxDays: 20 } },
      { id: 'c2', role: 'agent', team: 'care-1', skills: ['care'], contract: { maxDays: 22 } },
      { id: 'c3', role: 'lead', team: 'care-1', skills: ['care'], contract: { maxDays: 20 } },
      { id: 't1', role: 'lead', team: 'tsr-1', skills: ['tsr'], tier: 'A', contract: { maxDays: 20 } },
      { id: 't2', role: 'agent', team: 'tsr-1', skills: ['tsr'], tier: 'intern', contract: { maxDays: 20 } },
    ],
  };
}

export function fixtureCenter(edit: (c: CenterInput) => void = () => {}): Center {
  const input = fixtureCenterInput();
  edit(input);
  return parseCenter(input);
}
