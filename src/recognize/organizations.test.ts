import { test } from "node:test";
import assert from "node:assert/strict";
import { runUntil } from "../pipelines/run-until.js";

const orgs = (text: string, lang: "fr" | "en") =>
  runUntil(`Titre\n\n${text}`, "organizations", { lang }).orgs!.map((o) => `${o.country ?? "-"}/${o.sector}`);

test("French bodies: demonym, country complement, sector from the portfolio", () => {
  assert.deepEqual(orgs("Le ministère vietnamien de la Sécurité publique et le ministère russe de l'Intérieur coopèrent.", "fr"), ["VNM/COP", "RUS/COP"]);
  assert.deepEqual(orgs("Le Conseil de sécurité de la Fédération de Russie et le ministère de la Défense du Vietnam.", "fr"), ["RUS/GOV", "VNM/MIL"]);
  assert.deepEqual(orgs("Le Parti communiste chinois et l'Assemblée nationale du Laos.", "fr"), ["CHN/PTY", "LAO/LEG"]);
});

test("one plural head names one body per state and per portfolio", () => {
  assert.deepEqual(orgs("Les ministères vietnamien et lao de la Sécurité publique ont convenu.", "fr"), ["VNM/COP", "LAO/COP"]);
  assert.deepEqual(orgs("Les ministères russes de l'Intérieur, de la Défense et le Conseil de sécurité.", "fr").slice(0, 2), ["RUS/COP", "RUS/MIL"]);
});

test("English bodies: possessive, demonym, head-final names, international organizations", () => {
  assert.deepEqual(orgs("Russia's Ministry of Internal Affairs and the Vietnamese Ministry of Public Security met ASEAN.", "en"), ["RUS/COP", "VNM/COP", "-/IGO"]);
  assert.deepEqual(new Set(orgs("The Russian Foreign Ministry and the governments of Russia and Zambia.", "en")), new Set(["RUS/GOV", "ZMB/GOV"]));
});

test("a bare reference or a country name is not a new body", () => {
  assert.deepEqual(orgs("La Fédération de Russie a salué le ministère.", "fr"), []);
});

test("well-known national bodies named without their state take it from the knowledge base", () => {
  assert.deepEqual(orgs("Le directeur du FSB a reçu une délégation de la DGSI et du FBI.", "fr"), ["RUS/SPY", "FRA/SPY", "USA/COP"]);
  assert.deepEqual(orgs("Officials of the Bundeskriminalamt and the Guardia Civil met the Pentagon's envoy.", "en"), ["DEU/COP", "ESP/COP", "USA/MIL"]);
  // the acronym after the full name is the same body
  const dcis = runUntil("Titre\n\nUne délégation de la Direction de la coopération internationale de sécurité (DCIS) est arrivée.", "organizations", { lang: "fr" }).orgs!;
  assert.deepEqual(dcis.map((o) => [o.name, o.country]), [["Direction de la coopération internationale de sécurité (DCIS)", "FRA"]]);
});

test("an acronym counts only as written; a seat of power after a place preposition is a place; a longer name is another body", () => {
  assert.deepEqual(orgs("Le fsb et la Fsb ne sont rien.", "fr"), []);
  assert.deepEqual(orgs("La rencontre s'est tenue à Matignon.", "fr"), []);
  assert.deepEqual(orgs("The talks were held at the White House.", "en"), []);
  assert.deepEqual(orgs("La Maison Blanche a confirmé la visite.", "fr"), ["USA/GOV"]);
  assert.ok(!orgs("Thales Alenia Space signed a contract.", "en").includes("FRA/BUS"));
});

test("the head of a well-known body serves its state", () => {
  const doc = runUntil("Titre\n\nLe directeur du FSB, Piotr Sokolov, a reçu le chef de la DGSI, Marc Lefort.", "people", { lang: "fr" });
  assert.deepEqual(doc.people!.map((p) => [p.name, p.country]), [["Piotr Sokolov", "RUS"], ["Marc Lefort", "FRA"]]);
});

test("a title's body ends before the holder's rank; a head word inside an office is no body of its own", () => {
  const doc = runUntil("Titre\n\nVietnamese Minister of Public Security General Tran Van Minh met Kenyan Interior Cabinet Secretary Joseph Mwangi.", "title-organizations", { lang: "en" });
  assert.deepEqual(doc.orgs!.map((o) => [o.name, o.country, o.sector]), [
    ["ministry of Public Security", "VNM", "COP"],
    ["ministry of interior", "KEN", "COP"],
  ]);
});

