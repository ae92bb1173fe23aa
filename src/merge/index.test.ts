import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { mergeArticles } from "./index.js";
import type { ArticleInput } from "./types.js";

const fixture = <T = ArticleInput>(name: string): T =>
  JSON.parse(readFileSync(new URL(`../../test/fixtures/merge/${name}`, import.meta.url), "utf8")) as T;
const A = () => fixture("meeting-outlet-a.json");
const B = () => fixture("meeting-outlet-b.json");
const C = () => fixture("meeting-other-same-day.json");
const D = () => fixture("background-mention.json");
const E = () => fixture("agreement-later.json");

test("two outlets reporting one meeting: one event with two sources, fields explained", () => {
  const m = mergeArticles([A(), B()]);
  const id = m.eventIdOf("outlet-a-0512", 0);
  assert.equal(m.eventIdOf("outlet-b-0512", 0), id);
  const ev = m.events.find((e) => e.id === id)!;
  assert.deepEqual(ev.sources, [{ article: "outlet-a-0512", index: 0 }, { article: "outlet-b-0512", index: 0 }]);
  assert.equal(ev.kind, "meeting");
  assert.equal(ev.date, "2021-05-12");
  assert.equal(ev.place?.name, "Santiago"); // the city over the country as a whole
  assert.deepEqual(ev.countries, ["CHL", "FIN"]);
  assert.equal(ev.participants.length, 2);
  assert.deepEqual(ev.fields.date, [
    { value: "--05-12", articles: ["outlet-b-0512"] },
    { value: "2021-05-12", articles: ["outlet-a-0512"] },
  ]);
  assert.deepEqual(ev.conflicts, []);
  assert.match(ev.links[0]!, /2 shared participants/);
  // the signing of the same day is another event
  assert.notEqual(m.eventIdOf("outlet-a-0512", 1), id);
  assert.equal(m.events.length, 2);
});

test("two meetings the same day between the same states with different participants stay two", () => {
  const m = mergeArticles([A(), C()]);
  assert.notEqual(m.eventIdOf("outlet-a-0512", 0), m.eventIdOf("outlet-c-0512", 0));
  // the minister both meetings share is still one person
  assert.equal(m.people.filter((p) => p.name === "Aino Virtanen").length, 1);
});

test("a background mention attaches to the event it mentions", () => {
  const m = mergeArticles([A(), D()]);
  const id = m.eventIdOf("outlet-a-0512", 0);
  assert.equal(m.eventIdOf("outlet-d-0602", 1), id);
  const ev = m.events.find((e) => e.id === id)!;
  assert.equal(ev.background, false);
  assert.match(ev.links.join("\n"), /background mention/);
  // the event the later article reports is its own
  assert.notEqual(m.eventIdOf("outlet-d-0602", 0), id);
});

test("a background mention that fits two reported events attaches to neither", () => {
  const m = mergeArticles([A(), C(), D()]);
  const mention = m.eventIdOf("outlet-d-0602", 1);
  assert.notEqual(mention, m.eventIdOf("outlet-a-0512", 0));
  assert.notEqual(mention, m.eventIdOf("outlet-c-0512", 0));
});

test("conflicting dates are listed; a date clash keeps reports apart", () => {
  const b = B();
  const ev = b.extraction.events[0] as { date: string };
  ev.date = "2021-05-14";
  const m = mergeArticles([A(), b]);
  assert.notEqual(m.eventIdOf("outlet-a-0512", 0), m.eventIdOf("outlet-b-0512", 0));
  // a place named in both and lying in another state also keeps them apart
  const b2 = B();
  (b2.extraction.events[0] as { place: unknown }).place = { name: "Helsinki", country: "FIN" };
  assert.notEqual(mergeArticles([A(), b2]).eventIdOf("outlet-b-0512", 0), mergeArticles([A(), b2]).eventIdOf("outlet-a-0512", 0));
  // a year-less date fits; the merged record shows both values
  const m3 = mergeArticles([A(), B()]);
  assert.equal(m3.events.find((e) => e.sources.length === 2)!.fields.date!.length, 2);
});

test("a phone call matches a meeting only when both give the same full day", () => {
  const call = (date: string) => {
    const b = B();
    Object.assign(b.extraction.events[0] as object, { kind: "call", date });
    return b;
  };
  const m1 = mergeArticles([A(), call("--05-12")]);
  assert.notEqual(m1.eventIdOf("outlet-b-0512", 0), m1.eventIdOf("outlet-a-0512", 0));
  const m2 = mergeArticles([A(), call("2021-05-12")]);
  assert.equal(m2.eventIdOf("outlet-b-0512", 0), m2.eventIdOf("outlet-a-0512", 0));
  assert.match(m2.events.find((e) => e.sources.length === 2)!.conflicts.join("\n"), /^kind: /m);
});

