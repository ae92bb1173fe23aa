#!/usr/bin/env node
// Scores cross-article merging on ../shared's dev corpus: extracts every article with the built CLI, merges
// them with dist/merge (mergeArticles), writes the eval export (each article's extraction with `event_id` on
// every event and `agreement_id` on every agreement) and runs ../shared/eval/merge-score.mjs on it.
//   node scripts/merge-eval.mjs [--oracle] [--keep DIR] [--quiet]
// --oracle: merge the gold files themselves instead of the extractions (measures merging alone, with perfect
//   extraction); --keep DIR: write the export to DIR and keep it; --quiet: no --verbose for the scorer.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { spawnSync } from "node:child_process";
import { pathToFileURL } from "node:url";

const root = resolve(import.meta.dirname, "..");
const shared = resolve(root, "../shared");
const args = process.argv.slice(2);
const oracle = args.includes("--oracle");
const keep = args.includes("--keep") ? resolve(args[args.indexOf("--keep") + 1]) : null;
const corpus = join(shared, "corpus/dev");
const goldDir = join(shared, "eval/gold/dev");
const groups = join(shared, "eval/gold/dev-merge.json");
if (!existsSync(join(shared, "eval/merge-score.mjs")) || !existsSync(corpus)) {
  console.error("merge-eval needs ../shared (the dev corpus and the scorer) beside the project");
  process.exit(2);
}

// build when dist is missing or older than the sources
const newest = (dir) => {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
};
const distMerge = join(root, "dist/merge/index.js");
const distCli = join(root, "dist/cli/main.js");
if (!existsSync(distMerge) || !existsSync(distCli) || statSync(distMerge).mtimeMs < newest(join(root, "src"))) {
  const b = spawnSync("npm", ["run", "build"], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
  if (b.status !== 0) console.error(`warning: npm run build exited with ${b.status}; using dist/ as it is`);
  if (!existsSync(distMerge)) process.exit(1);
}
const { mergeArticles } = await import(pathToFileURL(distMerge).href);

const tmp = mkdtempSync(join(tmpdir(), "entente-merge-eval-"));
const out = keep ?? join(tmp, "export");
mkdirSync(out, { recursive: true });
let extracted = join(tmp, "extract");
if (oracle) extracted = goldDir;
else {
  const ex = spawnSync(process.execPath, [distCli, "extract", "--out", extracted, corpus], { encoding: "utf8" });
  if (ex.stderr) process.stderr.write(ex.stderr);
  if (ex.status !== 0 && !existsSync(extracted)) process.exit(1);
}

const articles = [];
for (const f of readdirSync(corpus).filter((x) => x.endsWith(".txt")).sort()) {
  const id = basename(f, ".txt");
  const jf = join(extracted, `${id}.json`);
  if (!existsSync(jf)) continue;
  const extraction = JSON.parse(readFileSync(jf, "utf8"));
  const metaFile = join(corpus, `${id}.meta.json`);
  const meta = existsSync(metaFile) ? JSON.parse(readFileSync(metaFile, "utf8")) : {};
  articles.push({
    id,
    published: meta.published ?? extraction.document?.published ?? null,
    url: meta.url ?? null,
    text: readFileSync(join(corpus, f), "utf8"),
    extraction: { people: [], organizations: [], events: [], agreements: [], areas: [], ...extraction, document: extraction.document ?? { id } },
  });
}

const t0 = performance.now();
const m = mergeArticles(articles);
const ms = performance.now() - t0;
for (const a of articles) {
  const x = structuredClone(a.extraction);
  x.events = (x.events ?? []).map((e, i) => ({ ...e, event_id: m.eventIdOf(a.id, i) }));
  x.agreements = (x.agreements ?? []).map((g, i) => ({ ...g, agreement_id: m.agreementIdOf(a.id, i) }));
  writeFileSync(join(out, `${a.id}.json`), JSON.stringify(x, null, 1));
}
const multi = (list) => list.filter((r) => new Set(r.sources.map((s) => s.article)).size > 1).length;
console.log(`== merge ${oracle ? "(oracle: gold extractions) " : ""}${articles.length} articles in ${ms.toFixed(0)} ms: ` +
  `${m.people.length} people, ${m.events.length} events (${multi(m.events)} from several articles), ` +
  `${m.agreements.length} agreements (${multi(m.agreements)} from several), ${m.duplicates.length} near-duplicate pairs`);
for (const d of m.duplicates) console.log(`   near-duplicates: ${d.a} ~ ${d.b} (${d.similarity.toFixed(2)})`);
const sc = spawnSync(process.execPath, [join(shared, "eval/merge-score.mjs"), "--gold", goldDir, "--groups", groups, "--pred", out,
  ...(args.includes("--quiet") ? [] : ["--verbose"])], { encoding: "utf8" });
process.stdout.write(sc.stdout);
if (sc.stderr) process.stderr.write(sc.stderr);
if (keep) console.log(`export kept in ${out}`);
rmSync(tmp, { recursive: true, force: true });
process.exit(sc.status ?? 1);
