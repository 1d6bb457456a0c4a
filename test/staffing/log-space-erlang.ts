/**
 * An independent Erlang B / Erlang C in log space (log-sum-exp over the Poisson terms A^k / k!), used to check
 * the recursion-based implementation at thousands of agents where no factorial can be formed directly.
 * B = (A^N/N!) / Σ_{k≤N} A^k/k!;  C = N·B / (N − A(1 − B)).
 */
export function logSpaceErlangB(traffic: number, servers: number): number {
  const logTerms: number[] = [];
  let logFactorial = 0;
  for (let k = 0; k <= servers; k++) {
    if (k > 0) logFactorial += Math.log(k);
    logTerms.push(k * Math.log(traffic) - logFactorial);
  }
  const max = Math.max(...logTerms);
  const logSum = max + Math.log(logTerms.reduce((s, t) => s + Math.exp(t - max), 0));
  return Math.exp(logTerms[servers] - logSum);
}

export function logSpaceErlangC(traffic: number, servers: number): number {
  const b = logSpaceErlangB(traffic, servers);
  return (servers * b) / (servers - traffic * (1 - b));
}
