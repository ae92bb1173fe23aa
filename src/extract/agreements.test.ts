import { test } from "node:test";
import assert from "node:assert/strict";
import { runUntil } from "../pipelines/run-until.js";

const agreements = (text: string, lang: "fr" | "en", published: string | null = null) =>
  runUntil(`Titre\n\n${text}`, "events", { lang, published }).agreements!.map((a) => [a.kind, a.status, a.period ? `${a.period.from}-${a.period.to}` : null, a.date]);

test("kind, status and period of what was signed, referenced and planned", () => {
  assert.deepEqual(agreements("Les ministres tchèque et kényan de l'Intérieur ont signé un programme de coopération pour la période 2024-2026.", "fr", "2024-05-04"), [
    ["programme", "signed", "2024-2026", null],
  ]);
  assert.deepEqual(agreements("Sur la base du mémorandum d'accord signé en 2015 entre les deux ministères, les parties ont coopéré.", "fr", "2024-05-04"), [
    ["memorandum", "referenced", null, "2015"],
  ]);
  assert.deepEqual(agreements("The two sides agreed to sign a memorandum of understanding on police training next year.", "en"), [["memorandum", "planned", null, null]]);
});

test("trafficking is not a treaty, and 'être d'accord' is not an agreement", () => {
  assert.deepEqual(agreements("Ils luttent contre la traite des êtres humains et sont d'accord pour coopérer.", "fr"), []);
});

const titles = (text: string, lang: "fr" | "en") =>
  runUntil(`Titre\n\n${text}`, "events", { lang, published: "2024-03-06" }).agreements!.map((a) => [a.kind, a.title]);

test("a list head counts what it lists: each item is one document, a bare field one too", () => {
  assert.deepEqual(
    titles("Chile and Peru have signed a series of important cooperation agreements, including the Treaty on the delimitation of the maritime border between the two countries, during the visit. On this occasion, the two sides signed 4 cooperation documents in the following areas: Fisheries; mining research; Memorandum of Understanding on cooperation in tourism promotion and Treaty on extradition.", "en"),
    [
      ["agreement", "Treaty on the delimitation of the maritime border between the two countries"],
      ["agreement", "cooperation document on fisheries"],
      ["agreement", "cooperation document on mining research"],
      ["memorandum", "Memorandum of Understanding on cooperation in tourism promotion"],
      ["agreement", "Treaty on extradition"],
    ],
  );
  assert.deepEqual(titles("Le Chili et le Pérou ont signé trois documents de coopération : la santé, l'éducation et un mémorandum d'accord sur le tourisme.", "fr"), [
    ["agreement", "document de coopération concernant la santé"],
    ["agreement", "document de coopération concernant l'éducation"],
    ["memorandum", "mémorandum d'accord sur le tourisme"],
  ]);
});

test("a title-case name coordinated in a list is a document of its own; 'and the Government of' is not", () => {
  assert.deepEqual(
    titles("Two collaborations in the economic field have also been signed by Chile and Peru, namely the Agreement on Wine Trade and the Cooperation for the Protection of Investments under the supervision of the Ministry of Economy, Trade and Industry.", "en"),
    [["agreement", "Agreement on Wine Trade"], ["other", "Cooperation for the Protection of Investments"]],
  );
  assert.deepEqual(titles("The agreement between the Government of Chile and the Government of Peru on fisheries was signed, including provisions on quotas.", "en"), [
    ["agreement", "agreement between the Government of Chile and the Government of Peru on fisheries"],
  ]);
});

test("a definite mention worded within an agreement named before is that agreement, between the same states only", () => {
  assert.deepEqual(
    titles("Chile and Peru signed the Treaty on the demarcation of maritime boundaries between the two countries in the Pacific. Rojas welcomed the signing of the agreement on maritime boundary demarcation.", "en"),
    [["agreement", "Treaty on the demarcation of maritime boundaries between the two countries in the Pacific"]],
  );
  assert.equal(
    titles("Russia signed an agreement between the governments of Russia and Chile on visa-free travel for holders of diplomatic or service passports, and the agreement between the governments of Russia and Peru on visa-free travel for holders of diplomatic passports.", "en").length,
    2,
  );
});

