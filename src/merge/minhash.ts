// Near-duplicate articles (syndicated copies, light rewrites): MinHash signatures over word 5-shingles,
// LSH banding to find candidate pairs without comparing all pairs, then the signature agreement as the
// estimate of the shingle-set Jaccard similarity.
import { words, fnv1a, mix32, cmp } from "./util.js";

export const SHINGLE = 5;
export const HASHES = 128;
export const BANDS = 16; // 16 bands x 8 rows: pairs near 0.7 and above become candidates
const ROWS = HASHES / BANDS;

const mix = mix32;
const SEEDS: readonly number[] = Array.from({ length: HASHES }, (_, i) => mix(0x9e3779b9 + Math.imul(i + 1, 0x7f4a7c15)));

/** Hashes of the distinct word k-shingles of a text (a text shorter than k words is one shingle). */
export function shingles(text: string, k = SHINGLE): Set<number> {
  const w = words(text);
  const out = new Set<number>();
  if (!w.length) return out;
  if (w.length < k) {
    out.add(fnv1a(w.join(" ")));
    return out;
  }
  for (let i = 0; i + k <= w.length; i++) out.add(fnv1a(w.slice(i, i + k).join(" ")));
  return out;
}

/** MinHash signature: for each hash function, the least hash over the set (empty set: all 0xffffffff). */
export function signature(set: ReadonlySet<number>): Uint32Array {
  const sig = new Uint32Array(HASHES).fill(0xffffffff);
  for (const x of set) {
    for (let i = 0; i < HASHES; i++) {
      const h = mix(x ^ SEEDS[i]!);
      if (h < sig[i]!) sig[i] = h;
    }
  }
  return sig;
}

/** Estimated Jaccard similarity: share of positions where two signatures agree. */
export function similarity(a: Uint32Array, b: Uint32Array): number {
  let n = 0;
  for (let i = 0; i < HASHES; i++) if (a[i] === b[i]) n++;
  return n / HASHES;
}

export interface DuplicatePair {
  a: string;
  b: string;
  similarity: number;
}

/**
 * Pairs of texts whose estimated Jaccard similarity is at least `threshold`, found through LSH buckets.
 * Texts with fewer than `minShingles` shingles are skipped (too short to tell a copy from a common phrase).
 */
const MAX_FULL_BUCKET = 64;
const CHAIN_REACH = 8;

export function nearDuplicates(texts: ReadonlyArray<{ id: string; text: string }>, threshold = 0.8, minShingles = 8): DuplicatePair[] {
  const sigs: (Uint32Array | null)[] = texts.map((t) => {
    const s = shingles(t.text);
    return s.size >= minShingles ? signature(s) : null;
  });
  const buckets = new Map<string, number[]>();
  sigs.forEach((sig, i) => {
    if (!sig) return;
    for (let b = 0; b < BANDS; b++) {
      let h = 0x811c9dc5 ^ b;
      for (let r = b * ROWS; r < (b + 1) * ROWS; r++) h = mix(h ^ sig[r]!);
      const key = `${b}:${h}`;
      const l = buckets.get(key);
      if (l) l.push(i);
      else buckets.set(key, [i]);
    }
  });
  const seen = new Set<string>();
  const out: DuplicatePair[] = [];
  for (const list of buckets.values()) {
    // a crowded bucket (a template, a story syndicated hundreds of times) is linked as a chain of near
    // neighbours, not all pairs: the copies still connect, and the pair count stays linear
    const reach = list.length > MAX_FULL_BUCKET ? CHAIN_REACH : list.length;
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length && y <= x + reach; y++) {
        const i = list[x]!, j = list[y]!;
        const k = `${i},${j}`;
        if (seen.has(k)) continue;
        seen.add(k);
        const s = similarity(sigs[i]!, sigs[j]!);
        if (s < threshold) continue;
        const [a, b] = [texts[i]!.id, texts[j]!.id].sort() as [string, string];
        out.push({ a, b, similarity: s });
      }
    }
  }
  return out.sort((p, q) => cmp(p.a, q.a) || cmp(p.b, q.b));
}
