// The web app in Chromium against the real server over the fixture articles: the views draw what the API holds,
// evidence is marked exactly, an editor's correction shows as such and survives re-ingesting the same sources,
// and a reader gets no edit controls (and the server refuses a write without a token anyway).
import { pageErrors, test } from "node:test";
import assert from "node:assert/strict";
import { browser, ingest, pageErrors, shot, skipReason, startApp, type App } from "./helpers.js";
import type { Page } from "playwright-core";

interface Ev { id: string; kind: string; date: string | null; sources: { articleId: number; evidence: { start: number; end: number; text: string }[] }[] }

const getJson = async <T>(app: App, path: string): Promise<T> => {
  const r = await fetch(`${app.url}${path}`);
  assert.equal(r.status, 200, `${path}: ${r.status}`);
  return (await r.json()) as T;
};

/** the Morocco–Senegal meeting of examples/maroc-senegal-securite.txt, whatever its id after a re-ingest */
const meeting = async (app: App): Promise<Ev> => {
  const page = await getJson<{ items: Ev[] }>(app, "/api/events?country=MAR&with=SEN&kind=meeting");
  assert.equal(page.items.length, 1, "one Morocco–Senegal meeting in the fixtures");
  return page.items[0]!;
};

const go = async (page: Page, app: App, hash: string, ready: string) => {
  await page.goto(`${app.url}/${hash}`);
  await page.waitForSelector(ready, { timeout: 15_000 });
};

