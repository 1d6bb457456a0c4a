/**
 * L1–L5 routes, straight from MANUAL.md (and the original 请假制度流程 4.1–4.3, 事假 5.2):
 * L1 1 day → lead, 2 days → lead → supervisor; L3 3 days → lead → supervisor → manager; L4 more → … → director;
 * L5 personal 1 day → supervisor, ≤3 → manager, >3 → director; L2 a lead's own 1/2/3+ days → supervisor /
 * manager / director.
 */
import { describe, expect, it } from 'vitest';
import { defaultRules } from '../../src/domain/rules.ts';
import { leaveRoute, levelAbove } from '../../src/requests/leave-routing.ts';

const rules = defaultRules();
const roles = (r: ReturnType<typeof leaveRoute>) => r.steps.map((s) => s.role);
const agent = (type: 'personal' | 'sick' | 'other', days: number) => leaveRoute({ role: 'agent', type, days, lead: 'l1', supervisor: 's1' }, rules);
const lead = (days: number) => leaveRoute({ role: 'lead', type: 'other', days, lead: 'l1', supervisor: 's1' }, rules);

describe('L1: short leave', () => {
  it('a 1-day leave is granted by the team lead, named on the step', () => {
    const r = agent('sick', 1);
    expect(r.steps).toEqual([{ role: 'lead', agent: 'l1', rule: 'L1' }]);
    expect(r.grantingLevel).toBe('lead');
  });
  it('a 2-day leave goes past the lead to the supervisor', () => {
    const r = agent('other', 2);
    expect(roles(r)).toEqual(['lead', 'supervisor']);
    expect(r).toMatchObject({ rule: 'L1', grantingLevel: 'supervisor' });
    expect(r.steps[1]).toEqual({ role: 'supervisor', agent: 's1', rule: 'L1' });
  });
});

describe('L3 and L4: long leave', () => {
  it('3 days: lead → supervisor → manager (L3)', () => {
    expect(roles(agent('sick', 3))).toEqual(['lead', 'supervisor', 'manager']);
    expect(agent('sick', 3).rule).toBe('L3');
  });
  it('4 days: lead → supervisor → manager → director (L4)', () => {
    expect(roles(agent('other', 4))).toEqual(['lead', 'supervisor', 'manager', 'director']);
    expect(agent('other', 4).rule).toBe('L4');
  });
  it('the long-leave threshold is the longLeaveMinDays setting', () => {
    const r = leaveRoute({ role: 'agent', type: 'sick', days: 3, lead: 'l1', supervisor: 's1' }, { ...rules, longLeaveMinDays: 4 });
    expect(r).toMatchObject({ rule: 'L1', grantingLevel: 'supervisor' });
  });
});

describe('L5: personal leave', () => {
  it('1 day of personal leave is signed by the supervisor, not the lead', () => {
    expect(roles(agent('personal', 1))).toEqual(['lead', 'supervisor']);
    expect(agent('personal', 1).rule).toBe('L5');
  });
  it('2 and 3 days go to the operations manager; 4 to the director', () => {
    expect(roles(agent('personal', 2))).toEqual(['lead', 'supervisor', 'manager']);
    expect(roles(agent('personal', 3))).toEqual(['lead', 'supervisor', 'manager']);
    expect(roles(agent('personal', 4))).toEqual(['lead', 'supervisor', 'manager', 'director']);
    expect(agent('personal', 2).rule).toBe('L5');
  });
  it('sick leave of 1 day stays with the lead (near miss of L5)', () => {
    expect(agent('sick', 1).rule).toBe('L1');
  });
});

describe('L2: a team lead\'s own leave', () => {
  it('1 day → supervisor, 2 days → manager, 3 days → director', () => {
    expect(roles(lead(1))).toEqual(['supervisor']);
    expect(roles(lead(2))).toEqual(['supervisor', 'manager']);
    expect(roles(lead(3))).toEqual(['supervisor', 'manager', 'director']);
    expect(lead(2)).toMatchObject({ rule: 'L2', grantingLevel: 'manager' });
  });
});

describe('the next level up (L9)', () => {
  it('climbs one level and stops at the director', () => {
    expect(levelAbove('lead')).toBe('supervisor');
    expect(levelAbove('manager')).toBe('director');
    expect(levelAbove('director')).toBeNull();
  });
});
