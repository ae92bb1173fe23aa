// Reads the input files of `entente extract`: text or HTML, with an optional sidecar <name>.meta.json.
// Every problem is a one-line reason tied to the file, so one bad file never stops the others.
import { readFileSync, statSync, readdirSync, existsSync } from "node:fs";
import { basename, extname, join, dirname } from "node:path";
import type { ArticleInput } from "../index.js";

export const MAX_BYTES = 20 * 1024 * 1024;
const TEXT_EXT = new Set([".txt", ".text", ".md"]);
const HTML_EXT = new Set([".html", ".htm", ".xhtml"]);

export class InputError extends Error {}

/** Expands folders into the article files they hold (sidecars excluded), sorted. */
export function expandInputs(paths: string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch {
      out.push(p); // reported when read
      continue;
    }
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) {
        const ext = extname(name).toLowerCase();
        if ((TEXT_EXT.has(ext) || HTML_EXT.has(ext)) && !name.endsWith(".meta.json")) out.push(join(p, name));
      }
    } else out.push(p);
  }
  return out;
}

export function readArticle(path: string, overrides: Partial<ArticleInput["meta"]>): ArticleInput {
  const ext = extname(path).toLowerCase();
  const id = basename(path, extname(path));
  let buf: Buffer;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new InputError("is a directory");
    if (st.size > MAX_BYTES) throw new InputError(`too large (${(st.size / 1048576).toFixed(1)} MB; the limit is ${MAX_BYTES / 1048576} MB)`);
    buf = readFileSync(path);
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(code === "ENOENT" ? "no such file" : code === "EACCES" ? "permission denied" : `cannot be read (${code ?? (e as Error).message})`);
  }
  if (buf.length === 0 || buf.toString("utf8").trim() === "") throw new InputError("is empty");
  if (looksBinary(buf)) throw new InputError("is not text (binary content)");
  const raw = buf.toString("utf8");
  const format = HTML_EXT.has(ext) || (!TEXT_EXT.has(ext) && /^\s*(<!doctype html|<html)/i.test(raw)) ? "html" : "text";
  const meta: ArticleInput["meta"] = { id, source: path, ...readSidecar(path), ...stripUndefined(overrides) };
  meta.id = id;
  return { raw, format, meta };
}

function looksBinary(buf: Buffer): boolean {
  const n = Math.min(buf.length, 8192);
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const c = buf[i]!;
    if (c === 0) return true;
    if (c < 9 || (c > 13 && c < 32)) bad++;
  }
  if (bad / n > 0.05) return true;
  // invalid UTF-8 shows as replacement characters
  const s = buf.subarray(0, n).toString("utf8");
  const repl = (s.match(/\uFFFD/g) ?? []).length;
  return repl / Math.max(1, s.length) > 0.02;
}

function readSidecar(path: string): Partial<ArticleInput["meta"]> {
  const side = join(dirname(path), `${basename(path, extname(path))}.meta.json`);
  if (!existsSync(side)) return {};
  let j: Record<string, unknown>;
  try {
    j = JSON.parse(readFileSync(side, "utf8")) as Record<string, unknown>;
  } catch (e) {
    throw new InputError(`its sidecar ${basename(side)} is not valid JSON (${(e as Error).message})`);
  }
  const str = (k: string) => (typeof j[k] === "string" ? (j[k] as string) : undefined);
  return stripUndefined({ published: str("published"), url: str("url"), title: str("title"), language: str("language") });
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
