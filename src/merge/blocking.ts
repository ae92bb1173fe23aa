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
}

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
