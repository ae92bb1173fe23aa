// What the browser tests share: build the web app, ingest the fixture articles into a temp SQLite store, start the
// real server (API and built app) on a loopback port, and drive Debian's Chromium through playwright-core.
import { existsSync, mkdirSync, mkdtempSync, copyFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { openStore, type Store } from "../../src/store/store.js";
import { ingest as ingestInto, type IngestSummary } from "../../src/knowledge/ingest.js";
import { createApp, serve } from "../../src/server/index.js";
import { addUser } from "../../src/accounts/index.js";

export const CHROMIUM = "/usr/bin/chromium";
export const haveChromium = existsSync(CHROMIUM);
export const skipReason = haveChromium ? false : `${CHROMIUM} is absent: install Debian's chromium package to run the browser tests`;

const root = new URL("../../", import.meta.url).pathname;
export const SHOTS = join(root, "test-output/screenshots");
const WEB = join(root, "dist/web");

/** the fixture articles and the bundled examples, with their sidecars, in one folder */
export function corpus(dir: string): string {
  const out = join(dir, "corpus");
  mkdirSync(out, { recursive: true });
  for (const src of [join(root, "test/fixtures/articles"), join(root, "examples")]) {
    for (const f of readdirSync(src)) if (/\.(txt|json)$/.test(f)) copyFileSync(join(src, f), join(out, f));
  }
  return out;
}

/** in the server's own process and store, as `entente ingest` does it; one extraction thread (shared CI cores) */
export async function ingest(store: Store, folder: string): Promise<IngestSummary> {
  const sum = await ingestInto(store, [folder], { quiet: true, workers: 1 });
  if (sum.failed.length) throw new Error(`ingest failed: ${JSON.stringify(sum.failed)}`);
  return sum;
}

export interface App {
  url: string;
  dir: string;
  corpus: string;
  store: Store;
  addEditor(name: string, password: string): Promise<void>;
  close(): Promise<void>;
}

export async function startApp(): Promise<App> {
  const { buildWeb } = (await import(new URL("../../scripts/build-web.mjs", import.meta.url).href)) as { buildWeb: (o?: { outdir?: string }) => Promise<string> };
  await buildWeb({ outdir: WEB });
  const dir = mkdtempSync(join(tmpdir(), "entente-e2e-"));
  const folder = corpus(dir);
  const store = await openStore(join(dir, "kb.db"));
  await ingest(store, folder);
  const server = await serve(createApp(store, { webRoot: WEB }), { port: 0, host: "127.0.0.1" });
  return {
    url: server.url.replace(/\/$/, ""),
    dir, corpus: folder, store,
    async addEditor(name, password) {
      await addUser(store, name, password, "editor");
    },
    async close() {
      await server.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function browser(): Promise<{ context: BrowserContext; page: Page; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), "entente-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    viewport: { width: 1280, height: 900 },
    locale: "en-GB",
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context, page,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export async function shot(page: Page, name: string): Promise<string> {
  mkdirSync(SHOTS, { recursive: true });
  const path = join(SHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** signs in through the login form, as an analyst would, and waits for the header to show the session */
export async function signIn(page: Page, app: App, username: string, password: string): Promise<void> {
  await page.goto(`${app.url}/#/login`);
  await page.waitForSelector("#login-user", { timeout: 15_000 });
  await page.fill("#login-user", username);
  await page.fill("#login-pass", password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForSelector(`header [data-user="${username}"]`);
}

/** The page's script errors and console errors, as they come (an expected 401/403/404 of a fetch is not one). */
export function pageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => {
    if (m.type() === "error" && !/status of 40[134]/.test(m.text())) errors.push(m.text());
  });
  return errors;
}
