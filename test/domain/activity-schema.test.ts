// Bad activity definitions in a center file are refused with the JSON path of each problem, nothing half-loaded.
import { describe, expect, it } from 'vitest';
import { centerSchema } from '../../src/domain/center-schema.ts';
import { parseCenter } from '../../src/domain/center-loader.ts';
import { ValidationError } from '../../src/errors.ts';
import { tinyCenterInput } from '../solver/fixture.ts';

function problemsOf(activities: unknown[]): Array<{ where: string; message: string }> {
  const input = { ...tinyCenterInput(), activities };
  try {
    parseCenter(input);
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return (e as ValidationError & { errors: Array<{ where: string; message: string }> }).errors;
  }
  return [];
}
const exam = { id: 'exam', rule: 'TR2', minutes: 60, attendees: { role: 'agent' }, days: { from: 1, to: 24 } };

describe('center activities', () => {
  it('accepts the FORMATS.md example, perPerson defaulting to 1', () => {
    const c = parseCenter(centerSchema.parse({ ...tinyCenterInput(), activities: [{ ...exam, hours: { from: '09:00', to: '18:00' }, maxTogether: 6 }] }));
    expect(c.activities[0].perPerson).toBe(1);
  });
  it('names the field of every problem', () => {
    const problems = problemsOf([
      { ...exam, attendees: { team: 'nope' } },
      { ...exam, id: 'exam', days: { from: 25, to: 24 } },
      { ...exam, id: 'short', hours: { from: '09:00', to: '09:30' } },
      { ...exam, id: 'who', attendees: { agents: ['a1', 'zz'] } },
    ]);
    expect(problems.map((p) => p.where)).toEqual([
      '$.activities[0].attendees.team', '$.activities[1].id', '$.activities[1].days.to', '$.activities[2].hours', '$.activities[3].attendees.agents[1]',
    ]);
  });
  it('refuses a shape error with its path: minutes below 5, attendees of an unknown kind', () => {
    expect(problemsOf([{ ...exam, minutes: 4 }]).map((p) => p.where)).toEqual(['$.activities[0].minutes']);
    expect(problemsOf([{ ...exam, attendees: { everyone: true } }]).map((p) => p.where)).toEqual(['$.activities[0].attendees']);
  });
});
