// JSON Lines, one article a line: {url, title, published, text | html, outlet?, language?}. Streamed; a bad line is an
// error naming <file>#<line> and the others go on. Blank lines are passed over.
import { createReadStream, statSync } from "node:fs";
import { createInterface } from "node:readline";
import type { Ctx, SourceEvent, SourceItem } from "./types.js";
import { fsReason } from "./files.js";
import { isoDay, oneLine, outletOf } from "./util.js";

export async function* readJsonl(path: string, ctx: Ctx): AsyncGenerator<SourceEvent> {
  try {
    if (statSync(path).isDirectory()) {
      yield { kind: "error", uri: path, reason: "is a directory" };
      return;
    }
  } catch (e) {
    yield { kind: "error", uri: path, reason: fsReason(e) };
    return;
  }
  const stream = createReadStream(path, { encoding: "utf8" });
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let n = 0;
  try {
    for await (const line of lines) {
      n++;
      if (!line.trim()) continue;
      const uri = `${path}#${n}`;
      const r = parseLine(line, ctx.maxBytes);
      yield typeof r === "string" ? { kind: "error", uri, reason: r } : { kind: "item", item: { uri, ...r } };
    }
  } catch (e) {
    yield { kind: "error", uri: `${path}#${n + 1}`, reason: `cannot be read (${oneLine(e)})` };
  } finally {
    lines.close();
    stream.destroy();
  }
}

const FIELDS = ["url", "title", "published", "outlet", "language", "text", "html"] as const;

/** The item a line describes, or the reason it cannot be read. */
export function parseLine(line: string, maxBytes: number): Omit<SourceItem, "uri"> | string {
  if (Buffer.byteLength(line) > maxBytes) return `line too large (more than ${maxBytes} bytes)`;
  let j: unknown;
  try {
    j = JSON.parse(line.replace(/^\uFEFF/, ""));
  } catch (e) {
    return `not valid JSON (${oneLine(e)})`;
  }
  if (typeof j !== "object" || j === null || Array.isArray(j)) return "not a JSON object";
  const o = j as Record<string, unknown>;
  for (const k of FIELDS) if (o[k] !== undefined && o[k] !== null && typeof o[k] !== "string") return `"${k}" must be a string`;
  const str = (k: (typeof FIELDS)[number]) => {
    const v = (o[k] as string | null | undefined)?.trim();
    return v ? v : null;
  };
  // the HTML is preferred when both are given: the extractor reads its metadata and keeps offsets into it
  const html = str("html");
  const text = str("text");
  if (!html && !text) return 'no "text" or "html"';
  const url = str("url");
  return {
    url,
    outlet: str("outlet") ?? outletOf(url),
    title: str("title"),
    published: isoDay(o.published),
    language: str("language"),
    format: html ? "html" : "text",
    raw: html ? (o.html as string) : (o.text as string),
  };
}
