// End-to-end: whole articles in, the contract's facts out. Fixtures are written for the project.
import { test } from "node:test";
import assert from "node:assert/strict";
import { allSpans, example, fixture, pairs, run } from "./helpers.js";

const MAROC = example("maroc-senegal-securite.txt");

test("French agency story: people, states, dateline, events, agreements", () => {
  const out = run(MAROC, "2024-03-15");
  assert.deepEqual(out.people.map((p) => [p.name, p.country]), [["Karim Benhaddou", "MAR"], ["Mamadou Ndiaye Sarr", "SEN"]]);
  assert.deepEqual(out.document.dateline, { place: "Rabat", country: "MAR", date: "2024-03-15" });
  const meeting = out.events.find((e) => e.kind === "meeting" && e.participants.length === 2)!;
  assert.ok(meeting, "the meeting of the two ministers");
  assert.equal(meeting.date, "2024-03-14", "the meeting's own date, not the dateline's; 'entretienle 14 mars' is read through the glue");
  assert.equal(meeting.place?.name, "Rabat");
  const visit = out.events.find((e) => e.kind === "visit")!;
  assert.deepEqual([visit.date, visit.end_date, visit.place?.country], ["2024-03-13", "2024-03-16", "MAR"]);
  assert.deepEqual(visit.participants.map((p) => p.name), ["Mamadou Ndiaye Sarr"], "a visit's participants are the visitors");
  assert.ok(out.events.some((e) => e.kind === "signing" && e.participants.length === 2));
  const prog = out.agreements.find((a) => a.kind === "programme")!;
  assert.deepEqual([prog.status, prog.period], ["signed", { from: 2024, to: 2026 }]);
  const mou = out.agreements.find((a) => a.kind === "memorandum")!;
  assert.deepEqual([mou.status, mou.date], ["referenced", "2019"]);
  assert.deepEqual(pairs(out), ["MAR-SEN"]);
  assert.ok(out.organizations.some((o) => o.country === "MAR" && o.sector === "COP"));
  assert.ok(out.organizations.some((o) => o.country === "SEN" && o.sector === "COP"));
  for (const code of ["terrorism", "drugs", "migration", "training", "information_sharing", "human_trafficking"]) {
    assert.ok(out.areas.some((a) => a.code === code), code);
  }
});

test("nothing from the teaser block, captions or the repeated title becomes a fact", () => {
  const out = run(MAROC, "2024-03-15");
  const teaserStart = MAROC.indexOf("Voir plus");
  for (const s of allSpans(out)) if (s.text) assert.ok(s.start < teaserStart, `span after "Voir plus": ${s.text.slice(0, 40)}`);
  const captionStart = MAROC.indexOf("ảnh 1");
  for (const e of out.events) for (const ev of e.evidence) assert.ok(!ev.text.includes("ảnh"), "captions are not event evidence");
  assert.ok(!out.document.body.some((b) => b.start <= captionStart && captionStart < b.end), "the caption is not body");
  assert.equal(out.document.title, "Le Maroc et le Sénégal renforcent leur coopération dans la sécurité");
});

test("every evidence span is the raw input at its offsets, glued words included", () => {
  for (const [raw, pub] of [[MAROC, "2024-03-15"], [fixture("fr-glued-teasers.txt"), null], [fixture("en-chile-korea.txt"), null]] as const) {
    const out = run(raw, pub);
    const spans = allSpans(out);
    assert.ok(spans.length > 10);
    for (const s of spans) assert.equal(raw.slice(s.start, s.end), s.text);
  }
});

test("renamed people and states: the output follows the text, not a list", () => {
  const renamed = MAROC.replaceAll("Karim Benhaddou", "Youssef Trabelsi")
    .replaceAll("Benhaddou", "Trabelsi")
    .replaceAll("Mamadou Ndiaye Sarr", "Ibrahima Keita Diarra")
    .replaceAll("marocain", "tunisien")
    .replaceAll("Maroc", "Tunisie")
    .replaceAll("sénégalais", "malien")
    .replaceAll("Sénégal", "Mali")
    .replaceAll("Rabat", "Tunis")
    .replaceAll("(MAP)", "(TAP)");
  const out = run(renamed, "2024-03-15");
  assert.deepEqual(out.people.map((p) => [p.name, p.country]), [["Youssef Trabelsi", "TUN"], ["Ibrahima Keita Diarra", "MLI"]]);
  assert.deepEqual(out.document.dateline?.country, "TUN");
  assert.deepEqual(pairs(out), ["MLI-TUN"]);
  const meeting = out.events.find((e) => e.kind === "meeting" && e.participants.length === 2)!;
  assert.equal(meeting.place?.name, "Tunis");
});

