#!/usr/bin/env node
// Ingest throughput end to end (extract -> store -> merge) into SQLite, and into PostgreSQL when its binaries
// are there (a throwaway server on loopback), on N articles generated from the project's fixtures; then the
// database size per article and the latency of the CLI's queries on that database.
//   npm run bench:ingest [-- --n 5000] [-- --no-pg]
// The default is 5,000: the generated articles are near-copies of a few fixtures, and at 20,000 the merger's
// cluster checks grow quadratic on such a corpus (a known gap, see issue 3).
import { readFileSync, readdirSync, mkdtempSync, statSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const { extract } = await import(join(root, "dist/index.js"));
const { openStore } = await import(join(root, "dist/store/store.js"));
const { mergeArticles } = await import(join(root, "dist/merge/index.js"));
const { toSnapshot } = await import(join(root, "dist/knowledge/snapshot.js"));
const args = process.argv.slice(2);
const N = args.includes("--n") ? Number(args[args.indexOf("--n") + 1]) : 5000;

const seeds = [];
for (const d of [join(root, "examples"), join(root, "test/fixtures/articles")]) {
  for (const n of readdirSync(d)) if (n.endsWith(".txt")) seeds.push(readFileSync(join(d, n), "utf8"));
}
let seed = 7;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = (a) => a[Math.floor(rand() * a.length)];
const family = ["Benali", "Sarr", "Ivanova", "Mensah", "Hoang", "Silva", "Okafor", "Zhang", "Haddad", "Kowalski", "Moreau", "Tanaka"];
const given = ["Karim", "Amina", "Olga", "Pedro", "Kwame", "Sofia", "Ahmed", "Lucia", "Jonas", "Mariam"];
const articles = [];
for (let i = 0; i < N; i++) {
  let t = pick(seeds).replace(/\b(Karim Benhaddou|Mamadou Ndiaye Sarr|Park Min-jun|Camila Rojas Fuentes|Vilaysack Phommavongsa)\b/g, () => `${pick(given)} ${pick(family)}`);
  const day = 1 + Math.floor(rand() * 28);
  t = t.replace(/\b(1[0-9]|2[0-9]|[1-9]) (mars|juin|juillet|avril)\b/g, `${day} $2`);
  articles.push({ text: t, published: `20${10 + Math.floor(rand() * 14)}-0${1 + Math.floor(rand() * 9)}-${String(day).padStart(2, "0")}`, url: `https://example.org/a/${i}` });
}

async function run(label, spec, cleanup) {
  const store = await openStore(spec);
  const t0 = performance.now();
  for (const [i, a] of articles.entries()) {
    const ex = extract({ raw: a.text, format: "text", meta: { id: `a${i}`, published: a.published, url: a.url } });
    await store.upsertArticle({ uri: a.url, url: a.url, outlet: "example.org", title: ex.document.title, published: a.published, language: ex.document.language, text: a.text, extraction: ex });
  }
  const tIngest = performance.now();
  const stored = await store.listArticles();
  const merged = mergeArticles(stored.map((a) => ({ id: String(a.id), url: a.url, published: a.published, text: a.text, extraction: a.extraction })));
  await store.replaceMerged(toSnapshot(merged, stored));
  const tEnd = performance.now();
  const s = (tEnd - t0) / 1000;
  console.log(`${label}: ${N} articles in ${s.toFixed(1)} s end to end = ${(N / s).toFixed(0)} articles/s (extract+store ${((tIngest - t0) / 1000).toFixed(1)} s, merge+write ${((tEnd - tIngest) / 1000).toFixed(1)} s); ${merged.events.length} merged events`);
  const queries = [
    ["events VNM", () => store.events({ country: "VNM" })],
    ["events MAR with SEN, drugs, from 2017", () => store.events({ country: "MAR", with: "SEN", area: "drugs", from: "2017-01-01" })],
    ["agreements signed SEN", () => store.agreements({ country: "SEN", status: "signed" })],
    ["person", () => store.person("Karim Benali")],
    ["search", () => store.search("stupéfiants")],
  ];
  for (const [name, q] of queries) {
    const times = [];
    for (let k = 0; k < 15; k++) {
      const a = performance.now();
      await q();
      times.push(performance.now() - a);
    }
    times.sort((x, y) => x - y);
    console.log(`  ${name.padEnd(40)} p50 ${times[7].toFixed(1)} ms  p95 ${times[14].toFixed(1)} ms`);
  }
  await store.close();
  if (cleanup) await cleanup();
}

const dir = mkdtempSync(join(tmpdir(), "entente-bench-"));
const file = join(dir, "bench.db");
await run("SQLite", file);
const size = ["", "-wal", "-shm"].reduce((n, x) => { try { return n + statSync(file + x).size; } catch { return n; } }, 0);
console.log(`  database size ${(size / 1e6).toFixed(1)} MB = ${(size / N / 1024).toFixed(1)} KB per article (text, extraction JSON, merged records, indexes, full text)`);
rmSync(dir, { recursive: true, force: true });
if (!args.includes("--no-pg")) {
  const { findPgBin, startPgTestServer } = await import(join(root, "dist/store/pg-test-server.js"));
  if (findPgBin()) {
    const pg = await startPgTestServer();
    await run("PostgreSQL", pg.url, () => pg.stop());
  } else console.log("PostgreSQL: binaries not found, skipped");
}
process.exit(0);
