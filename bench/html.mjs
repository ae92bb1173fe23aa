#!/usr/bin/env node
// Article finding on the 181 pages of ../shared/bench/article-extraction (Scrapinghub's article-extraction
// benchmark): runs extractHtml on every page, takes the text of its `body` ranges (joined by blank lines) as
// the predicted article, writes bench/out/html-pred.json, scores it with the benchmark's own score.mjs and
// prints F1 and pages/s.
//   npm run bench:html [-- --compare] [-- --dump DIR]
//     --compare  also scores plain Readability (linkedom document, its textContent) for comparison
//     --dump DIR writes each page's predicted text to DIR/<id>.txt (for looking at errors)
// Code under test: dist/ingest/html.js when the build (npm run build) is there and newer than
// src/ingest/html.ts; otherwise src/ingest/html.ts is loaded through tsx's loader (tsx/esm/api), so the bench
// also runs on a fresh checkout without a build. The line "code:" says which one ran.
import { readFileSync, readdirSync, writeFileSync, mkdirSync, statSync, existsSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { join, resolve } from "node:path";
import { execFileSync } from "node:child_process";
import { pathToFileURL } from "node:url";

const root = resolve(import.meta.dirname, "..");
const benchDir = resolve(root, "../shared/bench/article-extraction");
const args = process.argv.slice(2);
const compare = args.includes("--compare");
const dumpDir = args.includes("--dump") ? resolve(args[args.indexOf("--dump") + 1]) : null;

const distFile = join(root, "dist/ingest/html.js");
const srcFile = join(root, "src/ingest/html.ts");
let mod;
if (existsSync(distFile) && statSync(distFile).mtimeMs >= statSync(srcFile).mtimeMs) {
  mod = await import(pathToFileURL(distFile).href);
  console.log("code: dist/ingest/html.js");
} else {
  const { register } = await import("tsx/esm/api");
  register();
  mod = await import(pathToFileURL(srcFile).href);
  console.log("code: src/ingest/html.ts (through tsx)");
}
const { extractHtml } = mod;

if (!existsSync(join(benchDir, "score.mjs"))) throw new Error(`benchmark not found at ${benchDir}`);
const htmlDir = join(benchDir, "html");
const pages = readdirSync(htmlDir)
  .filter((f) => f.endsWith(".html.gz"))
  .sort()
  .map((f) => ({ id: f.slice(0, -".html.gz".length), raw: gunzipSync(readFileSync(join(htmlDir, f))).toString("utf8") }));

const outDir = join(root, "bench/out");
mkdirSync(outDir, { recursive: true });
if (dumpDir) mkdirSync(dumpDir, { recursive: true });

// one warm-up pass over a few pages so the timing is not the JIT's
for (const p of pages.slice(0, 10)) extractHtml(p.raw);

const pred = {};
let bytes = 0;
const t0 = performance.now();
for (const p of pages) {
  const a = extractHtml(p.raw);
  pred[p.id] = { articleBody: a.body.map((r) => a.text.slice(r.start, r.end)).join("\n\n") };
  bytes += p.raw.length;
}
const ms = performance.now() - t0;
const predFile = join(outDir, "html-pred.json");
writeFileSync(predFile, JSON.stringify(pred));
if (dumpDir) for (const id of Object.keys(pred)) writeFileSync(join(dumpDir, `${id}.txt`), pred[id].articleBody);

const files = [predFile];
if (compare) {
  const { createRequire } = await import("node:module");
  const require = createRequire(join(root, "package.json"));
  const { Readability } = require("@mozilla/readability");
  const { parseHTML } = require("linkedom");
  const plain = {};
  const t1 = performance.now();
  for (const p of pages) {
    const { document } = parseHTML(p.raw);
    let r = null;
    try { r = new Readability(document).parse(); } catch { r = null; }
    plain[p.id] = { articleBody: r?.textContent ?? "" };
  }
  const ms1 = performance.now() - t1;
  const plainFile = join(outDir, "html-plain-readability.json");
  writeFileSync(plainFile, JSON.stringify(plain));
  files.push(plainFile);
  console.log(`plain Readability: ${(pages.length / (ms1 / 1000)).toFixed(1)} pages/s`);
}

const report = execFileSync(process.execPath, [join(benchDir, "score.mjs"), ...files], { encoding: "utf8" });
process.stdout.write(report);
const f1 = /F1 ([\d.]+)/.exec(report)?.[1];
console.log(
  `entente article finding: F1 ${f1}  ${pages.length} pages  ${(pages.length / (ms / 1000)).toFixed(1)} pages/s  ` +
    `${(ms / pages.length).toFixed(1)} ms/page  ${(bytes / 1e6 / (ms / 1000)).toFixed(1)} MB/s`,
);
