// Scores detectAreas alone against the gold `areas` of the corpus (../shared by default).
//   node --import tsx scripts/eval-areas.mjs [--shared DIR] [--set seeds,dev] [--quiet] [--bench N]
// For each article: the text before the first "Voir plus" / "See more" / "Related" line, cut into sentences,
// run through detectAreas; prints missed (-) and extra (+) codes per article, then P/R/F1 per set and overall
// (tp/fp/fn summed over articles, as shared/eval/score.mjs does). --bench N times N passes over all articles.
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { detectAreas } from "../src/extract/areas.ts";
import { splitSentences } from "../src/segment/sentences.ts";

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const shared = opt("--shared", join(here, "..", "..", "shared"));
const sets = opt("--set", "seeds,dev").split(",");
const quiet = args.includes("--quiet");
const bench = Number(opt("--bench", "0"));

const abbreviations = {};
for (const lang of ["fr", "en"]) {
  const f = join(here, "..", "src", "lang", lang, "abbreviations.json");
  abbreviations[lang] = new Set(existsSync(f) ? JSON.parse(readFileSync(f, "utf8")).map((a) => a.toLowerCase()) : []);
}

const END = /^\s*(voir plus|see more|related( news| articles| posts)?|lire aussi|read more|à lire aussi)\s*:?\s*$/i;
function mainText(raw) {
  const lines = raw.split("\n");
  let end = raw.length;
  let pos = 0;
  for (const l of lines) {
    if (END.test(l)) {
      end = pos;
      break;
    }
    pos += l.length + 1;
  }
  return raw.slice(0, end);
}

function guessLang(id, text) {
  if (id.startsWith("fr-")) return "fr";
  if (id.startsWith("en-")) return "en";
  const fr = (text.match(/\b(le|la|les|des|du|et|est|une|dans)\b/gi) ?? []).length;
  const en = (text.match(/\b(the|and|of|to|is|in|with|for)\b/gi) ?? []).length;
  return fr >= en ? "fr" : "en";
}

const docs = [];
for (const set of sets) {
  const dir = join(shared, "corpus", set);
  if (!existsSync(dir)) continue;
  for (const f of readdirSync(dir).filter((x) => x.endsWith(".txt")).sort()) {
    const id = f.slice(0, -4);
    const goldFile = join(shared, "eval", "gold", set, `${id}.json`);
    if (!existsSync(goldFile)) continue;
    const raw = readFileSync(join(dir, f), "utf8");
    const text = mainText(raw);
    const lang = guessLang(id, text);
    const sentences = splitSentences(text, abbreviations[lang]).map((s) => ({ start: s.start, end: s.end, text: text.slice(s.start, s.end) }));
    const gold = new Set((JSON.parse(readFileSync(goldFile, "utf8")).areas ?? []).map((a) => (typeof a === "string" ? a : a.code)));
    docs.push({ set, id, lang, text, sentences, gold });
  }
}

const prf = (tp, fp, fn) => {
  const p = tp + fp ? tp / (tp + fp) : 1;
  const r = tp + fn ? tp / (tp + fn) : 1;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0, tp, fp, fn };
};
const pct = (x) => (100 * x).toFixed(1).padStart(5);
const totals = new Map();
const add = (key, tp, fp, fn) => {
  const t = totals.get(key) ?? { tp: 0, fp: 0, fn: 0 };
  t.tp += tp;
  t.fp += fp;
  t.fn += fn;
  totals.set(key, t);
};
for (const d of docs) {
  const hits = detectAreas(d.sentences, d.lang);
  for (const h of hits)
    for (const e of h.evidence)
      if (e.start < 0 || e.end > d.text.length || e.start >= e.end) throw new Error(`${d.id}: bad evidence ${JSON.stringify(e)}`);
  const pred = new Set(hits.map((h) => h.code));
  const missed = [...d.gold].filter((c) => !pred.has(c));
  const extra = [...pred].filter((c) => !d.gold.has(c));
  const tp = pred.size - extra.length;
  add(d.set, tp, extra.length, missed.length);
  add("all", tp, extra.length, missed.length);
  if (!quiet) {
    const line = `${(d.set + "/" + d.id).padEnd(32)} ${missed.length ? "- " + missed.join(" ") : ""}${missed.length && extra.length ? "  " : ""}${extra.length ? "+ " + extra.join(" ") : ""}`;
    console.log(missed.length || extra.length ? line : `${(d.set + "/" + d.id).padEnd(32)} ok`);
  }
}
console.log("");
for (const [key, t] of totals) {
  const m = prf(t.tp, t.fp, t.fn);
  console.log(`areas ${key.padEnd(6)} P ${pct(m.p)}  R ${pct(m.r)}  F1 ${pct(m.f)}   (tp ${m.tp}, fp ${m.fp}, fn ${m.fn}, ${docs.filter((d) => key === "all" || d.set === key).length} articles)`);
}

if (bench > 0) {
  const t0 = process.hrtime.bigint();
  for (let k = 0; k < bench; k++) for (const d of docs) detectAreas(d.sentences, d.lang);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const n = bench * docs.length;
  const chars = docs.reduce((s, d) => s + d.text.length, 0) * bench;
  console.log(`\nspeed: ${n} articles in ${ms.toFixed(0)} ms = ${((n / ms) * 1000).toFixed(0)} articles/s (${((chars / ms) * 1000 / 1e6).toFixed(2)} M chars/s, detectAreas only, after warm-up)`);
}