test("a name ends before a day after its connector; a portfolio word before 'Ministry' belongs to it", () => {
  const doc = runUntil("Titre\n\nThe Chilean Navy and the Royal Australian Navy on Monday began a patrol, the Kenyan Defence Ministry said.", "organizations", { lang: "en" });
  assert.deepEqual(doc.orgs!.map((o) => [o.name, o.country, o.sector]), [
    ["Chilean Navy", "CHL", "MIL"],
    ["Royal Australian Navy", "AUS", "MIL"],
    ["Kenyan Defence Ministry", "KEN", "MIL"],
  ]);
});

test("an ordinary noun's possessive stays inside a name, a city after a meeting body does not", () => {
  const named = (text: string, lang: "fr" | "en") => runUntil(`Titre\n\n${text}`, "organizations", { lang }).orgs!.map((o) => `${o.name}:${o.country ?? "-"}`);
  assert.deepEqual(named("Officers of the Zambia People's Defence Forces were deployed.", "en"), ["Zambia People's Defence Forces:ZMB"]);
  assert.deepEqual(named("He met the secretary of the Central Committee of the Kampuchea People's Revolutionary Party.", "en").map((x) => x.split(":")[0]), [
    "Central Committee of the Kampuchea People's Revolutionary Party",
  ]);
  // the state's possessive is not part of the name
  assert.deepEqual(named("Peru's Ministry of the Interior agreed.", "en"), ["Peru's Ministry of the Interior:PER"]);
  assert.deepEqual(named("La prochaine commission mixte de sécurité se tiendra à Lomé et l'ambassade du Togo à Accra sera associée.", "fr"), [
    "commission mixte de sécurité:-",
    "ambassade du Togo à Accra:TGO",
  ]);
  assert.deepEqual(named("Il l'a reçu dans son bureau à Lomé.", "fr"), []);
});

test("bodies counted across the parties are no one state's; a possessive ends a name", () => {
  const named = (text: string, lang: "fr" | "en") => runUntil(`Titre\n\n${text}`, "organizations", { lang }).orgs!.map((o) => o.name);
  assert.deepEqual(named("Ils ont salué la coordination entre les services de sécurité des deux pays.", "fr"), []);
  assert.deepEqual(named("L'accord signé entre les deux ministères et du plan de coopération pour la période 2021-2025.", "fr"), []);
  assert.deepEqual(named("Il a remercié le ministère ghanéen pour son aide.", "fr"), ["ministère ghanéen"]);
  assert.deepEqual(named("Both ministries agreed.", "en"), []);
});

test("an office whose complement names the body takes that body, not one made from the office", () => {
  const doc = runUntil("Titre\n\nHe held talks with Secretary of State of Laos’s Ministry of National Defence General Somchai Vong.", "title-organizations", { lang: "en" });
  assert.deepEqual(doc.orgs!.map((o) => `${o.name}:${o.country}`), ["Laos’s Ministry of National Defence:LAO"]);
  assert.equal(doc.orgs![doc.people![0]!.organization!]!.name, "Laos’s Ministry of National Defence");
});

test("title-case names across 'and', names carried by institutes, companies of a known group", () => {
  const named = (text: string) => runUntil(`Titre\n\n${text}`, "organizations", { lang: "en" }).orgs!.map((o) => o.name);
  assert.deepEqual(named("He visited the Center for Marine Engineering and Biotechnology (CMEB) in Accra."), ["Center for Marine Engineering and Biotechnology (CMEB)"]);
  // a new body after "and" is not part of the first one
  assert.deepEqual(named("Officials of the Ministry of Defence and Foreign Ministry met."), ["Ministry of Defence", "Foreign Ministry"]);
  assert.deepEqual(named("Delegates toured the Kwame Boateng Institute of Tropical Medicine."), ["Kwame Boateng Institute of Tropical Medicine"]);
  // a company of a known group is a company, not a person, of no state the name tells
  const doc = runUntil("Titre\n\nGazprom Neft will supply crude oil.", "people", { lang: "en" });
  assert.deepEqual(doc.orgs!.map((o) => [o.name, o.country, o.sector]), [["Gazprom Neft", null, "BUS"]]);
  assert.deepEqual(doc.people, []);
});

test("a French body's name ends where its clause goes on", () => {
  const named = (text: string) => runUntil(`Titre\n\n${text}`, "organizations", { lang: "fr" }).orgs!.map((o) => o.name);
  assert.deepEqual(named("Le ministère ghanéen de la Sécurité publique a remis au ministère togolais de la Sécurité publique des équipements de communication."), [
    "ministère ghanéen de la Sécurité publique",
    "ministère togolais de la Sécurité publique",
  ]);
  assert.deepEqual(named("Le ministère togolais de la Police au meeting international des hauts représentants."), ["ministère togolais de la Police"]);
  // after a body's head word a lowercase portfolio still names it
  assert.deepEqual(named("Le Bureau du Conseil de sécurité de la République du Togo a salué la visite."), ["Bureau du Conseil de sécurité de la République du Togo"]);
});
