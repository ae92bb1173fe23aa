// Accounts and corrections over HTTP: log-in and out, 401/403 for writes without a token or with a reader's,
// reviews and edits that show as corrections, people merged and split, and every correction still applied after
// ingesting the same articles again and after an article's text changed (a new version, new record ids).
import { after, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { body, setup, teardown, type Fixture } from "./helpers.js";

const f: Fixture = await setup();
after(() => teardown(f));

/** the MAR-SEN meeting of examples/maroc-senegal-securite.txt */
async function theMeeting(): Promise<{ id: string; kind: string; sources: { uri: string; articleId: number }[] }> {
  const page = await body(await f.get("/api/events?country=MAR&with=SEN&review=all"));
  const e = page.items.find((x: { kind: string; date: string }) => x.kind === "meeting" && x.date === "2024-03-14");
  assert.ok(e, "the fixture meeting is there");
  return e;
}

describe("accounts", () => {
  test("log in, who am I, log out", async () => {
    const wrong = await body(await f.send("POST", "/api/auth/login", { username: "edith", password: "not-the-password" }), 401);
    assert.equal(wrong.error.code, "unauthorized");
    await body(await f.send("POST", "/api/auth/login", { username: "nobody", password: "whatever-it-is" }), 401);
    await body(await f.send("POST", "/api/auth/login", { username: "edith" }), 400);
    await body(await f.send("POST", "/api/auth/login", { username: "edith", password: "editor-password", remember: true }), 400);
    await body(await f.send("POST", "/api/auth/login", "username=edith"), 400);
    const ok = await body(await f.send("POST", "/api/auth/login", { username: "edith", password: "editor-password" }));
    assert.deepEqual(ok.user, { username: "edith", role: "editor" });
    assert.match(ok.token, /^ent_[A-Za-z0-9_-]{40,}$/);
    assert.deepEqual(await body(await f.get("/api/me", { Authorization: `Bearer ${ok.token}` })), { username: "edith", role: "editor" });
    const anon = await f.get("/api/me");
    assert.equal(anon.status, 401);
    assert.match(anon.headers.get("www-authenticate") ?? "", /^Bearer/);
    assert.deepEqual(await body(await f.send("POST", "/api/auth/logout", undefined, ok.token)), { ok: true });
    await body(await f.get("/api/me", { Authorization: `Bearer ${ok.token}` }), 401);
    await body(await f.send("POST", "/api/auth/logout", undefined, ok.token), 401);
    // a reader may log in and out too
    const r = await body(await f.send("POST", "/api/auth/login", { username: "rita", password: "reader-password" }));
    assert.equal(r.user.role, "reader");
    await body(await f.send("POST", "/api/auth/logout", undefined, r.token));
  });

  test("the store keeps no password and no token in clear", async () => {
    const u = await f.store.userCredentials("edith");
    assert.match(u!.password_hash, /^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9_-]+\$[A-Za-z0-9_-]+$/);
    assert.ok(!u!.password_hash.includes("editor-password"));
    assert.notEqual(u!.password_hash, (await f.store.userCredentials("rita"))!.password_hash);
    assert.equal(await f.store.tokenUser(f.editor), null, "a token is looked up by its hash only");
  });

  test("writes need an editor: 401 without a valid token, 403 for a reader, nothing changed", async () => {
    const e = await theMeeting();
    const ag = (await body(await f.get("/api/agreements?limit=1"))).items[0];
    const people = (await body(await f.get("/api/people?limit=2"))).items;
    const writes: [string, string, unknown][] = [
      ["POST", `/api/events/${e.id}/review`, { status: "rejected" }],
      ["PATCH", `/api/events/${e.id}`, { kind: "call" }],
      ["POST", `/api/agreements/${ag.id}/review`, { status: "confirmed" }],
      ["PATCH", `/api/agreements/${ag.id}`, { status: "planned" }],
      ["POST", "/api/people/merge", { ids: [people[0].id, people[1].id] }],
      ["POST", `/api/people/${people[0].id}/split`, { variants: [people[0].name] }],
    ];
    for (const [method, path, b] of writes) {
      const none = await body(await f.send(method, path, b), 401);
      assert.equal(none.error.code, "unauthorized", path);
      await body(await f.send(method, path, b, "ent_not-a-real-token-at-all-000000"), 401);
      const reader = await body(await f.send(method, path, b, f.reader), 403);
      assert.equal(reader.error.code, "forbidden", path);
      assert.match(reader.error.message, /rita/);
    }
    assert.equal((await body(await f.get("/api/corrections"))).total, 0);
  });
});

