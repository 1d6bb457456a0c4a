import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCenter } from '../../src/domain/center-loader.ts';
import { ValidationError } from '../../src/errors.ts';

const demo = () => JSON.parse(readFileSync(new URL('../../data/demo-center.json', import.meta.url), 'utf8'));

function problems(center: unknown): Array<{ where: string; message: string }> {
  try {
    parseCenter(center);
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return (e as ValidationError).errors;
  }
  return [];
}

describe('center loader', () => {
  it('accepts the demo center and fills the manual defaults', () => {
    const c = parseCenter(demo());
    expect(c.id).toBe('demo');
    expect(c.rules.hourlyBreakMinutes).toBe(5); // R7
    expect(c.rules.noBreakFirstMinutes).toBe(30); // R9
    expect(c.rules.leavePerSupervisorPerDay).toBe(1); // L7
    expect(c.rules.attendanceFloor).toBe(0.95); // L9
    expect(c.rules.longLeaveLock).toBe(11); // L8
    expect(c.rules.swapQuota).toEqual({ self: 1, peer: 2 }); // R6
  });

  it('reports an unknown team with its JSON path', () => {
    const c = demo();
    c.agents[10].team = 'nowhere';
    expect(problems(c)).toContainEqual({ where: '$.agents[10].team', message: 'unknown team "nowhere"' });
  });

  it('reports an agent without a team', () => {
    const c = demo();
    delete c.agents[10].team;
    expect(problems(c).map((p) => p.where)).toContain('$.agents[10].team');
  });

  it('reports a team supervisor who is not a supervisor', () => {
    const c = demo();
    c.teams[0].supervisor = c.agents.find((a: { role: string }) => a.role === 'agent').id;
    const found = problems(c).find((p) => p.where === '$.teams[0].supervisor');
    expect(found?.message).toMatch(/not "supervisor"/);
  });

  it('reports a lead outside the team', () => {
    const c = demo();
    c.teams[0].lead = c.teams[1].lead;
    const found = problems(c).filter((p) => p.where === '$.teams[0].lead');
    expect(found.map((p) => p.message).join(' ')).toMatch(/is not in team "csr-1"/);
  });

  it('reports a template longer than 24 hours', () => {
    const c = demo();
    c.shiftTemplates[0].minutes = 1470;
    expect(problems(c).map((p) => p.where)).toContain('$.shiftTemplates[0].minutes');
  });

  it('reports a bad time zone', () => {
    const c = demo();
    c.timezone = 'Asia/Atlantis';
    expect(problems(c)).toContainEqual({ where: '$.timezone', message: 'unknown IANA time zone "Asia/Atlantis"' });
  });

  it('reports shape errors with paths and collects all of them', () => {
    const c = demo();
    c.intervalMinutes = 7;
    c.agents[3].role = 'boss';
    const wheres = problems(c).map((p) => p.where);
    expect(wheres).toContain('$.intervalMinutes');
    expect(wheres).toContain('$.agents[3].role');
  });

  it('reports duplicate ids and unknown skills', () => {
    const c = demo();
    c.agents[20].id = c.agents[19].id;
    c.agents[21].skills = ['csr', 'fax'];
    const wheres = problems(c).map((p) => p.where);
    expect(wheres).toContain('$.agents[20].id');
    expect(wheres).toContain('$.agents[21].skills[1]');
  });
});
