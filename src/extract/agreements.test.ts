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