describe("corrections", () => {
  let meetingId = "";
  let agreementId = "";
  let kept = "";
  let moved = { id: "", name: "", events: [] as string[] };
  let splitId = "";

  test("a review: the record leaves the default lists, stays readable, shows the correction", async () => {
    const e = await theMeeting();
    meetingId = e.id;
    const r = await body(await f.send("POST", `/api/events/${e.id}/review`, { status: "rejected", note: "a duplicate" }, f.editor));
    assert.equal(r.id, e.id);
    assert.deepEqual([r.review.status, r.review.by, r.review.note], ["rejected", "edith", "a duplicate"]);
    assert.match(r.review.at, /^\d{4}-\d{2}-\d{2}T/);
    assert.equal(r.corrections.length, 1);
    assert.deepEqual([r.corrections[0].action, r.corrections[0].by, r.corrections[0].payload.original.status], ["review", "edith", "unreviewed"]);
    const list = await body(await f.get("/api/events?country=MAR&with=SEN"));
    assert.ok(!list.items.some((x: { id: string }) => x.id === e.id));
    const rejected = await body(await f.get("/api/events?review=rejected"));
    assert.deepEqual(rejected.items.map((x: { id: string }) => x.id), [e.id]);
    await body(await f.send("POST", `/api/events/${e.id}/review`, { status: "maybe" }, f.editor), 400);
    await body(await f.send("POST", `/api/events/${e.id}/review`, { status: "confirmed", by: "me" }, f.editor), 400);
    await body(await f.send("POST", "/api/events/ev-000000000000/review", { status: "confirmed" }, f.editor), 404);
  });

  test("an edit: corrected fields, their original values kept in the correction", async () => {
    const r = await body(await f.send("PATCH", `/api/events/${meetingId}`, { kind: "visit", areas: ["defence", "terrorism"], place_name: "Rabat", place_country: "mar" }, f.editor));
    assert.deepEqual([r.kind, r.areas, r.place_name, r.place_country], ["visit", ["defence", "terrorism"], "Rabat", "MAR"]);
    const edit = r.corrections.find((k: { action: string }) => k.action === "edit");
    assert.deepEqual(Object.keys(edit.payload.fields).sort(), ["areas", "kind", "place_country", "place_name"]);
    assert.equal(edit.payload.original.kind, "meeting");
    assert.equal(edit.anchor.article.endsWith("maroc-senegal-securite.txt"), true);
    assert.ok(edit.anchor.text.length > 10, "the first evidence text");
    for (const bad of [{ countries: ["XXX"] }, { date: "yesterday" }, { title: "x" }, {}, { kind: "party" }, { areas: ["nope"] }, { countries: "MAR" }]) {
      const b = await body(await f.send("PATCH", `/api/events/${meetingId}`, bad, f.editor), 400);
      assert.equal(b.error.code, "bad_request", JSON.stringify(bad));
    }
    await body(await f.send("PATCH", "/api/events/ev-000000000000", { kind: "call" }, f.editor), 404);

    const ag = (await body(await f.get("/api/agreements?country=SEN&with=MRT&status=signed"))).items[0];
    agreementId = ag.id;
    const g = await body(await f.send("PATCH", `/api/agreements/${ag.id}`, { status: "planned", period: { from: 2024, to: 2030 }, title: "Protocole de pêche" }, f.editor));
    assert.deepEqual([g.status, g.period, g.title], ["planned", { from: 2024, to: 2030 }, "Protocole de pêche"]);
    assert.equal(g.corrections[0].payload.original.status, "signed");
    const gr = await body(await f.send("POST", `/api/agreements/${ag.id}/review`, { status: "confirmed" }, f.editor));
    assert.equal(gr.review.status, "confirmed");
    await body(await f.send("PATCH", `/api/agreements/${ag.id}`, { period: { from: "2024" } }, f.editor), 400);
    await body(await f.send("PATCH", `/api/agreements/${ag.id}`, { place_name: "x" }, f.editor), 400);
  });

  test("people: merge two, then split one written form out again", async () => {
    const a = (await body(await f.get(`/api/people?q=${encodeURIComponent("Fatou Diouf")}`))).items[0];
    const b = (await body(await f.get(`/api/people?q=${encodeURIComponent("Ould Bah")}`))).items[0];
    assert.ok(a && b && a.id !== b.id);
    kept = a.id;
    const bEvents = (await body(await f.get(`/api/people/${b.id}`))).events.map((e: { id: string }) => e.id).sort();
    assert.ok(bEvents.length > 0);
    const m = await body(await f.send("POST", "/api/people/merge", { ids: [a.id, b.id] }, f.editor));
    assert.equal(m.id, a.id);
    assert.ok(m.variants.includes(b.name));
    assert.ok(bEvents.every((id: string) => m.events.some((e: { id: string }) => e.id === id)));
    assert.equal(m.corrections[0].action, "merge");
    await body(await f.get(`/api/people/${b.id}`), 404);
    await body(await f.send("POST", "/api/people/merge", { ids: [a.id] }, f.editor), 400);
    await body(await f.send("POST", "/api/people/merge", { ids: [a.id, "p-nobody"] }, f.editor), 404);

    const s = await body(await f.send("POST", `/api/people/${a.id}/split`, { variants: [b.name] }, f.editor));
    assert.equal(s.people.length, 2);
    const [left, right] = s.people;
    assert.equal(left.id, a.id);
    assert.ok(!left.variants.includes(b.name));
    assert.deepEqual(right.variants, [b.name]);
    assert.deepEqual(right.events.map((e: { id: string }) => e.id).sort(), bEvents, "the events that name that form go with it");
    moved = { id: right.id, name: b.name, events: bEvents };
    splitId = right.id;
    await body(await f.send("POST", `/api/people/${a.id}/split`, { variants: ["Nobody At All"] }, f.editor), 400);
  });

  test("every correction survives ingesting the same articles again", async () => {
    await f.reingest();
    const e = await body(await f.get(`/api/events/${meetingId}`));
    assert.deepEqual([e.review.status, e.kind, e.place_name], ["rejected", "visit", "Rabat"]);
    assert.equal(e.corrections.length, 2);
    const g = await body(await f.get(`/api/agreements/${agreementId}`));
    assert.deepEqual([g.status, g.review.status], ["planned", "confirmed"]);
    const left = await body(await f.get(`/api/people/${kept}`));
    assert.ok(!left.variants.includes(moved.name));
    const right = await body(await f.get(`/api/people/${splitId}`));
    assert.deepEqual(right.events.map((x: { id: string }) => x.id).sort(), moved.events);
  });

  test("and a re-ingest after the article's text changed slightly: new version, new record id, same corrections", async () => {
    const before = await body(await f.get(`/api/events/${meetingId}`));
    const file = join(f.corpus, "maroc-senegal-securite.txt");
    writeFileSync(file, `${readFileSync(file, "utf8").trimEnd()}\n\n(Updated with the final communiqué.)\n`);
    await f.reingest();
    const gone = await body(await f.get(`/api/events/${meetingId}`), 404);
    assert.equal(gone.error.code, "not_found", "the record id was made from the old article version");
    const ks = await body(await f.get(`/api/corrections?target=${meetingId}`));
    assert.equal(ks.total, 2);
    const now = ks.items[0].attached_to;
    assert.ok(now && now !== meetingId, `re-attached to ${now}`);
    const e = await body(await f.get(`/api/events/${now}`));
    assert.deepEqual([e.review.status, e.kind, e.place_name, e.areas], ["rejected", "visit", "Rabat", ["defence", "terrorism"]]);
    assert.notEqual(e.sources[0].articleId, before.sources[0].articleId, "it cites the new version");
    assert.equal(e.corrections.length, 2);
    const rejected = await body(await f.get("/api/events?review=rejected"));
    assert.deepEqual(rejected.items.map((x: { id: string }) => x.id), [now]);
    const all = await body(await f.get("/api/corrections"));
    assert.ok(all.items.every((k: { attached_to: string | null }) => k.attached_to !== null), "nothing orphaned");
  });
});

describe("cached answers", () => {
  test("a read answered from the cache is answered afresh once a correction changes the record", async () => {
    const e = await theMeeting();
    const first = await body(await f.get(`/api/events/${e.id}`));
    const again = await body(await f.get(`/api/events/${e.id}`));
    assert.deepEqual(again, first);
    const newKind = first.kind === "visit" ? "meeting" : "visit";
    await body(await f.send("PATCH", `/api/events/${e.id}`, { kind: newKind }, f.editor));
    const after = await body(await f.get(`/api/events/${e.id}`));
    assert.equal(after.kind, newKind);
    await body(await f.send("PATCH", `/api/events/${e.id}`, { kind: first.kind }, f.editor));
    assert.equal((await body(await f.get(`/api/events/${e.id}`))).kind, first.kind);
  });
});
