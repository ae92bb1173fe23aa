import { test } from "node:test";
import assert from "node:assert/strict";
import { runUntil } from "../pipelines/run-until.js";

const people = (text: string, lang: "fr" | "en") => {
  const doc = runUntil(`Titre\n\n${text}`, "people", { lang });
  return doc.people!.map((p) => [p.name, p.country]);
};

test("a title with a demonym before the name gives the person and the state", () => {
  assert.deepEqual(people("Le vice-ministre vietnamien Bui Van Nam a reçu le ministre cubain de l'Intérieur Lázaro Alberto Álvarez Casas.", "fr"), [
    ["Bui Van Nam", "VNM"],
    ["Lázaro Alberto Álvarez Casas", "CUB"],
  ]);
  assert.deepEqual(people("Vietnamese Deputy Minister of Public Security Lt. Gen. Le Van Tuyen met Minister of the Interior of Cuba Lázaro Alberto Álvarez Casas.", "en"), [
    ["Le Van Tuyen", "VNM"],
    ["Lázaro Alberto Álvarez Casas", "CUB"],
  ]);
});

test("an apposition after the name, and a title before it across a comma", () => {
  assert.deepEqual(people("Il s'agit de Guo Shengkun, ministre chinois de la Sécurité publique, et de Meng Hongwei, vice-ministre chinois.", "fr"), [
    ["Guo Shengkun", "CHN"],
    ["Meng Hongwei", "CHN"],
  ]);
  assert.deepEqual(people("Le premier vice-ministre de l'Intérieur de la Fédération de Russie, Aleksandr Gorovoy, a parlé.", "fr"), [["Aleksandr Gorovoy", "RUS"]]);
});

test("a title phrase introducing the next person is not the apposition of the previous one", () => {
  const got = people("Ont assisté le ministre de la culture algérien Azzedine Mihoubi, le secrétaire d'Etat espagnol à la culture Fernando Benzo et la ministre française de la culture Audrey Azoulay.", "fr");
  assert.deepEqual(got, [["Azzedine Mihoubi", "DZA"], ["Fernando Benzo", "ESP"], ["Audrey Azoulay", "FRA"]]);
});

test("short mentions join the full name; honorifics and ranks are not part of names", () => {
  const doc = runUntil("Titre\n\nLe général Patrushev Nikolai Platonovich, secrétaire du Conseil de sécurité de la Fédération de Russie, est arrivé. M. Patrushev a salué ses hôtes. Datuk Seri Anwar Ibrahim a parlé.", "people", { lang: "fr" });
  const names = doc.people!.map((p) => p.name);
  assert.deepEqual(names, ["Patrushev Nikolai Platonovich", "Anwar Ibrahim"]);
  assert.equal(doc.people![0]!.mentions.length, 2);
});

test("ordinary capitalized words, offices and places are not people", () => {
  assert.deepEqual(people("Le ministre de l'Intérieur et le ministère des Affaires étrangères ont publié un Communiqué Conjoint à Hô Chi Minh-Ville.", "fr"), []);
  assert.deepEqual(people("The Foreign Affairs Ministry and the Security Council of Russia met in New Delhi.", "en"), []);
});

test("an international official serves no state; an ambassador serves the sending state", () => {
  const got = people("Federica Mogherini, EU High Representative for Foreign Affairs, met Carlos Pereira, Cuban Ambassador to China.", "en");
  assert.deepEqual(got, [["Federica Mogherini", null], ["Carlos Pereira", "CUB"]]);
});

test("'respectivement' maps the states named before it onto the people after it", () => {
  const got = people("Les ministres de l'Intérieur de la Belgique, du Sénégal et du Chili, respectivement Jan Peeters, Ousmane Diallo et Camila Soto, se sont réunis.", "fr");
  assert.deepEqual(got, [["Jan Peeters", "BEL"], ["Ousmane Diallo", "SEN"], ["Camila Soto", "CHL"]]);
  const en = people("The interior ministers of Ghana and Peru, Kofi Boateng and Luis Quispe respectively, met.", "en");
  assert.equal(en.length, 2);
});

test("name shapes of many cultures, in both orders, with particles and double surnames", () => {
  const got = people(
    "Le ministre saoudien de l'Intérieur, le prince Abdulaziz ben Saoud ben Nayef, a reçu à Riyad la ministre mozambicaine des Affaires étrangères, Verónica Macamo Dlhovo. " +
      "Le vice-ministre japonais de la Défense Tanaka Hiroshi et le ministre sud-coréen de la Justice Kim Jong-ho ont rencontré le général russe Ivanov Sergueï Borissovitch. " +
      "La ministre espagnole María José Rodríguez Zapatero a salué son homologue nigériane, Oluwaseun Adebayo Okonkwo, ainsi que le vice-ministre vietnamien Nguyễn Văn Thành et le colonel égyptien Mohamed Abdel-Rahman el-Sayed.",
    "fr",
  );
  assert.deepEqual(got, [
    ["Abdulaziz ben Saoud ben Nayef", "SAU"],
    ["Verónica Macamo Dlhovo", "MOZ"],
    ["Tanaka Hiroshi", "JPN"],
    ["Kim Jong-ho", "KOR"],
    ["Ivanov Sergueï Borissovitch", "RUS"],
    ["María José Rodríguez Zapatero", "ESP"],
    ["Oluwaseun Adebayo Okonkwo", "NGA"],
    ["Nguyễn Văn Thành", "VNM"],
    ["Mohamed Abdel-Rahman el-Sayed", "EGY"],
  ]);
});

