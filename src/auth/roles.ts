/**
 * Roles of the people who use ShiftCast (MANUAL.md "Who is who"), plus `admin` for setting a center up.
 * Routes name the roles they allow; team scope narrows what leads, supervisors and agents see.
 */
export const USER_ROLES = ['admin', 'director', 'manager', 'deputy', 'supervisor', 'lead', 'analyst', 'agent'] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** Roles that see every team of their center. */
export const CENTER_WIDE: readonly UserRole[] = ['admin', 'director', 'manager', 'deputy', 'analyst'];

/** Convenient role groups for route declarations. */
export const MANAGERS: readonly UserRole[] = ['admin', 'director', 'manager'];
export const PLANNERS: readonly UserRole[] = [...MANAGERS, 'deputy'];
export const ANALYSTS: readonly UserRole[] = [...MANAGERS, 'analyst'];
export const FLOOR: readonly UserRole[] = [...PLANNERS, 'supervisor', 'lead'];
export const EVERYONE: readonly UserRole[] = USER_ROLES;
