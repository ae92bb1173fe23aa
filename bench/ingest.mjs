#!/usr/bin/env node
// Ingest throughput end to end (extract -> store -> merge) into SQLite, and into PostgreSQL when its binaries
// are there (a throwaway server on loopback), on N articles generated from the project's fixtures; then the
// database size per article and the latency of the CLI's queries on that database.
// The articles go through `ingest()` as a JSON Lines source, as `entente ingest items.jsonl` would read them,
// with extraction on `--workers` threads (default 2).
//   npm run bench:ingest [-- --n 20000] [-- --workers 2] [-- --no-pg] [-- --pg-n 5000]
import { readFileSync, readdirSync, mkdtempSync, statSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const { extract } = await import(join(root, "dist/index.js"));
const { openStore } = await import(join(root, "dist/store/store.js"));
const { ingest } = await import(join(root, "dist/knowledge/ingest.js"));
const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : dflt);
const N = opt("--n", 20000);
const WORKERS = opt("--workers", 2);
const PG_N = Math.min(N, opt("--pg-n", N));

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

const dir = mkdtempSync(join(tmpdir(), "entente-bench-"));
function jsonl(n) {
  const f = join(dir, `articles-${n}.jsonl`);
  writeFileSync(f, articles.slice(0, n).map((a) => JSON.stringify({ url: a.url, published: a.published, text: a.text })).join("\n") + "\n");
  return f;
}
async function run(label, spec, n, cleanup) {
  const store = await openStore(spec);
  const t0 = performance.now();
  const sum = await ingest(store, [jsonl(n)], { workers: WORKERS });
  const s = (performance.now() - t0) / 1000;
  console.log(`${label}: ${n} articles in ${s.toFixed(1)} s end to end with ${WORKERS} extraction workers = ${(n / s).toFixed(0)} articles/s; ${sum.new} stored, ${sum.failed.length} failed, ${sum.events} merged events, ${sum.duplicates} near-duplicate pairs`);
  const queries = [
    ["events VNM", () => store.events({ country: "VNM" })],
    ["events MAR with SEN, drugs, from 2017", () => store.events({ country: "MAR", with: "SEN", area: "drugs", from: "2017-01-01" })],
    ["agreements signed SEN", () => store.agreements({ country: "SEN", status: "signed" })],
    ["person", () => store.person("Karim Benali")],
    ["search", () => store.search("stupéfiants")],
  ];
  for (const [name, q] of queries) {
    const times = [];
    for (let k = 0; k < 40; k++) {
      const a = performance.now();
      await q();
      times.push(performance.now() - a);
    }
    times.sort((x, y) => x - y);
    const at = (q) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)].toFixed(1);
    console.log(`  ${name.padEnd(40)} p50 ${at(0.5)} ms  p95 ${at(0.95)} ms  max ${at(1)} ms  (${times.length} runs)`);
  }
  await store.close();
  if (cleanup) await cleanup();
}

const file = join(dir, "bench.db");
await run("SQLite", file, N);
const size = ["", "-wal", "-shm"].reduce((n, x) => { try { return n + statSync(file + x).size; } catch { return n; } }, 0);
console.log(`  database size ${(size / 1e6).toFixed(1)} MB = ${(size / N / 1024).toFixed(1)} KB per article (text, extraction JSON, merged records, indexes, full text)`);
if (!args.includes("--no-pg")) {
  const { findPgBin, startPgTestServer } = await import(join(root, "dist/store/pg-test-server.js"));
  if (findPgBin()) {
    const pg = await startPgTestServer();
    await run("PostgreSQL", pg.url, PG_N, () => pg.stop());
  } else console.log("PostgreSQL: binaries not found, skipped");
}
rmSync(dir, { recursive: true, force: true });
process.exit(0);
