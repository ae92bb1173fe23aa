import { test } from "node:test";
import assert from "node:assert/strict";
import { extract } from "../index.js";
import { outletCountry } from "./home-country.js";

const run = (text: string, url?: string) => {
  const out = extract({ raw: `Titre\n\n${text}`, format: "text", meta: { id: "h", url } }) as unknown as {
    people: { name: string; country: string | null }[];
    organizations: { name: string; country: string | null; sector: string }[];
  };
  return { people: out.people.map((p) => [p.name, p.country]), orgs: out.organizations.map((o) => `${o.country}/${o.sector}`) };
};

test("an outlet's state from its address: country-code domains, hosts named after a country, nothing from generic ones", () => {
  assert.equal(outletCountry("https://www.tap.info.tn/fr/article"), "TUN");
  assert.equal(outletCountry("https://news.example.co.uk/a"), "GBR");
  assert.equal(outletCountry("https://www.guineenews.org/a"), "GIN");
  assert.equal(outletCountry("https://www.nationthailand.com/a"), "THA");
  assert.equal(outletCountry("https://channel.example.tv/a"), null, "a country code sold as a generic name");
  assert.equal(outletCountry("https://www.businessmanager.com/a"), null);
  assert.equal(outletCountry("not an address"), null);
  assert.equal(outletCountry(null), null);
});

test("an agency's dateline gives its state to the officials it names without one, and to the bodies of their titles", () => {
  const r = run("DAKAR, 12 mai (APS) - Le ministre de l'Intérieur, Ousmane Ndour, a reçu mardi l'ambassadeur du Japon au Sénégal, Hiroshi Tanabe, pour discuter de la coopération en matière de sécurité.");
  assert.deepEqual(r.people, [["Ousmane Ndour", "SEN"], ["Hiroshi Tanabe", "JPN"]]);
  assert.ok(r.orgs.includes("SEN/COP"), r.orgs.join());
});

test("beside an official of one of the two states, an official without a state is the other's; a listed portfolio stays in the title", () => {
  const r = run(
    "Le Kenya et le Pérou ont signé mercredi à Lima un mémorandum d'entente.\n\nL'accord a été signé par le ministre de l'enseignement supérieur, de la recherche et de l'innovation, Joseph Kamau, et le ministre péruvien de la science, de la technologie et de l'innovation, Jorge Quispe.",
    "https://www.example.com/a",
  );
  assert.deepEqual(r.people, [["Joseph Kamau", "KEN"], ["Jorge Quispe", "PER"]]);
  assert.ok(r.orgs.includes("KEN/GOV") && r.orgs.includes("PER/GOV"), r.orgs.join());
});

test("without a dateline, the outlet's state; without either, the state where the story happens; never a state the story does not name", () => {
  const text = "Le Ministre de l'Intérieur, M. Amadou Kaba, a reçu une délégation pour discuter de la formation de la police nationale.";
  assert.deepEqual(run(text, "https://www.guineenews.org/x").people, [["Amadou Kaba", "GIN"]]);
  assert.deepEqual(run(text, "https://www.example.com/x").people, [["Amadou Kaba", null]]);
  assert.deepEqual(run(text.replace("a reçu", "a reçu à Bamako"), "https://www.example.com/x").people, [["Amadou Kaba", "MLI"]]);
  // the outlet is French, the story is between Mali and Ghana: the outlet says nothing of whose minister he is
  const abroad = "Le Ministre de l'Intérieur, M. Amadou Kaba, a reçu une délégation du Mali et du Ghana.";
  assert.deepEqual(run(abroad, "https://www.example.fr/x").people, [["Amadou Kaba", null]]);
});

test("people without a title are left alone", () => {
  assert.deepEqual(run("Selon Moussa Traoré, la coopération progresse.", "https://www.guineenews.org/x").people, [["Moussa Traoré", null]]);
});

test("state bodies named without a state are the home state's when an agency or a dateline tells it, not an address", () => {
  const text = "Le ministre de l'Intérieur a présidé une réunion sur la formation de la police nationale et de la gendarmerie.";
  assert.ok(run(`DAKAR, 12 mai (APS) - ${text}`).orgs.includes("SEN/COP"));
  assert.ok(!run(text, "https://www.guineenews.org/x").orgs.some((o) => o.startsWith("GIN/")));
});
