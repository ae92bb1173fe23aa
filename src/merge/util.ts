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

/** The pairs (x, y) where y is x's only counterpart among ys and x is y's only one among xs (by `ok(x, y)`). */
export function onlyCounterparts(xs: readonly number[], ys: readonly number[], ok: (x: number, y: number) => boolean): [number, number][] {
  const ofX = new Map(xs.map((x) => [x, ys.filter((y) => ok(x, y))]));
  // each pair is judged once: the counterparts of each y are read off those of each x
  const ofY = new Map(ys.map((y) => [y, [] as number[]]));
  for (const x of xs) for (const y of ofX.get(x)!) ofY.get(y)!.push(x);
  const out: [number, number][] = [];
  for (const x of xs) {
    const cx = ofX.get(x)!;
    if (cx.length === 1 && ofY.get(cx[0]!)!.length === 1) out.push([x, cx[0]!]);
  }
  return out;
}

/**
 * Clusters joined two at a time, where a join is refused unless every pair of members across the two clusters
 * fits: a cluster never holds two reports that cannot be one thing, whatever chain of links led there.
 *
 * Checking every pair makes growing one cluster quadratic; with thousands of syndicated copies of one report
 * that is the whole cost. So members are described by `signature` (equal signatures: the same answer from
 * `fits` against anyone) and `group` (no two members of a cluster may share one: the article): a join checks
 * each pair of distinct signatures once, and the groups by set lookup.
 */
export class ConstrainedClusters {
  private readonly uf: UnionFind;
  /** members of each cluster, by root (in no particular order) */
  readonly members: Map<number, number[]>;
  /** by root: one member for each distinct signature */
  private readonly kinds: Map<number, Map<string, number>>;
  /** by root: the groups (articles) of its members */
  private readonly groupsOf: Map<number, Set<string>>;
  constructor(
    n: number,
    /** may two members with these signatures be one thing? (groups aside) */
    private readonly fits: (x: number, y: number) => boolean,
    private readonly signature: (x: number) => string,
    private readonly group: (x: number) => string,
  ) {
    this.uf = new UnionFind(n);
    this.members = new Map();
    this.kinds = new Map();
    this.groupsOf = new Map();
    for (let i = 0; i < n; i++) {
      this.members.set(i, [i]);
      this.kinds.set(i, new Map([[signature(i), i]]));
      this.groupsOf.set(i, new Set([group(i)]));
    }
  }
  find(x: number): number {
    return this.uf.find(x);
  }
  /** does the cluster of x hold a member of this group? */
  hasGroup(x: number, g: string): boolean {
    return this.groupsOf.get(this.uf.find(x))!.has(g);
  }
  /** Joins the clusters of a and b when they fit; false when refused or already one. */
  union(a: number, b: number): boolean {
    const ra = this.uf.find(a), rb = this.uf.find(b);
    if (ra === rb) return false;
    const ga = this.groupsOf.get(ra)!, gb = this.groupsOf.get(rb)!;
    const [gs, gl] = ga.size <= gb.size ? [ga, gb] : [gb, ga];
    for (const g of gs) if (gl.has(g)) return false;
    const ka = this.kinds.get(ra)!, kb = this.kinds.get(rb)!;
    for (const x of ka.values()) for (const y of kb.values()) if (!this.fits(x, y)) return false;
    const root = this.uf.union(ra, rb);
    const other = root === ra ? rb : ra;
    // the smaller side moves into the larger: each member moves O(log n) times
    const ma = this.members.get(ra)!, mb = this.members.get(rb)!;
    const [msmall, mbig] = ma.length <= mb.length ? [ma, mb] : [mb, ma];
    for (const x of msmall) mbig.push(x);
    const [ksmall, kbig] = ka.size <= kb.size ? [ka, kb] : [kb, ka];
    for (const [k, v] of ksmall) if (!kbig.has(k)) kbig.set(k, v);
    for (const g of gs) gl.add(g);
    this.members.set(root, mbig);
    this.kinds.set(root, kbig);
    this.groupsOf.set(root, gl);
    this.members.delete(other);
    this.kinds.delete(other);
    this.groupsOf.delete(other);
    return true;
  }
}
