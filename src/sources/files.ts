// Local article files and folders. Reading an article file is src/cli/inputs.ts's job (size limit, binary detection,
// sidecar <name>.meta.json, one-line reasons); this adds the sidecar's outlet, the charset an HTML file declares, and
// recursion through folders.
import { readFileSync, readdirSync, statSync, existsSync, realpathSync } from "node:fs";
import { basename, dirname, extname, join } from "node:path";
import { expandInputs, readArticle, InputError, MAX_BYTES } from "../cli/inputs.js";
import type { SourceEvent, SourceItem } from "./types.js";
import { decodeBytes, detectCharset, isoDay, oneLine, outletOf } from "./util.js";

export type PathKind = "file" | "feed" | "warc" | "jsonl";

/** What a local path holds, by its name. */
export function kindOfPath(path: string): PathKind {
  const name = basename(path).toLowerCase();
  if (/\.w?arc(\.gz)?$/.test(name)) return "warc";
  if (/\.(jsonl|ndjson)$/.test(name)) return "jsonl";
  if (/\.(xml|rss|atom)$/.test(name)) return "feed";
  return "file";
}

/** Reads a local file whole, with inputs.ts's size limit and reasons. */
export function readLocalBytes(path: string, max = MAX_BYTES): Buffer {
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new InputError("is a directory");
    if (st.size > max) throw new InputError(`too large (${(st.size / 1048576).toFixed(1)} MB; the limit is ${max / 1048576} MB)`);
    const buf = readFileSync(path);
    if (!buf.length) throw new InputError("is empty");
    return buf;
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(fsReason(e));
  }
}

export function fsReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  return code === "ENOENT" ? "no such file" : code === "EACCES" ? "permission denied" : `cannot be read (${code ?? oneLine(e)})`;
}

/** One article file (.txt / .html / ...) and its sidecar, as an item or an error. */
export function readFileItem(path: string): SourceEvent {
  try {
    let a;
    try {
      a = readArticle(path, {});
    } catch (e) {
      // inputs.ts reads UTF-8 only; an HTML file in another declared charset is not binary, just not UTF-8
      const rescued = e instanceof InputError && /binary/.test(e.message) ? declaredCharsetHtml(path) : null;
      if (!rescued) throw e;
      const side = readSidecar(path);
      return { kind: "item", item: { uri: path, ...side, outlet: side.outlet ?? outletOf(side.url), format: "html", raw: rescued } };
    }
    let raw = a.raw;
    if (a.format === "html") {
      // a page that declares another charset is decoded by it
      const again = declaredCharsetHtml(path);
      if (again !== null) raw = again;
    }
    const url = a.meta.url ?? null;
    const item: SourceItem = {
      uri: path,
      url,
      outlet: readSidecar(path).outlet ?? outletOf(url),
      title: a.meta.title ?? null,
      published: isoDay(a.meta.published),
      language: a.meta.language ?? null,
      format: a.format,
      raw,
    };
    return { kind: "item", item };
  } catch (e) {
    return { kind: "error", uri: path, reason: e instanceof InputError ? e.message : oneLine(e) };
  }
}

/** The HTML file decoded by the non-UTF-8 charset it declares, or null (not HTML, UTF-8, or really binary). */
function declaredCharsetHtml(path: string): string | null {
  if (!/\.(html?|xhtml)$/i.test(path)) return null;
  const bytes = readFileSync(path);
  if (bytes.includes(0)) return null;
  const cs = detectCharset(bytes, null, "html");
  return cs === "utf-8" ? null : decodeBytes(bytes, null, "html");
}

type Sidecar = { url: string | null; title: string | null; published: string | null; language: string | null; outlet: string | null };

/** The sidecar's fields (inputs.ts reads the same file; this adds "outlet", and serves files inputs.ts turns down). */
function readSidecar(path: string): Sidecar {
  const out: Sidecar = { url: null, title: null, published: null, language: null, outlet: null };
  const side = join(dirname(path), `${basename(path, extname(path))}.meta.json`);
  if (!existsSync(side)) return out;
  let j: Record<string, unknown>;
  try {
    j = JSON.parse(readFileSync(side, "utf8")) as Record<string, unknown>;
  } catch (e) {
    throw new InputError(`its sidecar ${basename(side)} is not valid JSON (${oneLine(e)})`);
  }
  const str = (k: string) => (typeof j[k] === "string" && (j[k] as string).trim() ? (j[k] as string).trim() : null);
  return { url: str("url"), title: str("title"), published: isoDay(str("published")), language: str("language"), outlet: str("outlet") };
}

export type FolderEntry = { kind: "entry"; path: string; type: PathKind } | { kind: "skip"; uri: string; reason: string } | { kind: "error"; uri: string; reason: string };

/**
 * The readable files under a folder, recursively, in name order: article files as inputs.ts picks them, plus WARC and
 * JSON Lines files. Hidden entries and sidecars are passed over silently; anything else (feed files included: reading
 * a folder never goes on the network) is a skip.
 */
export function* walkFolder(dir: string, visited = new Set<string>()): Generator<FolderEntry> {
  let names: string[];
  try {
    const real = realpathSync(dir);
    if (visited.has(real)) return; // a symbolic link back into the tree
    visited.add(real);
    names = readdirSync(dir).sort();
  } catch (e) {
    yield { kind: "error", uri: dir, reason: fsReason(e) };
    return;
  }
  const articles = new Set(expandInputs([dir]));
  for (const name of names) {
    if (name.startsWith(".")) continue;
    const path = join(dir, name);
    let st;
    try {
      st = statSync(path);
    } catch (e) {
      yield { kind: "error", uri: path, reason: fsReason(e) };
      continue;
    }
    if (st.isDirectory()) yield* walkFolder(path, visited);
    else if (articles.has(path)) yield { kind: "entry", path, type: "file" };
    else if (name.toLowerCase().endsWith(".meta.json")) continue;
    else if (kindOfPath(name) === "feed") yield { kind: "skip", uri: path, reason: "a feed file inside a folder is not read (its items would be fetched); name it on its own" };
    else if (kindOfPath(name) !== "file") yield { kind: "entry", path, type: kindOfPath(name) };
    else yield { kind: "skip", uri: path, reason: `not an article file (${extname(name) || "no extension"})` };
  }
}
