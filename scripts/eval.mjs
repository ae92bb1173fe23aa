#!/usr/bin/env node
// Extracts the corpora of ../shared (seeds, dev) with the built CLI and prints the scorer's tables.
//   npm run eval [-- --verbose] [-- --set seeds|dev]
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { spawnSync } from "node:child_process";

const root = resolve(import.meta.dirname, "..");
const shared = resolve(root, "../shared");
const args = process.argv.slice(2);
const verbose = args.includes("--verbose");
const only = args.includes("--set") ? args[args.indexOf("--set") + 1] : null;
if (!existsSync(join(shared, "eval/score.mjs"))) {
  console.error("npm run eval needs ../shared (the corpora and the scorer) beside the project");
  process.exit(2);
}
if (!existsSync(join(root, "dist/cli/main.js"))) spawnSync("npm", ["run", "build"], { cwd: root, stdio: "inherit" });
const tmp = mkdtempSync(join(tmpdir(), "entente-eval-"));
let status = 0;
for (const set of ["seeds", "dev"]) {
  if (only && only !== set) continue;
  const corpus = join(shared, "corpus", set);
  if (!existsSync(corpus)) continue;
  const out = join(tmp, set);
  const t0 = performance.now();
  const ex = spawnSync(process.execPath, [join(root, "dist/cli/main.js"), "extract", "--out", out, corpus], { encoding: "utf8" });
  const ms = performance.now() - t0;
  if (ex.stderr) process.stderr.write(ex.stderr);
  console.log(`== ${set}: extracted in ${ms.toFixed(0)} ms (process start included)`);
  const sc = spawnSync(process.execPath, [join(shared, "eval/score.mjs"), "--gold", join(shared, "eval/gold", set), "--pred", out, "--text", corpus, ...(verbose ? ["--verbose"] : [])], { encoding: "utf8" });
  process.stdout.write(sc.stdout);
  if (sc.status) status = sc.status;
}
rmSync(tmp, { recursive: true, force: true });
process.exit(status);
