// Copies the data files (language knowledge, knowledge base) from src/ to dist/ after tsc.
import { cpSync, readdirSync, statSync, mkdirSync } from "node:fs";
import { join, dirname } from "node:path";

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.(json|txt)$/.test(name)) out.push(p);
  }
  return out;
}
for (const file of walk("src")) {
  const target = join("dist", file.slice("src/".length));
  mkdirSync(dirname(target), { recursive: true });
  cpSync(file, target);
}
