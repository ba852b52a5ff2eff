/**
 * The nearest known name to a misspelt one, for "did you mean …?" in input
 * errors: `Count` → `count`, `area_mm2` → `areaMm2`, `datacentre` →
 * `datacenter`, `sparsity` → `sparse`, `dieArea` → `areaMm2`.
 *
 * Names are compared normalised (lower case, letters and digits only), then
 * by edit distance (insert, delete, substitute, swap two neighbours), then by
 * a shared word (camelCase, snake_case and spaces split into words). A name
 * far from every candidate gets no suggestion: a wrong guess is worse than
 * none.
 */

/** `Die area (mm2)` → `dieareamm2`: lower case, letters and digits only. */
export function normaliseName(name: string): string {
  return name
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, "");
}

/** `transistorDensityPerMm2` → [transistor, density, per, mm2]; `die_area` → [die, area]. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, "$1 $2")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}

/** Optimal-string-alignment distance: insertions, deletions, substitutions and swaps of neighbours each cost 1. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) =>
    // The first row and column: the cost of building a prefix from nothing.
    Array.from({ length: cols }, (_, j) => (i === 0 || j === 0 ? i + j : 0)),
  );
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[rows - 1]![cols - 1]!;
}

function commonPrefixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/** How far `given` is from `known`, or undefined when too far to suggest. Lower is nearer. */
function closeness(given: string, known: string): number | undefined {
  const a = normaliseName(given);
  const b = normaliseName(known);
  if (a.length === 0 || b.length === 0) return undefined;
  if (a === b) return 0;
  const distance = editDistance(a, b);
  if (distance <= Math.max(1, Math.floor(Math.max(a.length, b.length) / 3))) return distance;
  const prefix = commonPrefixLength(a, b);
  if (prefix >= 4 && prefix * 2 >= Math.min(a.length, b.length)) return 10 + distance;
  const givenWords = new Set(nameWords(given).filter((word) => word.length >= 3));
  if (nameWords(known).some((word) => givenWords.has(word))) return 100 + distance;
  return undefined;
}

/**
 * The known name nearest to `given`, or undefined when none is near.
 *
 * @example nearestName("Count", ["name", "count", "rates"]) === "count"
 * @example nearestName("zzz", ["name", "count", "rates"]) === undefined
 */
export function nearestName(given: string, known: readonly string[]): string | undefined {
  let best: { name: string; score: number } | undefined;
  for (const name of known) {
    const score = closeness(given, name);
    if (score !== undefined && (best === undefined || score < best.score)) best = { name, score };
  }
  return best?.name;
}