test("a possessive written with a stray s ('Widodos’ visit') is the same person as the plain name", () => {
  const doc = runUntil(
    "Title\n\nThe accord was signed during Chilean President Mateo Fuentess’ two-day visit to Peru. During the visit, Peruvian President Rosa Quispe and Chilean President Mateo Fuentes held talks.",
    "people",
    { lang: "en", published: "2023-06-08" },
  );
  const names = doc.people!.map((p) => p.name).sort();
  assert.deepEqual(names, ["Mateo Fuentes", "Rosa Quispe"]);
});

test("'Lithuania’s top diplomat, NAME' is a foreign minister of that state", () => {
  const doc = runUntil(
    "Title\n\nVILNIUS, May 14 - Foreign Minister Marta Zielinska of Poland held talks in Vilnius with Lithuania’s top diplomat, Rokas Paulauskas.",
    "people",
    { lang: "en", published: "2024-05-15" },
  );
  const p = doc.people!.find((x) => x.name === "Rokas Paulauskas");
  assert.equal(p?.country, "LTU");
  assert.deepEqual(p?.titles, ["Lithuania’s top diplomat"]);
});

test("the last words of an office's name do not start the name after it; a given name that is also a word stays", () => {
  assert.deepEqual(
    people("Chaired by the EU High Representative for Trade and Maritime Policy Ilse Varga and Minister of Foreign Affairs of Chile Pablo Rojas, the meeting opened. Minister of Foreign Affairs Grace Tamm spoke.", "en").map(([n]) => n),
    ["Ilse Varga", "Pablo Rojas", "Grace Tamm"],
  );
});

test("a title before 'and' belongs to the person before it when the next one has an apposition of its own", () => {
  const got = people("Dr. Pablo Rojas, Minister of Foreign Affairs and International Cooperation of Chile and Ilse Varga, EU High Representative for Trade, co-chaired the meeting.", "en");
  assert.deepEqual(got.find(([n]) => n === "Ilse Varga"), ["Ilse Varga", null]);
});

test("a body's acronym inside the title before a name: the title, and so the state, reach the name", () => {
  const doc = runUntil("Titre\n\nRabat, 5 juin (MAP) - M. Diallo a été reçu par le directeur général de la DGXY, Karim Alaoui.", "home-country", { lang: "fr" });
  const p = doc.people!.find((x) => x.name === "Karim Alaoui")!;
  assert.deepEqual([p.titles, p.country], [["directeur général de la DGXY"], "MAR"]);
});

test("British spellings are ordinary words, not names; 'U.S.' before an office is the state", () => {
  assert.deepEqual(people("Chilean Deputy Prime Minister and Minister of National Defence General Luis Soto chaired the meeting.", "en"), [["Luis Soto", "CHL"]]);
  assert.deepEqual(people("He spoke with U.S. Defense Secretary Mark Olsen on Wednesday.", "en"), [["Mark Olsen", "USA"]]);
});

test("the side or delegation a person leads gives the person's state", () => {
  assert.deepEqual(people("The Indian delegation was led by Defence Secretary Arvind Mehra, while the Sri Lankan side was headed by Chief of Defence Staff Major General Nalin Perera.", "en"), [
    ["Arvind Mehra", "IND"],
    ["Nalin Perera", "LKA"],
  ]);
  assert.deepEqual(people("La délégation nigérienne, conduite par le général Abdou Sidikou, a été reçue.", "fr"), [["Abdou Sidikou", "NER"]]);
  // a delegation received by someone of another state: the receiver is not the leader
  assert.deepEqual(people("The Chief of Staff Samir Haddad received a delegation led by Colonel Omar Benali.", "en").map((p) => p[1]), [null, null]);
});

test("a surname that is also a dictionary word joins the person named in full, and nobody else", () => {
  const doc = runUntil("Titre\n\nGeneral Tariq Mirza called on Minister Yasar Demir in Ankara. Mirza also met the chief of staff.", "people", { lang: "en" });
  assert.deepEqual(doc.people!.map((p) => [p.name, p.mentions.length]), [["Tariq Mirza", 2], ["Yasar Demir", 1]]);
  // alone, the word is no one
  assert.deepEqual(people("Mirza also met the chief of staff.", "en"), []);
});

test("the body of the delegation a person leads gives the state", () => {
  assert.deepEqual(people("Il a reçu une délégation de l'état-major des armées belges conduite par le général de corps d'armée Luc Dumont.", "fr"), [["Luc Dumont", "BEL"]]);
});

test("the body named before an English office gives the state; the agency of the dateline is nobody", () => {
  assert.deepEqual(people("Li Wei held talks with Kazakh Security Council Secretary Askar Temirov.", "en").slice(1), [["Askar Temirov", "KAZ"]]);
  const doc = runUntil("Titre\n\nHAVANA, March 3 (Prensa Latina) Cuban Minister of Health Jose Perez received his guest.", "people", { lang: "en" });
  assert.deepEqual(doc.people!.map((p) => p.name), ["Jose Perez"]);
  assert.ok(doc.orgs!.some((o) => o.name === "Prensa Latina" && o.sector === "MED"));
});

test("a capitalized article right after a title and before a name is a surname", () => {
  assert.deepEqual(people("Une délégation conduite par le vice-ministre Le Minh Tri a participé à la réunion.", "fr").map((p) => p[0]), ["Le Minh Tri"]);
  // not before a place
  assert.deepEqual(people("Selon le ministre La France est prête.", "fr"), []);
});
