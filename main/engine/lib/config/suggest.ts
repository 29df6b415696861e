/**
 * The known name `word` is most likely a typo of, or undefined when none is close enough: one
 * slip (a letter missing, extra, wrong or two swapped) in a short name, two in a longer one.
 * Case, `_` for `-` and surrounding spaces are ignored, as people mix them up.
 */
export function closestName(word: string, known: readonly string[]): string | undefined {
  const typed = normalise(word);
  // Long keys are never a typo of a short field; comparing them would only cost time.
  if (typed.length > 64) return undefined;
  const allowed = typed.length <= 4 ? 1 : 2;
  let best: string | undefined;
  let bestDistance = allowed + 1;
  for (const name of known) {
    const distance = editDistance(typed, normalise(name), bestDistance);
    if (distance < bestDistance) {
      best = name;
      bestDistance = distance;
    }
  }
  return best;
}

function normalise(name: string): string {
  return name.trim().toLowerCase().replace(/_/g, '-');
}

/** Edits (insert, delete, replace, swap two neighbours) from `a` to `b`; `limit` or more once past it. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) >= limit) return limit;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowBest = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2] + 1);
      current.push(d);
      rowBest = Math.min(rowBest, d);
    }
    if (rowBest >= limit) return limit;
    before = previous;
    previous = current;
  }
  return Math.min(previous[b.length], limit);
}