test("English: possessives, counterparts, 'the same day' and a background agreement", () => {
  const out = run(fixture("en-chile-korea.txt"), "2023-09-09");
  const names = out.people.map((p) => [p.name, p.country]);
  assert.deepEqual(names, [["Park Min-jun", "KOR"], ["Camila Rojas Fuentes", "CHL"], ["Lee Seo-yeon", "KOR"]]);
  const meetings = out.events.filter((e) => e.kind === "meeting");
  assert.equal(meetings.length, 2, "the talks and the same-day meeting with the justice minister are two events");
  assert.equal(meetings[0]!.date, "2023-09-08");
  assert.equal(meetings[1]!.date, "2023-09-08", "'the same day' takes the date of the talks");
  const mou = out.agreements.find((a) => a.kind === "memorandum")!;
  assert.deepEqual([mou.status, mou.date], ["referenced", "2019"]);
  assert.ok(out.organizations.some((o) => o.country === "KOR" && o.sector === "COP"));
  assert.ok(out.organizations.some((o) => o.country === "KOR" && o.sector === "JUD"));
});

test("background: an earlier visit and a planned one are not reported events", () => {
  const out = run(fixture("fr-kazakh-laos.txt"));
  const visits = out.events.filter((e) => e.kind === "visit");
  const reported = visits.filter((v) => !v.background);
  assert.equal(reported.length, 1);
  assert.equal(reported[0]!.participants[0]?.name, "Sultanbekov Marat Erlanovich");
  assert.ok(visits.filter((v) => v.background).length >= 1, "'en mars dernier' and 'la prochaine visite' are background");
  assert.deepEqual(out.people.map((p) => p.country), ["LAO", "KAZ"]);
  assert.equal(out.people[1]!.name, "Sultanbekov Marat Erlanovich", "surname-first Russian-style name with patronymic, joined by 'M. Sultanbekov'");
  assert.ok(out.people[1]!.mentions.length >= 2);
  const mou = out.agreements[0]!;
  assert.deepEqual([mou.kind, mou.status], ["memorandum", "signed"]);
});

test("a bracketed link to another story and a glued 'dansla' do not derail the article", () => {
  const raw = fixture("fr-glued-teasers.txt");
  const out = run(raw);
  assert.deepEqual(out.people.map((p) => [p.name, p.country]), [["Kwabena Asante Mensah", "GHA"], ["Amadou Koné Traoré", "CIV"]]);
  assert.ok(!out.people.some((p) => p.name.includes("Owusu")), "a person named only in the teasers is not a person of the article");
  assert.ok(!out.agreements.some((a) => (a.title ?? "").includes("commercial")), "the bracketed teaser is not an agreement");
  assert.deepEqual(pairs(out), ["CIV-GHA"]);
});

test("English wire story: things named like people are not people; a current visit is reported, a planned one is not", () => {
  const out = run(fixture("en-india-france-defence.txt"), "2024-02-12");
  assert.deepEqual(out.people.map((p) => [p.name, p.country]), [["Sébastien Lecornu", "FRA"], ["Rajnath Singh", "IND"], ["Narendra Modi", "IND"]]);
  const visit = out.events.find((e) => e.kind === "visit" && !e.background)!;
  assert.deepEqual(visit.participants.map((p) => p.name), ["Sébastien Lecornu"]);
  assert.ok(!out.events.some((e) => !e.background && e.participants.some((p) => p.name === "Narendra Modi")), "'is expected to visit Paris in July' is not a reported event");
  const signing = out.events.find((e) => e.kind === "signing")!;
  assert.equal(signing.date, "2024-02-12", "'on Monday' resolved against the publication date");
  assert.ok(out.organizations.some((o) => o.country === "IND" && o.sector === "MIL"));
  assert.ok(out.areas.some((a) => a.code === "defence") && out.areas.some((a) => a.code === "maritime"));
});

