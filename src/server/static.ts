// The built web app (dist/web/) served at /: files by extension with their content type, index.html for every other
// path (the app routes on the client), nothing outside the folder. Until the app is built, / says so.
import { existsSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { extname, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

/** dist/web of this package, from src/server/ (tsx) as from dist/server/ (built) */
export const DEFAULT_WEB_ROOT = fileURLToPath(new URL("../../dist/web/", import.meta.url));

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
  ".wasm": "application/wasm",
};

export const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Entente</title></head>
<body><h1>Entente</h1><p>The web app is not built yet. The API is at <a href="/api/health">/api/health</a>
(description: <a href="/api/openapi.json">/api/openapi.json</a>).</p></body></html>
`;

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

async function file(path: string, head: boolean, immutable: boolean): Promise<Response> {
  const type = TYPES[extname(path).toLowerCase()] ?? "application/octet-stream";
  const body = head ? null : await readFile(path);
  return new Response(body, {
    status: 200,
    headers: { "Content-Type": type, "Cache-Control": immutable ? "public, max-age=31536000, immutable" : "no-cache" },
  });
}

/** The response for a GET or HEAD of `pathname` (not under /api). */
export async function serveWeb(root: string, pathname: string, method: string): Promise<Response> {
  if (method !== "GET" && method !== "HEAD") return plain(405, "method not allowed\n");
  const base = resolve(root);
  const index = resolve(base, "index.html");
  const head = method === "HEAD";
  if (!existsSync(index)) {
    return new Response(head ? null : NOT_BUILT_PAGE, { status: pathname === "/" ? 200 : 404, headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-cache" } });
  }
  let path: string;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    return plain(400, "bad path\n");
  }
  if (path.includes("\0") || path.includes("\\")) return plain(400, "bad path\n");
  // no hidden files (.env, .git ...) whatever the folder holds
  if (path.split("/").some((seg) => seg.startsWith("."))) return plain(404, "not found\n");
  const target = resolve(base, `.${path}`);
  // resolve() folds every "..": what lands outside the folder is refused, never read
  if (target !== base && !target.startsWith(base + sep)) return plain(404, "not found\n");
  const st = await stat(target).catch(() => null);
  if (st?.isFile()) return file(target, head, path.startsWith("/assets/"));
  // a missing file (it has an extension) is a 404; any other path is a page of the app
  if (extname(path)) return plain(404, "not found\n");
  return file(index, head, false);
}
