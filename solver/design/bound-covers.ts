/**
 * The hard rules the lower bound's model (design-model.ts) holds, stated with every bound: H1 (one shift a
 * day), H2 (skills), H3 (leave, unavailability), H4 and R4 (templates, their days and start windows), R7–R9
 * (hourly breaks, meals in their windows, none in the first minutes), R12 (bus departures, where a template
 * can meet one), C1 (rest), C2 (consecutive days), C3 (days a month), P1 (published days). Not in it: the soft
 * rules, C4–C9, L9 and R11 (supervisors take no calls) — leaving a rule out only lowers a bound, so it stays
 * valid for the rules it holds.
 */
export const BOUND_COVERS = ['H1', 'H2', 'H3', 'H4', 'R4', 'R7', 'R8', 'R9', 'R12', 'C1', 'C2', 'C3', 'P1'];
