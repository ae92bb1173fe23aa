// Paging and the editor's corrections beyond single fields, in Chromium against the real server over the fixture
// articles: lists page through offset/limit in the hash (and the back button returns), an editor corrects an
// event's countries and areas and an agreement's period, merges two people and splits one, and every change reads
// back from the API and shows on the page as a correction; a reader sees none of the controls.
import { pageErrors, test } from "node:test";
import assert from "node:assert/strict";
import { browser, pageErrors, shot, signIn, skipReason, startApp, type App } from "./helpers.js";
import type { Page } from "playwright-core";

interface PersonSummary { id: string; name: string; country: string | null; variants: string[] }
interface Correction { action: string; payload: { fields?: Record<string, unknown> } }

const getJson = async <T>(app: App, path: string): Promise<T> => {
  const r = await fetch(`${app.url}${path}`);
  assert.equal(r.status, 200, `${path}: ${r.status}`);
  return (await r.json()) as T;
};
const status = async (app: App, path: string) => (await fetch(`${app.url}${path}`)).status;

const go = async (page: Page, app: App, hash: string, ready: string) => {
  await page.goto(`${app.url}/${hash}`);
  await page.waitForSelector(ready, { timeout: 15_000 });
};

/** the first pager's range once it reads `want`: a view is drawn after the hash changes, not with it */
const range = async (page: Page, want: RegExp) => {
  await page.waitForFunction((src) => new RegExp(src).test(document.querySelector(".pager .pager-range")?.textContent ?? ""), want.source, { timeout: 15_000 });
  return page.locator(".pager .pager-range").first().textContent();
};

const person = async (app: App, q: string): Promise<PersonSummary> => {
  const r = await getJson<{ items: PersonSummary[] }>(app, `/api/people?q=${encodeURIComponent(q)}`);
  assert.equal(r.items.length, 1, `one person matches ${q}`);
  return r.items[0]!;
};

const NEW_CONTROLS = ".edit-controls, .person-edit, [data-action], #merge-q, #edit-countries, #edit-period-from";

