/**
 * The one error family of ShiftCast. Services throw these; the API maps them to application/problem+json
 * (src/api/problem.ts) and the CLI prints them as one line each. `where` names the place: a JSON path, a file
 * and line, or a field.
 */
export interface ProblemItem {
  /** JSON path ("$.agents[3].team"), "file:line:column", or a field name. */
  where: string;
  message: string;
  rule?: string;
}

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    readonly title: string,
    detail: string,
    readonly errors: ProblemItem[] = [],
    readonly rule?: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail);
    this.name = new.target.name;
  }
}

/** Bad input: a file, a body, a flag. 400 (or 422 for a well-formed body the rules refuse). */
export class ValidationError extends AppError {
  constructor(detail: string, errors: ProblemItem[] = [], status = 400) {
    super(status, 'validation', 'Invalid input', detail, errors);
  }
}

export class NotFoundError extends AppError {
  constructor(detail: string) {
    super(404, 'not-found', 'Not found', detail);
  }
}

export class UnauthorizedError extends AppError {
  constructor(detail = 'a valid bearer token is required') {
    super(401, 'unauthorized', 'Unauthorized', detail);
  }
}

export class ForbiddenError extends AppError {
  constructor(detail: string, rule?: string) {
    super(403, 'forbidden', 'Forbidden', detail, [], rule);
  }
}

export class ConflictError extends AppError {
  constructor(detail: string, rule?: string, extra: Record<string, unknown> = {}) {
    super(409, 'conflict', 'Conflict', detail, [], rule, extra);
  }
}

/** A manual rule says no (the rule id travels to the client). */
export class RuleViolationError extends AppError {
  constructor(rule: string, detail: string, extra: Record<string, unknown> = {}, status = 409) {
    super(status, 'rule-violation', `Rule ${rule} refused the request`, detail, [], rule, extra);
  }
}

/** Too many requests from one token: 429 with Retry-After (seconds). */
export class RateLimitedError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super(429, 'rate-limited', 'Too many requests', `this token is over its rate limit; retry after ${retryAfterSeconds} s`, [], undefined, { retryAfter: retryAfterSeconds });
  }
}

export class UnavailableError extends AppError {
  constructor(detail: string) {
    super(503, 'unavailable', 'Service unavailable', detail);
  }
}

/** Formats problem items as "where: message" lines, for the CLI and for error details. */
export function describeProblems(errors: ProblemItem[], max = 20): string {
  const lines = errors.slice(0, max).map((e) => `${e.where}: ${e.message}${e.rule ? ` (${e.rule})` : ''}`);
  if (errors.length > max) lines.push(`… and ${errors.length - max} more`);
  return lines.join('\n');
}
