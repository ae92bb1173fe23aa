// Candidate generation without comparing all pairs: items are filed under keys (kind class, states,
// time bucket or participant or day of year) and only items sharing a key are compared.

/** Keys of the states an item involves: every pair for 2..8 states; each state alone for 1 or more than 8. */
export function stateLookupKeys(countries: readonly string[]): string[] {
  const c = [...new Set(countries)].sort();
  if (c.length >= 2 && c.length <= 8) {
    const out: string[] = [];
    for (let i = 0; i < c.length; i++) for (let j = i + 1; j < c.length; j++) out.push(`${c[i]}-${c[j]}`);
    return out;
  }
  return c.map((x) => `S:${x}`);
}
/** Keys an item is filed under: its lookup keys, plus each state alone (found by single-state and large items). */
export function stateFileKeys(countries: readonly string[]): string[] {
  const c = [...new Set(countries)].sort();
  const keys = new Set([...stateLookupKeys(c), ...c.map((x) => `S:${x}`)]);
  return [...keys];
}

/** An index from keys to item numbers. */
export class Blocks {
  private readonly map = new Map<string, number[]>();
  add(key: string, item: number): void {
    const l = this.map.get(key);
    if (l) {
      if (l[l.length - 1] !== item) l.push(item);
    } else this.map.set(key, [item]);
  }
  get(key: string): readonly number[] {
    return this.map.get(key) ?? [];
  }
  /**
   * The members of a block that `item` is compared with: all of them, or, in a crowded block (a wire story
   * copied thousands of times, a corpus of one state pair), the `reach` members added just before and after it,
   * so candidate pairs grow linearly with the corpus.
   */
  near(key: string, item: number, reach = CROWDED / 2): readonly number[] {
    const l = this.map.get(key);
    if (!l) return [];
    if (l.length <= CROWDED) return l;
    let lo = 0, hi = l.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (l[mid]! < item) lo = mid + 1;
      else hi = mid;
    }
    return l.slice(Math.max(0, lo - reach), lo + reach + 1);
  }
}

/** A block with more members than this is compared by neighbourhood, not all pairs. */
export const CROWDED = 64;

/** Months ("2017-07") a day range overlaps; null when it spans more than `max` months (too vague to bucket). */
export function monthsOf(range: [number, number] | null, max = 14): string[] | null {
  if (!range) return null;
  const DAY = 86400000;
  const a = new Date(range[0] * DAY), b = new Date(range[1] * DAY);
  const out: string[] = [];
  let y = a.getUTCFullYear(), m = a.getUTCMonth();
  while (y < b.getUTCFullYear() || (y === b.getUTCFullYear() && m <= b.getUTCMonth())) {
    out.push(`${y}-${String(m + 1).padStart(2, "0")}`);
    if (out.length > max) return null;
    m++;
    if (m === 12) {
      m = 0;
      y++;
    }
  }
  return out;
}