test("paging, and an editor's list fields, merges and splits", { skip: skipReason, timeout: 240_000 }, async (t) => {
  const app = await startApp();
  const b = await browser();
  const page = b.page;
  const errors = pageErrors(page);
  try {
    await t.test("the timeline pages through offset and limit in the hash, and back returns", async () => {
      const all = await getJson<{ total: number }>(app, "/api/events?limit=1");
      assert.ok(all.total > 10, `the fixtures hold more than one page of 10 events (${all.total})`);
      await go(page, app, "#/timeline?limit=10", ".pager a[rel=next]");
      assert.equal(await range(page, /^1–10 of \d+$/), `1–10 of ${all.total}`);
      assert.equal(await page.locator(".pager").first().locator("[rel=prev]").count(), 0, "no previous link on the first page");
      const first = await page.locator("li.event-item").evaluateAll((els) => els.map((e) => e.getAttribute("data-event")));
      assert.equal(first.length, 10);
      await shot(page, "paging-timeline-1");

      await page.locator(".pager a[rel=next]").first().click();
      await page.waitForURL(/offset=10/);
      assert.equal(await range(page, /^11–20 of/), `11–20 of ${all.total}`);
      assert.match(page.url(), /#\/timeline\?limit=10&offset=10$/);
      const second = await page.locator("li.event-item").evaluateAll((els) => els.map((e) => e.getAttribute("data-event")));
      assert.equal(second.length, 10);
      assert.deepEqual(second.filter((id) => first.includes(id)), [], "the second page shows other events");
      const api = await getJson<{ items: { id: string }[] }>(app, "/api/events?limit=10&offset=10&order=asc");
      assert.deepEqual(new Set(second), new Set(api.items.map((e) => e.id)), "the page is the API's second page");
      assert.ok(await page.locator(".pager a[rel=prev]").first().isVisible());
      await shot(page, "paging-timeline-2");

      await page.goBack();
      assert.equal(await range(page, /^1–10 of/), `1–10 of ${all.total}`);
      assert.deepEqual(await page.locator("li.event-item").evaluateAll((els) => els.map((e) => e.getAttribute("data-event"))), first);
    });

    await t.test("a filter keeps the page size and starts again at the first page", async () => {
      await go(page, app, "#/timeline?limit=5&offset=5", ".pager a[rel=prev]");
      await page.selectOption("#f-kind", "meeting");
      await page.getByRole("button", { name: "Apply" }).click();
      await page.waitForURL(/kind=meeting/);
      assert.match(page.url(), /limit=5/);
      assert.doesNotMatch(page.url(), /offset=/);
    });

    await t.test("the people list pages to its last page; the agreement registry pages too", async () => {
      const all = await getJson<{ total: number }>(app, "/api/people?limit=1");
      await go(page, app, "#/people?limit=10", "table.directory tbody tr");
      assert.equal(await range(page, /^1–10 of/), `1–10 of ${all.total}`);
      const lastOffset = Math.floor((all.total - 1) / 10) * 10;
      await go(page, app, `#/people?limit=10&offset=${lastOffset}`, "table.directory");
      assert.equal(await range(page, new RegExp(`^${lastOffset + 1}–`)), `${lastOffset + 1}–${all.total} of ${all.total}`);
      assert.equal(await page.locator("table.directory tbody tr").count(), all.total - lastOffset);
      assert.equal(await page.locator(".pager a[rel=next]").count(), 0, "no next link on the last page");
      await shot(page, "paging-people-last");

      const ag = await getJson<{ total: number }>(app, "/api/agreements?limit=1");
      await go(page, app, "#/agreements?limit=4&offset=4", "table.registry tbody tr");
      assert.equal(await range(page, /^5–/), `5–${Math.min(8, ag.total)} of ${ag.total}`);
      assert.equal(await page.locator("table.registry tbody tr").count(), Math.min(8, ag.total) - 4);

      await go(page, app, "#/organizations?q=minist", ".view.directory .count");
      const orgs = await getJson<{ total: number }>(app, "/api/organizations?q=minist");
      assert.equal(await page.locator("table.directory tbody tr").count(), Math.min(50, orgs.total));
    });

    const tanabe = await person(app, "Hiroshi Tanabe");
    const zhao = await person(app, "Zhao Minghua");
    const karim = await person(app, "Karim Benhaddou");
    const [ev] = (await getJson<{ items: { id: string; countries: string[]; areas: string[] }[] }>(app, "/api/events?country=MAR&with=SEN&kind=meeting")).items;
    assert.ok(ev, "the Morocco–Senegal meeting");

    await t.test("a reader sees none of the editing controls", async () => {
      await go(page, app, `#/people/${karim.id}`, ".view.entity ol.offices");
      assert.equal(await page.locator(NEW_CONTROLS).count(), 0);
      await go(page, app, `#/events/${ev.id}`, "table.fields");
      assert.equal(await page.locator(NEW_CONTROLS).count(), 0);
    });

    await app.addEditor("editor2", "correct-horse-battery");
    await signIn(page, app, "editor2", "correct-horse-battery");

    await t.test("an editor changes an event's countries and areas; only those are sent, and they show as corrections", async () => {
      await go(page, app, `#/events/${ev.id}`, "#edit-countries");
      assert.equal(await page.inputValue("#edit-countries"), ev.countries.join(", "));
      for (const a of ev.areas) assert.ok(await page.isChecked(`#edit-area-${a}`), `${a} is ticked`);

      // a malformed code is stopped by the form, before any request
      await page.fill("#edit-countries", "MAR, SE1");
      await page.click("[data-action=save]");
      assert.equal(await page.locator("#edit-countries").evaluate((el) => (el as HTMLInputElement).validity.valid), false);
      assert.equal(await page.locator("tr[data-field=countries].corrected").count(), 0);

      await page.fill("#edit-countries", "mar sen,fra");
      assert.match((await page.textContent("#edit-countries-names")) ?? "", /Morocco, Senegal, France/);
      const dropped = ev.areas[ev.areas.length - 1]!;
      await page.uncheck(`#edit-area-${dropped}`);
      await page.check("#edit-area-maritime");
      await shot(page, "event-list-fields");
      await page.click("[data-action=save]");
      await page.waitForSelector("tr[data-field=areas].corrected");
      await page.waitForSelector("tr[data-field=countries].corrected");

      const after = await getJson<{ countries: string[]; areas: string[]; corrections: Correction[] }>(app, `/api/events/${ev.id}`);
      assert.deepEqual(after.countries, ["MAR", "SEN", "FRA"]);
      assert.deepEqual(after.areas, [...ev.areas.filter((a) => a !== dropped), "maritime"]);
      const edits = after.corrections.filter((c) => c.action === "edit");
      assert.equal(edits.length, 1);
      assert.deepEqual(Object.keys(edits[0]!.payload.fields ?? {}).sort(), ["areas", "countries"], "only the changed fields are sent");
      assert.match((await page.textContent("tr[data-field=countries] .value")) ?? "", /France/);
      assert.match((await page.textContent("tr[data-field=areas] .correction-note")) ?? "", /editor2/);
      assert.equal(await page.locator("tr[data-field=date].corrected").count(), 0);
      assert.ok(await page.isChecked("#edit-area-maritime"), "the form starts from the corrected record");
      await shot(page, "event-list-fields-corrected");
    });

    await t.test("an editor sets an agreement's period", async () => {
      const ags = await getJson<{ items: { id: string; period: unknown }[] }>(app, "/api/agreements?country=MRT&with=SEN");
      const ag = ags.items.find((g) => g.period === null) ?? ags.items[0]!;
      await go(page, app, `#/agreements/${ag.id}`, "#edit-period-from");
      await page.fill("#edit-period-from", "2026");
      await page.fill("#edit-period-to", "2024");
      await page.click("[data-action=save]");
      assert.equal(await page.locator("#edit-period-to").evaluate((el) => (el as HTMLInputElement).validity.valid), false, "a period cannot end before it starts");
      await page.fill("#edit-period-from", "2024");
      await page.fill("#edit-period-to", "2026");
      await page.click("[data-action=save]");
      await page.waitForSelector("tr[data-field=period].corrected");
      const after = await getJson<{ period: unknown; corrections: Correction[] }>(app, `/api/agreements/${ag.id}`);
      assert.deepEqual(after.period, { from: 2024, to: 2026 });
      assert.deepEqual(Object.keys(after.corrections.find((c) => c.action === "edit")!.payload.fields ?? {}), ["period"]);
      assert.match((await page.textContent("tr[data-field=period] .value")) ?? "", /2024–2026/);
      assert.match((await page.textContent("section.corrections")) ?? "", /Period: .*2024–2026/, "the period reads as a period in the correction");
      await shot(page, "agreement-period-corrected");
    });

    await t.test("an editor merges two people from the person page; the other id is gone", async () => {
      await go(page, app, `#/people/${tanabe.id}`, "#merge-q");
      await page.fill("#merge-q", "zhao");
      await page.waitForSelector(`ul.candidates li[data-person="${zhao.id}"]`);
      assert.equal(await page.locator(`ul.candidates li[data-person="${tanabe.id}"]`).count(), 0, "the person itself is no candidate");
      const line = (await page.textContent(`ul.candidates li[data-person="${zhao.id}"]`)) ?? "";
      assert.ok(line.includes("Zhao Minghua") && line.includes("China") && line.includes(zhao.id), `name, country and id: ${line}`);
      await shot(page, "person-edit-panel");
      await page.click(`ul.candidates li[data-person="${zhao.id}"] [data-action=merge-choose]`);
      await page.waitForSelector(".confirm-box [data-action=merge-confirm]");
      assert.match((await page.textContent(".confirm-box")) ?? "", new RegExp(`Zhao Minghua.*${zhao.id}.*Hiroshi Tanabe`));
      // cancelling sends nothing
      await page.click("[data-action=merge-cancel]");
      await page.waitForSelector(`ul.candidates li[data-person="${zhao.id}"]`);
      assert.equal(await status(app, `/api/people/${zhao.id}`), 200);

      await page.click(`ul.candidates li[data-person="${zhao.id}"] [data-action=merge-choose]`);
      await shot(page, "person-merge-confirm");
      await page.click("[data-action=merge-confirm]");
      await page.waitForSelector(".notice");
      assert.match(page.url(), new RegExp(`#/people/${tanabe.id}$`));
      assert.equal(await status(app, `/api/people/${zhao.id}`), 404, "the other person is gone");
      const kept = await getJson<{ variants: string[] }>(app, `/api/people/${tanabe.id}`);
      assert.ok(kept.variants.includes("Zhao Minghua"));
      await page.waitForSelector(".correction-note[data-correction=merge]");
      assert.match((await page.textContent(".correction-note[data-correction=merge]")) ?? "", /Zhao Minghua/);
      assert.match((await page.textContent("section.corrections")) ?? "", /merge/);
      assert.ok(await page.locator("#h-variants + ul.chips li", { hasText: "Zhao Minghua" }).isVisible());
    });

    await t.test("an editor splits a person with two written forms into two people", async () => {
      const before = await getJson<{ total: number }>(app, "/api/people?limit=1");
      await go(page, app, `#/people/${karim.id}`, ".split-form");
      assert.deepEqual(karim.variants.sort(), ["Benhaddou", "Karim Benhaddou"]);
      const split = page.locator("[data-action=split]");
      assert.ok(await split.isDisabled(), "nothing ticked: nothing to split");
      await page.getByLabel("Karim Benhaddou", { exact: true }).check();
      await page.getByLabel("Benhaddou", { exact: true }).check();
      assert.ok(await split.isDisabled(), "every form ticked: not a split");
      assert.match((await page.textContent(".split-form .form-status")) ?? "", /must stay/);
      await page.getByLabel("Karim Benhaddou", { exact: true }).uncheck();
      assert.ok(await split.isEnabled());
      await split.click();
      await page.waitForSelector(".notice a[data-new-person]");
      const made = (await page.getAttribute(".notice a[data-new-person]", "data-new-person"))!;
      assert.match(made, /^p-split-\d+$/);

      const a = await getJson<{ variants: string[] }>(app, `/api/people/${karim.id}`);
      const c = await getJson<{ variants: string[]; name: string }>(app, `/api/people/${made}`);
      assert.deepEqual(a.variants, ["Karim Benhaddou"]);
      assert.deepEqual(c.variants, ["Benhaddou"]);
      assert.equal((await getJson<{ total: number }>(app, "/api/people?limit=1")).total, before.total + 1, "two people where there was one");
      await page.waitForSelector(".correction-note[data-correction=split]");
      assert.match((await page.textContent(".correction-note[data-correction=split]")) ?? "", /Benhaddou/);
      await shot(page, "person-split-done");

      await page.click(".notice a[data-new-person]");
      await page.waitForURL(new RegExp(`#/people/${made}$`));
      await page.waitForSelector("h1");
      assert.equal(await page.textContent("h1"), "Benhaddou");
      assert.equal(await page.locator(".split-form .empty").count(), 1, "one written form: nothing to split further");
    });

    await t.test("in French, the person panel speaks French; signed out, its controls are gone", async () => {
      await page.selectOption("#lang", "fr");
      await go(page, app, `#/people/${tanabe.id}`, "#merge-q");
      assert.equal(await page.textContent("#h-merge"), "Fusionner avec une autre personne");
      assert.equal(await page.textContent("#h-split"), "Séparer en deux personnes");
      await go(page, app, "#/timeline?limit=10&offset=10", ".pager a[rel=prev]");
      assert.match((await range(page, /sur/)) ?? "", /^11–20 sur \d+$/);
      assert.equal(await page.textContent(".pager a[rel=next] >> nth=0"), "Suivant →");
      await shot(page, "paging-fr");
      await page.selectOption("#lang", "en");
      await page.getByRole("button", { name: "Sign out" }).click();
      await page.waitForSelector("header a.auth");
      await go(page, app, `#/people/${tanabe.id}`, ".view.entity ol.offices");
      assert.equal(await page.locator(NEW_CONTROLS).count(), 0);
      assert.equal(await page.locator(".correction-note[data-correction=merge]").count(), 1, "readers see the merge as a correction");
      await go(page, app, `#/events/${ev.id}`, "tr[data-field=areas].corrected");
      assert.equal(await page.locator(NEW_CONTROLS).count(), 0);
    });

    assert.deepEqual(errors, [], "no script errors in the page");
  } finally {
    await b.close();
    await app.close();
  }
});