test("the web app, as a reader and as an editor", { skip: skipReason, timeout: 240_000 }, async (t) => {
  const app = await startApp();
  const b = await browser();
  const page = b.page;
  const errors = pageErrors(page);
  try {
    await t.test("network view: every country and link of the API, labels apart", async () => {
      const net = await getJson<{ nodes: unknown[]; edges: unknown[] }>(app, "/api/network");
      assert.ok(net.nodes.length >= 10 && net.edges.length >= 5, "the fixtures make a network");
      await go(page, app, "#/network", "svg.graph a.node");
      assert.equal(await page.locator("svg.graph a.node").count(), net.nodes.length);
      assert.equal(await page.locator("svg.graph a.edge").count(), net.edges.length);
      const overlaps = await page.evaluate(() => {
        const boxes = [...document.querySelectorAll("svg.graph text")].map((el) => ({ text: el.textContent, r: el.getBoundingClientRect() }));
        const out: string[] = [];
        for (let i = 0; i < boxes.length; i++)
          for (let j = i + 1; j < boxes.length; j++) {
            const a = boxes[i]!.r, c = boxes[j]!.r;
            if (a.left < c.right && c.left < a.right && a.top < c.bottom && c.top < a.bottom) out.push(`${boxes[i]!.text} / ${boxes[j]!.text}`);
          }
        return out;
      });
      assert.deepEqual(overlaps, [], "no two country labels overlap");
      await shot(page, "network");
    });

    await t.test("pair dossier from the network's table", async () => {
      await page.getByRole("link", { name: "Morocco – Senegal" }).first().click();
      await page.waitForSelector(".view.pair ol.chrono li");
      assert.match(page.url(), /#\/pairs\/MAR\/SEN$/);
      assert.equal(await page.locator("h1").textContent(), "Morocco – Senegal");
      const d = await getJson<{ events: unknown[]; agreements: unknown[]; officials: unknown[] }>(app, "/api/pairs/MAR/SEN");
      assert.equal(await page.locator("ol.chrono > li").count(), d.events.length + d.agreements.length);
      assert.ok(await page.locator("table.heat tbody tr").count() > 0, "areas by year are drawn");
      assert.ok(await page.getByRole("link", { name: "Karim Benhaddou" }).isVisible());
      await shot(page, "pair-MAR-SEN");
    });

    await t.test("timeline, filtered by country through the form", async () => {
      await go(page, app, "#/timeline", "svg.lanes");
      await shot(page, "timeline");
      await page.selectOption("#f-country", "MAR");
      await page.getByRole("button", { name: "Apply" }).click();
      await page.waitForURL(/country=MAR/);
      await page.waitForSelector("h1 .sub");
      const api = await getJson<{ total: number }>(app, "/api/events?country=MAR&limit=1000");
      assert.equal(await page.locator("li.event-item").count(), api.total);
    });

    await t.test("agreement registry with period bars", async () => {
      await go(page, app, "#/agreements", "table.registry tbody tr");
      const api = await getJson<{ total: number }>(app, "/api/agreements?limit=1000");
      assert.equal(await page.locator("table.registry tbody tr").count(), api.total);
      assert.ok(await page.locator("svg.period rect.bar").count() >= 1, "the 2024-2026 programme has a bar");
      await shot(page, "agreements");
    });

    const ev = await meeting(app);
    await t.test("event page: each <mark> is exactly an evidence span", async () => {
      await go(page, app, `#/events/${ev.id}`, "article.source mark");
      for (const src of ev.sources) {
        const marks = await page.locator(`article.source[data-article="${src.articleId}"] mark`).allTextContents();
        // the spans of this event do not overlap, so each one is its own mark
        assert.deepEqual(marks, [...src.evidence].sort((a, b) => a.start - b.start).map((e) => e.text));
        const article = await getJson<{ text: string }>(app, `/api/articles/${src.articleId}`);
        for (const e of src.evidence) assert.equal(article.text.slice(e.start, e.end), e.text);
      }
      assert.ok(await page.locator("table.fields tr[data-field=kind] button.cite").count() >= 1, "the kind names its source");
      await shot(page, "event");
    });

    await t.test("a reader sees no edit controls, and a write without a token is refused", async () => {
      assert.equal(await page.locator(".edit-controls, [data-action]").count(), 0);
      const r = await fetch(`${app.url}/api/events/${ev.id}`, { method: "PATCH", headers: { "content-type": "application/json" }, body: JSON.stringify({ date: "2020-01-01" }) });
      assert.equal(r.status, 401);
      const r2 = await fetch(`${app.url}/api/events/${ev.id}/review`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ status: "rejected" }) });
      assert.equal(r2.status, 401);
      assert.equal((await meeting(app)).date, ev.date, "nothing changed");
    });

    await t.test("person page and search", async () => {
      await page.getByRole("link", { name: "Karim Benhaddou" }).first().click();
      await page.waitForSelector(".view.entity ol.offices");
      await shot(page, "person");
      await page.fill("#q", "Benhaddou");
      await page.press("#q", "Enter");
      await page.waitForSelector("ol.hits li .snippet");
      assert.ok((await page.locator("ol.hits .snippet mark").allTextContents()).some((m) => /benhaddou/i.test(m)));
      await shot(page, "search");
    });

    await t.test("an editor corrects the date; the correction shows as such and survives a re-ingest", async () => {
      await app.addEditor("editor1", "correct-horse-battery");
      await go(page, app, "#/login", "#login-user");
      await page.fill("#login-user", "editor1");
      await page.fill("#login-pass", "wrong password!");
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForSelector(".form-status.error");
      await page.fill("#login-pass", "correct-horse-battery");
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForSelector("header [data-user=editor1]");
      assert.ok(await page.evaluate(() => !!sessionStorage.getItem("entente.token")), "the token is kept in sessionStorage");

      await go(page, app, `#/events/${ev.id}`, ".edit-controls");
      assert.equal(await page.inputValue("#edit-date"), ev.date ?? "");
      await page.fill("#edit-date", "2024-03-15");
      await page.click("[data-action=save]");
      await page.waitForSelector("tr[data-field=date].corrected");
      assert.match((await page.locator("tr[data-field=date] .value").textContent()) ?? "", /15 Mar 2024/);
      assert.match((await page.locator("tr[data-field=date] .correction-note").textContent()) ?? "", /editor1/);
      await page.click("[data-action=confirm]");
      await page.waitForSelector("[data-review=confirmed]");
      await shot(page, "event-corrected");

      const sum = await ingest(app.store, app.corpus);
      assert.equal(sum.new, 0, "the same sources again");
      const after = await meeting(app);
      assert.equal(after.date, "2024-03-15", "the correction is applied to the re-merged record");
      await go(page, app, `#/events/${after.id}`, "tr[data-field=date].corrected");
      assert.match((await page.locator("tr[data-field=date] .value").textContent()) ?? "", /15 Mar 2024/);
      assert.equal(await page.locator("[data-review]").getAttribute("data-review"), "confirmed");
    });

    await t.test("French, then signed out: no edit controls again", async () => {
      await page.selectOption("#lang", "fr");
      await page.waitForSelector("header nav >> text=Partenaires");
      assert.equal(await page.locator("html").getAttribute("lang"), "fr");
      await page.waitForSelector("tr[data-field=date].corrected");
      assert.match((await page.locator("h1").textContent()) ?? "", /Rencontre · Maroc – Sénégal/);
      await shot(page, "event-fr");
      await page.getByRole("button", { name: "Se déconnecter" }).click();
      await page.waitForSelector("header a.auth");
      await page.waitForSelector("tr[data-field=date]");
      assert.equal(await page.locator(".edit-controls, [data-action]").count(), 0);
      assert.equal(await page.locator("tr[data-field=date].corrected").count(), 1, "readers see the correction too");
    });

    assert.deepEqual(errors, [], "no script errors in the page");
  } finally {
    await b.close();
    await app.close();
  }
});
