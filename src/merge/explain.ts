// Explanations of merged records: which articles support each value of a field, and which values clash.
import { cmp } from "./util.js";
import type { FieldValue } from "./types.js";

/** Groups (value, article) observations into values with their supporting articles (null values left out). */
export function support(obs: ReadonlyArray<{ value: unknown; article: string }>): FieldValue[] {
  const byKey = new Map<string, FieldValue>();
  for (const o of obs) {
    if (o.value === null || o.value === undefined || (Array.isArray(o.value) && o.value.length === 0)) continue;
    const k = JSON.stringify(o.value);
    const fv = byKey.get(k) ?? { value: o.value, articles: [] };
    if (!fv.articles.includes(o.article)) fv.articles.push(o.article);
    byKey.set(k, fv);
  }
  const out = [...byKey.values()];
  for (const fv of out) fv.articles.sort();
  return out.sort((a, b) => b.articles.length - a.articles.length || cmp(JSON.stringify(a.value), JSON.stringify(b.value)));
}

const show = (v: unknown): string => (typeof v === "string" ? v : JSON.stringify(v));

/** One line per pair of values of a field that cannot both be true ("date: 2015-03-10 [a] vs 2015-03-12 [b]"). */
export function conflictsOf(field: string, values: readonly FieldValue[], clash: (a: unknown, b: unknown) => boolean): string[] {
  const out: string[] = [];
  for (let i = 0; i < values.length; i++) {
    for (let j = i + 1; j < values.length; j++) {
      const a = values[i]!, b = values[j]!;
      if (clash(a.value, b.value)) out.push(`${field}: ${show(a.value)} [${a.articles.join(", ")}] vs ${show(b.value)} [${b.articles.join(", ")}]`);
    }
  }
  return out;
}

/** The value most articles support; ties go to the larger `rank`, then to the first in order. */
export function best<T>(values: readonly FieldValue[], rank: (v: T) => number = () => 0): T | null {
  let top: FieldValue | null = null;
  for (const v of values) {
    if (!top || v.articles.length > top.articles.length ||
      (v.articles.length === top.articles.length && rank(v.value as T) > rank(top.value as T))) top = v;
  }
  return top ? (top.value as T) : null;
}
