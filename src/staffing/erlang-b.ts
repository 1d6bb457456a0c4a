/**
 * Erlang B: the probability that a call offered `traffic` Erlangs finds all `servers` busy in a loss system
 * (M/M/N/N). Computed by the standard recursion B(0) = 1, B(n) = A·B(n−1) / (n + A·B(n−1)), which never forms
 * a factorial or a power and so stays exact to rounding for thousands of servers (a value below ~1e-308 simply
 * underflows to 0). Source: e.g. Cooper, "Introduction to Queueing Theory", §3.4; data/erlang-reference/SOURCE.md.
 * Cost O(servers).
 */

function checkTraffic(traffic: number): void {
  if (!Number.isFinite(traffic) || traffic < 0) throw new RangeError(`traffic must be a finite number ≥ 0 Erlangs, got ${traffic}`);
}

function checkServers(servers: number): void {
  if (!Number.isInteger(servers) || servers < 0) throw new RangeError(`servers must be a whole number ≥ 0, got ${servers}`);
}

/** Erlang B blocking probability B(servers, traffic). */
export function erlangB(traffic: number, servers: number): number {
  checkTraffic(traffic);
  checkServers(servers);
  let b = 1;
  for (let n = 1; n <= servers; n++) b = (traffic * b) / (n + traffic * b);
  return b;
}

/** One step of the recursion: B(n) from B(n − 1). */
export function erlangBNext(traffic: number, n: number, previous: number): number {
  return (traffic * previous) / (n + traffic * previous);
}

/** B(0…maxServers) in one pass: entry n is Erlang B with n servers. */
export function erlangBTable(traffic: number, maxServers: number): Float64Array {
  checkTraffic(traffic);
  checkServers(maxServers);
  const table = new Float64Array(maxServers + 1);
  table[0] = 1;
  for (let n = 1; n <= maxServers; n++) table[n] = erlangBNext(traffic, n, table[n - 1]);
  return table;
}

/** The fewest lines (servers) whose blocking is at most `maxBlocking`. */
export function erlangBLinesRequired(traffic: number, maxBlocking: number): number {
  checkTraffic(traffic);
  if (!(maxBlocking > 0 && maxBlocking <= 1)) throw new RangeError(`maxBlocking must be in (0, 1], got ${maxBlocking}`);
  let n = 0;
  let b = 1;
  while (b > maxBlocking) {
    n += 1;
    b = erlangBNext(traffic, n, b);
  }
  return n;
}
