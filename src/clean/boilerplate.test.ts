import { test } from "node:test";
import assert from "node:assert/strict";
import { findZones } from "./boilerplate.js";
import { langData } from "../lang/index.js";

const kinds = (text: string, lang: "fr" | "en") => findZones(text, langData(lang)).zones.map((z) => [text.slice(z.start, z.end).slice(0, 30), z.kind]);

test("French page: repeated title, caption with stray marker, teaser link, Voir plus block", () => {
  const text = [
    "Le Mali et le Niger coopèrent",
    "",
    "Le Mali et le Niger coopèrent",
    "",
    "Bamako, 3 mai (AMAP) - Le ministre malien a reçu son homologue nigérien.",
    "",
    "Le Mali et le Niger coopèrent ảnh 1Le ministre malien (gauche). Photo : AMAP",
    "",
    "[Le Mali renforce sa coopération avec le Tchad]",
    "",
    "Les deux parties ont signé un accord.",
    "",
    "Voir plus",
    "",
    "Le président inaugure un pont. Photo: AMAP",
  ].join("\n");
  assert.deepEqual(kinds(text, "fr"), [
    ["Le Mali et le Niger coopèrent", "title"],
    ["Le Mali et le Niger coopèrent", "title-repeat"],
    ["Bamako, 3 mai (AMAP) - Le mini", "body"],
    ["Le Mali et le Niger coopèrent ", "caption"],
    ["[Le Mali renforce sa coopérati", "teaser"],
    ["Les deux parties ont signé un ", "body"],
    ["Voir plus", "related"],
    ["Le président inaugure un pont.", "related"],
  ]);
});

test("a lead restated after the dateline is not read twice", () => {
  const lead = "Le ministère malien de la Sécurité et le ministère nigérien de l'Intérieur ont déclaré être prêts à coopérer.";
  const text = `Titre court\n\n${lead}\n\nBamako, 6 mai (AMAP) - ${lead.slice(0, -1)}, lors d'une séance de travail.\n\nSuite du texte.`;
  const z = findZones(text, langData("fr")).zones;
  assert.equal(z[1]!.kind, "lead-repeat");
  assert.equal(z[2]!.kind, "body");
});

test("English related block and disclaimer end the article", () => {
  const text = "Title here\n\nHANOI — The minister met his counterpart.\n\nRelated\n\nOther story about trade.";
  assert.deepEqual(kinds(text, "en").map((k) => k[1]), ["title", "body", "related", "related"]);
});

test("an inline 'Lire aussi : ...' or 'À lire aussi | ...' line is a teaser, and the article goes on after it", () => {
  const text = [
    "Le Mali et le Niger coopèrent",
    "",
    "Bamako, 3 mai (AMAP) - Le ministre malien a reçu son homologue nigérien pour parler de sécurité et de la lutte contre le terrorisme dans la région.",
    "",
    "Lire aussi : Le Ghana et le Togo signent un accord de défense",
    "",
    "Les deux ministres ont signé un mémorandum.",
    "",
    "À lire aussi | Le Chili et le Pérou signent un traité",
  ].join("\n");
  assert.deepEqual(kinds(text, "fr").map((k) => k[1]), ["title", "body", "teaser", "body", "teaser"]);
});