test("a period after the next agreement's noun is that agreement's; a verb after 'and' ends a title", () => {
  assert.deepEqual(
    agreements("Les ministres tchèque et kényan de l'Intérieur ont signé un accord de coopération en matière de sécurité et un programme d'action pour la période 2024-2026.", "fr", "2024-05-04"),
    [["agreement", "signed", null, null], ["programme", "signed", "2024-2026", null]],
  );
  const titles = runUntil("Titre\n\nThe Chilean and Kenyan ministers reviewed the cooperation plan for 2021-2025 and agreed to step up information sharing.", "events", { lang: "en" }).agreements!.map((a) => a.title);
  assert.deepEqual(titles, ["cooperation plan for 2021-2025"]);
});

test("a day after an agreement's title is when it was signed, not part of the title", () => {
  const titles = runUntil("Titre\n\nChilean Defence Minister Luis Soto and Kenyan Defence Minister Peter Otieno signed a protocol on military training cooperation on Wednesday.", "events", { lang: "en", published: "2024-06-13" }).agreements!.map((a) => [a.title, a.date]);
  assert.deepEqual(titles, [["protocol on military training cooperation", "2024-06-12"]]);
});

test("an adjective after the noun stays in the title; a participle with a past date or after 'implement' recalls the signing", () => {
  const agreementsOf = (text: string, lang: "fr" | "en", published: string | null = null) => runUntil(`Titre\n\n${text}`, "events", { lang, published }).agreements!;
  const got = (text: string, published: string | null = null) => agreementsOf(text, "fr", published);
  const a = got("La ministre a évoqué avec l'ambassadeur du Japon la mise en oeuvre du programme exécutif de coopération culturelle 2024-2026 signé en juin dernier à Tokyo.", "2025-03-05");
  assert.deepEqual(a.map((x) => [x.kind, x.title, x.status]), [["programme", "programme exécutif de coopération culturelle 2024-2026", "referenced"]]);
  const b = agreementsOf("Mensah suggested the two sides continue to implement the 2024 defence cooperation plan signed by the Ghanaian and Togolese defence ministries.", "en");
  assert.deepEqual(b.map((x) => x.status), ["referenced"]);
  // what an agreement provides for is its content, not a plan to sign it
  assert.deepEqual(got("Le ministre ghanéen et son homologue togolais ont signé lundi un mémorandum qui prévoit des patrouilles conjointes.", "2025-03-05").map((x) => x.status), ["signed"]);
});

test("a period written before an English noun is that agreement's, not the one before it", () => {
  const got = runUntil("Titre\n\nMensah proposed that Ghana and Togo soon sign an agreement on cooperation in combating crime, and implement the 2023-2025 cooperation plan between the two ministries effectively.", "events", { lang: "en" }).agreements!;
  assert.deepEqual(got.map((a) => [a.kind, a.title, a.period ? `${a.period.from}-${a.period.to}` : null]), [
    ["agreement", "agreement on cooperation in combating crime", null],
    ["programme", "2023-2025 cooperation plan between the two ministries", "2023-2025"],
  ]);
});

test("a bare 'pact' told just before the named agreement is that agreement; the co-signer is not in the title", () => {
  const got = runUntil("Titre\n\nGhana and Togo signed on Monday a pact that will allow their forces to train together. Ghanaian Foreign Minister Ama Owusu signed the Reciprocal Training Agreement with Togolese Defence Minister Yao Agbeko in Lomé.", "events", { lang: "en" }).agreements!;
  assert.deepEqual(got.map((a) => [a.title, a.status, a.evidence.length]), [["Reciprocal Training Agreement", "signed", 2]]);
});
