// Shared by the API tests: a store filled by ingesting the fixture articles from a temporary copy (so that a test
// can edit an article and ingest again), the app over it, and request helpers.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ingest } from "../../src/knowledge/ingest.js";
import { openStore, type Store } from "../../src/store/store.js";
import { createApp } from "../../src/server/app.js";
import { addUser, createToken } from "../../src/accounts/index.js";

const ARTICLES = new URL("../fixtures/articles/", import.meta.url).pathname;
const EXAMPLES = new URL("../../examples/", import.meta.url).pathname;

/** an article whose text holds markup: it must only ever come back as JSON data */
export const MARKUP_TEXT =
  "Hanoi and Vientiane agree\n\nHANOI, March 3 - Vietnamese Prime Minister Pham Minh Chinh met Lao Prime Minister Sonexay Siphandone in Hanoi on Monday. <script>alert('x')</script> <img src=x onerror=alert(1)>\n";

export interface Fixture {
  dir: string;
  corpus: string;
  store: Store;
  app: ReturnType<typeof createApp>;
  get(path: string, headers?: Record<string, string>): Promise<Response>;
  send(method: string, path: string, body?: unknown, token?: string): Promise<Response>;
  /** ingest the corpus folder again */
  reingest(): Promise<void>;
  editor: string;
  reader: string;
}

export async function setup(opts: { webRoot?: string } = {}): Promise<Fixture> {
  const dir = mkdtempSync(join(tmpdir(), "entente-api-"));
  const corpus = join(dir, "corpus");
  mkdirSync(corpus);
  for (const f of readdirSync(ARTICLES)) copyFileSync(join(ARTICLES, f), join(corpus, f));
  copyFileSync(join(EXAMPLES, "maroc-senegal-securite.txt"), join(corpus, "maroc-senegal-securite.txt"));
  copyFileSync(join(EXAMPLES, "maroc-senegal-securite.meta.json"), join(corpus, "maroc-senegal-securite.meta.json"));
  writeFileSync(join(corpus, "markup.txt"), MARKUP_TEXT);
  const store = await openStore(join(dir, "kb.db"));
  await ingest(store, [corpus]);
  const app = createApp(store, { webRoot: opts.webRoot ?? join(dir, "no-web-build") });
  await addUser(store, "edith", "editor-password", "editor");
  await addUser(store, "rita", "reader-password", "reader");
  const editor = (await createToken(store, "edith"))!;
  const reader = (await createToken(store, "rita"))!;
  return {
    dir, corpus, store, app, editor, reader,
    get: async (path, headers = {}) => app.request(path, { headers }),
    send: async (method, path, body, token) => {
      const headers: Record<string, string> = {};
      if (body !== undefined) headers["Content-Type"] = "application/json";
      if (token) headers.Authorization = `Bearer ${token}`;
      return app.request(path, { method, headers, body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body) });
    },
    reingest: async () => {
      await ingest(store, [corpus]);
    },
  };
}

/** the JSON of a response, after checking its status and content type */
export async function body<T = any>(r: Response, status = 200): Promise<T> {
  const text = await r.text();
  if (r.status !== status) throw new Error(`expected ${status}, got ${r.status}: ${text}`);
  if (r.headers.get("content-type") !== "application/json; charset=utf-8") throw new Error(`not JSON: ${r.headers.get("content-type")}`);
  return JSON.parse(text) as T;
}

/** closes the fixture's store and removes its folder */
export async function teardown(f: Fixture): Promise<void> {
  await f.store.close();
  rmSync(f.dir, { recursive: true, force: true });
}
