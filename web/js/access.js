/**
 * Which page each role may open (the list, within what the API lets the role read). The nav shows only
 * these; opening another page's address shows "not allowed" and fetches nothing. The API still checks every
 * request on its own (role and team scope), so this is presentation, not the security boundary.
 */
const MANAGERS = ['admin', 'director', 'manager'];

export const PAGES = [
  // Deputies plan from forecasts (R2) and the forecast API grants them; analysts and managers own accuracy.
  { id: 'forecast', roles: ['analyst', 'deputy', ...MANAGERS] },
  { id: 'coverage', roles: ['deputy', ...MANAGERS] },
  // Analysts collect every team's published roster at month end (R13).
  { id: 'roster', roles: ['deputy', 'supervisor', 'lead', 'analyst', ...MANAGERS] },
  { id: 'today', roles: ['supervisor', ...MANAGERS] },
  { id: 'attendance', roles: ['lead', 'analyst', ...MANAGERS] },
  // Anyone who is a person of the center (agent, lead, supervisor) has a schedule of their own.
  { id: 'my', roles: [], needsAgent: true },
];

export function mayOpen(me, pageId) {
  const page = PAGES.find((p) => p.id === pageId);
  if (!page) return false;
  if (page.needsAgent) return Boolean(me.agent);
  return page.roles.includes(me.role);
}

export function pagesFor(me) {
  return PAGES.filter((p) => mayOpen(me, p.id)).map((p) => p.id);
}

/** Roles that may act (not only look) on a roster: solve and publish (R1: the deputy operations manager). */
export function mayPlanRoster(me) {
  return ['deputy', ...MANAGERS].includes(me.role);
}
