#!/usr/bin/env node
// Extraction throughput on one core: generates N articles from the project's own example articles
// (people and states swapped, paragraphs reordered, stories joined) and extracts them in one process.
//   npm run bench [-- --n 5000]
import { readFileSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const { extract } = await import(join(root, "dist/index.js"));
const args = process.argv.slice(2);
const N = args.includes("--n") ? Number(args[args.indexOf("--n") + 1]) : 5000;

const dirs = [join(root, "examples"), join(root, "test/fixtures/articles")];
const seeds = [];
for (const d of dirs) {
  let names = [];
  try { names = readdirSync(d); } catch { continue; }
  for (const n of names) if (n.endsWith(".txt")) seeds.push(readFileSync(join(d, n), "utf8"));
}
if (!seeds.length) throw new Error("no example articles found");

// deterministic variation so the run is repeatable
let seed = 42;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = (a) => a[Math.floor(rand() * a.length)];
const given = ["Karim", "Amina", "Nguyen Van", "Tran Thi", "Olga", "Pedro", "Kwame", "Li", "Sofia", "Ahmed"];
const family = ["Benhaddou", "Sarr", "Ivanova", "Mensah", "Hoang", "Silva", "Okafor", "Zhang", "Haddad", "Kowalski"];
const swaps = [["Maroc", "Tunisie"], ["Sénégal", "Mali"], ["marocain", "tunisien"], ["sénégalais", "malien"], ["Japan", "Korea"], ["Philippines", "Indonesia"], ["Japanese", "Korean"], ["Philippine", "Indonesian"]];

const articles = [];
let bytes = 0;
for (let i = 0; i < N; i++) {
  // one to three fixture stories run together, so that sizes resemble real articles (2-6 KB)
  let text = pick(seeds);
  for (let k = Math.floor(rand() * 3); k > 0; k--) text += "\n\n" + pick(seeds).split("\n\n").slice(1).join("\n\n");
  for (const [a, b] of swaps) if (rand() < 0.5) text = text.split(a).join(b);
  text = text.replace(/\b(Karim Benhaddou|Mamadou Ndiaye Sarr|Ramon dela Paz|Hiroshi Tanabe)\b/g, () => `${pick(given)} ${pick(family)}`);
  const paras = text.split("\n\n");
  if (paras.length > 4 && rand() < 0.5) {
    const k = 2 + Math.floor(rand() * (paras.length - 3));
    [paras[k], paras[k + 1]] = [paras[k + 1], paras[k]];
  }
  text = paras.join("\n\n");
  articles.push(text);
  bytes += Buffer.byteLength(text);
}

// warm-up: loads lexicons and compiles matchers once, as a long-running process does
for (let i = 0; i < 20; i++) extract({ raw: articles[i], format: "text", meta: { id: `w${i}` } });
const t0 = performance.now();
let events = 0;
for (let i = 0; i < N; i++) events += extract({ raw: articles[i], format: "text", meta: { id: `a${i}`, published: "2024-06-05" } }).events.length;
const s = (performance.now() - t0) / 1000;
console.log(`extracted ${N} articles (${(bytes / 1e6).toFixed(1)} MB) in ${s.toFixed(2)} s on one worker`);
console.log(`${(N / s).toFixed(0)} articles/s, ${(bytes / 1e6 / s).toFixed(2)} MB/s, ${(events / N).toFixed(2)} events/article`);
