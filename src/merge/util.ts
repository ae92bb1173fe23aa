// Small shared pieces: folded word tokens, a stable short hash for ids, union-find.
import { foldToken } from "../kb/index.js";

/** Lower-case, diacritic-free word tokens ("Hưng Đạo" -> ["hung", "dao"], "Côte d’Ivoire" -> ["cote", "d", "ivoire"]). */
export function words(s: string | null | undefined): string[] {
  if (!s) return [];
  const toks = s.match(/[\p{L}\p{M}\p{N}]+/gu);
  return toks ? toks.map(foldToken) : [];
}

/** FNV-1a 32-bit hash of a string. */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** murmur3's 32-bit finaliser: mixes every input bit into every output bit. */
export function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Deterministic short id: prefix + 12 hex digits of a hash of the key. */
export function shortId(prefix: string, key: string): string {
  const a = mix32(fnv1a(key)), b = mix32(fnv1a(`${key}\u0000`) ^ a);
  return `${prefix}${a.toString(16).padStart(8, "0")}${(b >>> 16).toString(16).padStart(4, "0")}`;
}

/** Union-find over 0..n-1, with path halving and union by size. */
export class UnionFind {
  private readonly parent: number[];
  private readonly size: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
    this.size = new Array<number>(n).fill(1);
  }
  find(x: number): number {
    const p = this.parent;
    while (p[x] !== x) {
      p[x] = p[p[x]!]!;
      x = p[x]!;
    }
    return x;
  }
  /** Joins the sets of a and b; returns the new root, or -1 when they were already one. */
  union(a: number, b: number): number {
    let ra = this.find(a), rb = this.find(b);
    if (ra === rb) return -1;
    if (this.size[ra]! < this.size[rb]!) [ra, rb] = [rb, ra];
    this.parent[rb] = ra;
    this.size[ra]! += this.size[rb]!;
    return ra;
  }
  /** Members of each set, keyed by root, members ascending. */
  groups(): Map<number, number[]> {
    const out = new Map<number, number[]>();
    for (let i = 0; i < this.parent.length; i++) {
      const r = this.find(i);
      const g = out.get(r);
      if (g) g.push(i);
      else out.set(r, [i]);
    }
    return out;
  }
}

/** Unordered pairs of a sorted list of distinct strings ("A-B"). */
export function pairKeys(list: readonly string[]): string[] {
  const c = [...new Set(list)].sort();
  const out: string[] = [];
  for (let i = 0; i < c.length; i++) for (let j = i + 1; j < c.length; j++) out.push(`${c[i]}-${c[j]}`);
  return out;
}

export function countBy<T>(items: Iterable<T>, key: (t: T) => string): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of items) {
    const k = key(t);
    m.set(k, (m.get(k) ?? 0) + 1);
  }
  return m;
}

/** Code-unit order of two strings: the same on every machine and locale. */
export const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Clusters joined two at a time, where a join is refused unless every pair of members across the two clusters
 * fits: a cluster never holds two reports that cannot be one thing, whatever chain of links led there.
 */
export class ConstrainedClusters {
  private readonly uf: UnionFind;
  /** members of each cluster, by root, in the order they joined */
  readonly members: Map<number, number[]>;
  constructor(n: number, private readonly fits: (x: number, y: number) => boolean) {
    this.uf = new UnionFind(n);
    this.members = new Map(Array.from({ length: n }, (_, i) => [i, [i]]));
  }
  find(x: number): number {
    return this.uf.find(x);
  }
  /** Joins the clusters of a and b when they fit; false when refused or already one. */
  union(a: number, b: number): boolean {
    const ra = this.uf.find(a), rb = this.uf.find(b);
    if (ra === rb) return false;
    const ma = this.members.get(ra)!, mb = this.members.get(rb)!;
    for (const x of ma) for (const y of mb) if (!this.fits(x, y)) return false;
    const root = this.uf.union(ra, rb);
    ma.push(...mb);
    this.members.set(root, ma);
    this.members.delete(root === ra ? rb : ra);
    return true;
  }
}