test("French: 'son homologue' with a demonym, a protocol with its validity period", () => {
  const out = run(fixture("fr-senegal-mauritanie-peche.txt"), "2023-07-21");
  assert.deepEqual(out.people.map((p) => [p.name, p.country]), [["Fatou Diouf Ndiaye", "SEN"], ["Mohamed Abdallahi Ould Bah", "MRT"]]);
  const signing = out.events.find((e) => e.kind === "signing")!;
  assert.equal(signing.date, "2023-07-20", "'jeudi' is the Thursday before publication");
  assert.deepEqual(signing.countries.sort(), ["MRT", "SEN"]);
  assert.ok(out.events.filter((e) => e.kind === "conference").every((e) => e.background), "the joint commission meets 'en octobre prochain': background");
  assert.ok(out.agreements.some((a) => a.status === "signed"));
});

test("multilateral: officials of international organizations serve no state; a meeting on the sidelines is its own event", () => {
  const out = run(fixture("en-eu-au-ministerial.txt"));
  const borrell = out.people.find((p) => p.name === "Josep Borrell")!;
  assert.equal(borrell.country, null);
  assert.ok(out.organizations.some((o) => o.sector === "IGO" && /African Union/.test(o.name)));
  const conf = out.events.find((e) => e.kind === "conference")!;
  assert.equal(conf.date, "2024-05-21");
  const side = out.events.find((e) => e.kind === "meeting")!;
  assert.deepEqual(side.countries.sort(), ["BEL", "KEN"]);
});

test("a phone call reported from home: the official named without a demonym serves the dateline's state", () => {
  const out = run(fixture("fr-algerie-tunisie-appel.txt"), "2023-02-15");
  const call = out.events.find((e) => e.kind === "call")!;
  assert.ok(call, "'s'est entretenu par téléphone' is a call");
  assert.equal(call.date, "2023-02-14", "'mardi' counts from the dateline's day");
  assert.deepEqual(call.participants.map((p) => [p.name, p.country]), [["Karim Belhadj", "DZA"], ["Nabil Ammar Gharbi", "TUN"]]);
  assert.ok(!out.events.some((e) => e.kind === "conference" && !e.background), "the joint commission 'prévue en mars prochain' is background");
});

test("English call, and a state visit recalled from 'last November'", () => {
  const out = run(fixture("en-xinhua-call.txt"), "2023-08-04");
  const call = out.events.find((e) => e.kind === "call")!;
  assert.equal(call.date, "2023-08-03");
  const visit = out.events.find((e) => e.kind === "visit")!;
  assert.deepEqual([visit.background, visit.date, visit.participants[0]?.name], [true, "2022-11", "Xi Jinping"]);
});

test("an agency reporting from abroad: its own officials, named without a demonym, serve the agency's state", () => {
  const out = run("Titre\n\nParis, 3 mai (APS) - Le ministre des Affaires étrangères, Ahmed Benali, s'est entretenu à Paris avec son homologue français, Jean Dupré.", "2024-05-03");
  assert.deepEqual(out.people.map((p) => [p.name, p.country]), [["Ahmed Benali", "DZA"], ["Jean Dupré", "FRA"]]);
  assert.deepEqual(pairs(out), ["DZA-FRA"]);
});

test("an HTML page: the article only (no menu, caption or related links), metadata, evidence in the raw HTML", async () => {
  const { readFileSync } = await import("node:fs");
  const { extract } = await import("../src/index.js");
  const raw = readFileSync(new URL("./fixtures/html/en-page-article.html", import.meta.url), "utf8");
  const out = extract({ raw, format: "html", meta: { id: "page" } }) as ReturnType<typeof run>;
  assert.equal(out.document.title, "Chile, South Korea vow closer police cooperation");
  assert.equal(out.document.published, "2023-09-09");
  assert.deepEqual(out.people.map((p) => [p.name, p.country]), [["Park Min-jun", "KOR"], ["Camila Rojas Fuentes", "CHL"]]);
  assert.ok(!out.people.some((p) => p.name.includes("Lee")), "the related links are not the article");
  const meeting = out.events.find((e) => e.kind === "meeting")!;
  assert.equal(meeting.date, "2023-09-08");
  for (const s of allSpans(out)) assert.equal(raw.slice(s.start, s.end), s.text);
  assert.ok(out.areas.some((a) => a.code === "cybercrime"), "text inside inline markup is read");
});
