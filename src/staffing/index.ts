/**
 * The staffing module's public API (DESIGN.md: forecast → requirements → roster). Every function is pure and
 * returns plain JSON-serializable data, except that the raw queue models report ASA = Infinity for a queue
 * that never empties (requirements and plans only ever contain finite numbers).
 */
export { erlangB, erlangBLinesRequired, erlangBTable } from './erlang-b.ts';
export { erlangC, probabilityOfWaiting, trafficErlangs, type ErlangCInput, type QueueMetrics } from './erlang-c.ts';
export { erlangCAgentsRequired, type AgentsRequired, type ErlangCAgentsInput } from './erlang-c-agents.ts';
export { erlangA, ERLANG_A_TAIL_BOUND, type ErlangAInput, type ErlangAMetrics } from './erlang-a.ts';
export { erlangAAgentsRequired, type ErlangAAgentsInput, type ErlangAAgentsRequired } from './erlang-a-agents.ts';
export type { ServiceLevelTarget, StaffingTargets, TargetName } from './targets.ts';
export { outboundAgentsRequired, tierMix, PHONE_ROLES, type TierMix, type OutboundRounding } from './outbound.ts';
export { grossUp, scheduledAgents } from './shrinkage.ts';
export {
  computeRequirements, type RequirementsOptions, type RequirementsResult, type RequirementDetail, type QueueRequirementSummary, type StaffingModel,
} from './requirements.ts';
export { shiftTime, type ShiftTime } from './shift-time.ts';
export { agentCapacities, centerLeave, openDates, type AgentCapacity, type LeaveDay } from './agent-capacity.ts';
export { headcountAssumptionsSchema, resolveAssumptions, type HeadcountAssumptionsInput, type AssumptionLine } from './headcount-assumptions.ts';
export { staffingPlan, type StaffingPlan, type StaffingPlanInput, type QueuePlan, type PlanStep, type Hire } from './hiring-gap.ts';