test("an agreement signed in one article and referenced later is one agreement with its history", () => {
  const m = mergeArticles([A(), D(), E()]);
  const id = m.agreementIdOf("outlet-a-0512", 0);
  assert.equal(m.agreementIdOf("outlet-d-0602", 0), id);
  assert.equal(m.agreementIdOf("outlet-e-2203", 0), id);
  const ag = m.agreements.find((a) => a.id === id)!;
  assert.equal(ag.status, "signed");
  assert.equal(ag.date, "2021-05-12");
  assert.deepEqual(ag.history.map((h) => [h.status, h.article, h.date]), [
    ["signed", "outlet-a-0512", "2021-05-12"],
    ["referenced", "outlet-d-0602", "2021-06-02"],
    ["referenced", "outlet-e-2203", "2022-03-01"],
  ]);
  // its signing event
  assert.deepEqual(ag.signings, [m.eventIdOf("outlet-a-0512", 1)]);
  // other agreements between the same states stay apart
  assert.notEqual(m.agreementIdOf("outlet-d-0602", 1), id);
  assert.notEqual(m.agreementIdOf("outlet-e-2203", 1), id);
  assert.equal(m.agreements.length, 3);
  assert.match(ag.links.join("\n"), /title overlap/);
});

test("an article reporting the same meeting: its untitled memorandum pairs, a differently titled one does not", () => {
  const m = mergeArticles([A(), B()]);
  const id = m.agreementIdOf("outlet-a-0512", 0);
  // "memorandum on fisheries research" shares one title word of two with "... Antarctic research ..."
  assert.notEqual(m.agreementIdOf("outlet-b-0512", 0), id);
  // "le mémorandum" says nothing against it, and is the only counterpart in an article about the same meeting
  assert.equal(m.agreementIdOf("outlet-b-0512", 1), id);
  const ag = m.agreements.find((a) => a.id === id)!;
  assert.match(ag.links.join("\n"), /same occasion/);
  assert.equal(ag.title, "Memorandum of Understanding on Antarctic research cooperation");
  // without the shared meeting, nothing ties the untitled one to it
  const b = B();
  b.extraction.events = [];
  assert.notEqual(mergeArticles([A(), b]).agreementIdOf("outlet-b-0512", 1), mergeArticles([A(), b]).agreementIdOf("outlet-a-0512", 0));
});

test("two signings of a same-titled plan years apart are two agreements", () => {
  const mk = (id: string, published: string): ArticleInput => ({
    id,
    published,
    extraction: {
      document: { id, language: "en", title: null, published, dateline: null, body: [] },
      people: [], organizations: [], events: [], areas: [],
      agreements: [{ kind: "programme", title: "plan of action on police cooperation", status: "signed", date: null, period: null, countries: ["FIN", "CHL"], parties: [], background: false }],
    },
  });
  const m = mergeArticles([mk("p1", "2015-03-10"), mk("p2", "2018-06-01"), mk("p3", "2018-06-03")]);
  assert.notEqual(m.agreementIdOf("p1", 0), m.agreementIdOf("p2", 0));
  assert.equal(m.agreementIdOf("p2", 0), m.agreementIdOf("p3", 0));
});

test("within near-duplicate articles, events merge even without shared participants", () => {
  const t = fixture<{ original: string; copy: string }>("syndicated.json");
  const mk = (id: string, text: string, kind: string, participants: { name: string; country: string }[]): ArticleInput => ({
    id,
    text,
    published: "2022-03-15",
    extraction: {
      document: { id, language: "en", title: null, published: "2022-03-15", dateline: null, body: [] },
      people: participants.map((p) => ({ name: p.name, aliases: [], country: p.country, titles: [] })),
      organizations: [], agreements: [], areas: [],
      events: [{ kind, date: null, place: { name: "Helsinki", country: "FIN" }, participants, organizations: [], countries: ["FIN", "CHL"], background: false }],
    },
  });
  const wire = mk("wire", t.original, "meeting", [{ name: "Aino Virtanen", country: "FIN" }]);
  const copy = mk("copy", t.copy, "conference", [{ name: "Camila Soto Vera", country: "CHL" }]);
  const m = mergeArticles([wire, copy]);
  assert.equal(m.duplicates.length, 1);
  assert.equal(m.eventIdOf("wire", 0), m.eventIdOf("copy", 0));
  assert.match(m.events[0]!.links[0]!, /near-duplicate/);
  // the same two reports in unrelated articles stay apart
  const far = { ...copy, text: "A completely different story about rain, rivers, bridges and shelters in the port city." };
  assert.notEqual(mergeArticles([wire, far]).eventIdOf("wire", 0), mergeArticles([wire, far]).eventIdOf("copy", 0));
});

test("ids are deterministic and independent of input order", () => {
  const x = mergeArticles([A(), B(), C(), D(), E()]);
  const y = mergeArticles([E(), D(), C(), B(), A()]);
  assert.deepEqual(x.events.map((e) => e.id), y.events.map((e) => e.id));
  assert.deepEqual(x.agreements.map((e) => e.id), y.agreements.map((e) => e.id));
  assert.deepEqual(x.people.map((e) => e.id), y.people.map((e) => e.id));
  assert.match(x.eventIdOf("outlet-a-0512", 0), /^ev-[0-9a-f]{12}$/);
  assert.throws(() => x.eventIdOf("outlet-a-0512", 9), /no event 9/);
  assert.throws(() => mergeArticles([A(), A()]), /given twice/);
});
