/**
 * The two bits of dense linear algebra the models need, small enough not to warrant a library:
 * - leading right singular vectors of a matrix by orthogonal (subspace) iteration on XᵀX (Golub & Van Loan,
 *   "Matrix Computations", 4th ed., §8.2.4), for matrices of a few hundred columns;
 * - a weighted ridge least-squares solve through the normal equations, by Gaussian elimination with partial
 *   pivoting (ibid. §3.4), for a dozen coefficients.
 */

/** Orthonormalizes the columns of `basis` in place (modified Gram-Schmidt); drops none. */
function orthonormalize(basis: Float64Array[]): void {
  for (let a = 0; a < basis.length; a++) {
    const v = basis[a];
    for (let b = 0; b < a; b++) {
      const u = basis[b];
      let dot = 0;
      for (let i = 0; i < v.length; i++) dot += v[i] * u[i];
      for (let i = 0; i < v.length; i++) v[i] -= dot * u[i];
    }
    let norm = 0;
    for (let i = 0; i < v.length; i++) norm += v[i] * v[i];
    norm = Math.sqrt(norm);
    if (norm > 1e-12) for (let i = 0; i < v.length; i++) v[i] /= norm;
    else {
      v.fill(0);
      v[a % v.length] = 1;
    }
  }
}

/**
 * The k leading right singular vectors of the n × m matrix with the given rows (k ≤ m), ordered by singular
 * value. Converges geometrically in the ratio of consecutive singular values; `iterations` sweeps.
 */
export function rightSingularVectors(rows: readonly Float64Array[], k: number, iterations = 60): Float64Array[] {
  const m = rows[0].length;
  const gram = new Float64Array(m * m);
  for (const r of rows) {
    for (let i = 0; i < m; i++) {
      const ri = r[i];
      if (ri === 0) continue;
      const off = i * m;
      for (let j = 0; j < m; j++) gram[off + j] += ri * r[j];
    }
  }
  // Start from the column sums and unit vectors: deterministic, and not orthogonal to the leading space.
  const basis: Float64Array[] = [];
  for (let a = 0; a < k; a++) {
    const v = new Float64Array(m);
    if (a === 0) for (const r of rows) for (let i = 0; i < m; i++) v[i] += r[i];
    else for (let i = 0; i < m; i++) v[i] = Math.cos((a * (i + 1) * Math.PI) / m);
    basis.push(v);
  }
  orthonormalize(basis);
  const next = basis.map(() => new Float64Array(m));
  for (let it = 0; it < iterations; it++) {
    for (let a = 0; a < k; a++) {
      const v = basis[a];
      const out = next[a];
      for (let i = 0; i < m; i++) {
        let sum = 0;
        const off = i * m;
        for (let j = 0; j < m; j++) sum += gram[off + j] * v[j];
        out[i] = sum;
      }
    }
    for (let a = 0; a < k; a++) basis[a].set(next[a]);
    orthonormalize(basis);
  }
  // Order by Rayleigh quotient (the squared singular value).
  const energy = basis.map((v) => {
    let e = 0;
    for (let i = 0; i < m; i++) {
      let sum = 0;
      for (let j = 0; j < m; j++) sum += gram[i * m + j] * v[j];
      e += v[i] * sum;
    }
    return e;
  });
  return basis.map((v, a) => ({ v, e: energy[a] })).sort((x, y) => y.e - x.e).map((x) => x.v);
}

/**
 * Minimises Σ wᵢ (yᵢ − xᵢ·β)² + Σ_j penalty[j] β_j². Returns β (length p).
 */
export function ridgeRegression(x: readonly number[][], y: readonly number[], weights: readonly number[], penalty: readonly number[]): number[] {
  const p = penalty.length;
  const a = Array.from({ length: p }, () => new Array<number>(p + 1).fill(0));
  x.forEach((row, n) => {
    const w = weights[n];
    for (let i = 0; i < p; i++) {
      if (row[i] === 0) continue;
      for (let j = 0; j < p; j++) a[i][j] += w * row[i] * row[j];
      a[i][p] += w * row[i] * y[n];
    }
  });
  for (let i = 0; i < p; i++) a[i][i] += penalty[i];
  for (let c = 0; c < p; c++) {
    let pivot = c;
    for (let r = c + 1; r < p; r++) if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) pivot = r;
    [a[c], a[pivot]] = [a[pivot], a[c]];
    if (Math.abs(a[c][c]) < 1e-12) continue;
    for (let r = 0; r < p; r++) {
      if (r === c) continue;
      const f = a[r][c] / a[c][c];
      if (f === 0) continue;
      for (let j = c; j <= p; j++) a[r][j] -= f * a[c][j];
    }
  }
  return a.map((row, i) => (Math.abs(row[i]) < 1e-12 ? 0 : row[p] / row[i]));
}
