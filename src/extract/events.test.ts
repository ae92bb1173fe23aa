import { test } from "node:test";
import assert from "node:assert/strict";
import { runUntil } from "../pipelines/run-until.js";

const events = (text: string, lang: "fr" | "en", published: string | null = null) => {
  const doc = runUntil(`Titre\n\n${text}`, "events", { lang, published });
  return doc.events!.map((e) => ({
    kind: e.kind,
    date: e.date,
    background: e.background,
    who: e.participants.map((p) => doc.people![p]!.name),
    countries: [...e.countries].sort(),
  }));
};

test("a reception is a meeting between the people of two states, dated by its own date", () => {
  const got = events("Le ministre tchèque de l'Intérieur Pavel Novak a reçu le 3 mai à Prague son homologue kényan Peter Otieno.", "fr", "2024-05-04");
  assert.deepEqual(got, [{ kind: "meeting", date: "2024-05-03", background: false, who: ["Pavel Novak", "Peter Otieno"], countries: ["CZE", "KEN"] }]);
});

test("'the same day ... also received him' is another meeting, not the same one", () => {
  const got = events(
    "Croatian Foreign Minister Ivan Horvat held talks with Ghanaian Foreign Minister Ama Owusu in Zagreb on June 2. The same day, Croatian Defence Minister Marko Kovac received Owusu.",
    "en",
    "2024-06-03",
  );
  const meetings = got.filter((e) => e.kind === "meeting");
  assert.equal(meetings.length, 2);
  assert.deepEqual(meetings.map((m) => m.date), ["2024-06-02", "2024-06-02"]);
});

test("a planned visit and a visit 'last year' are background; receiving aid is not a meeting", () => {
  const got = events("Le président chilien Luis Soto effectuera une visite au Japon. Le Japon a reçu une aide du Chili l'an dernier.", "fr", "2024-01-10");
  assert.ok(got.every((e) => e.background));
  assert.ok(!got.some((e) => e.kind === "meeting"));
});

test("a press conference is not a conference; a summit of several states is", () => {
  const got = events(
    "At a joint press conference, Brazilian President Ana Lima and Argentine President Jorge Paz spoke. Leaders of Brazil, Argentina, Uruguay and Paraguay met at a summit in Asuncion on 4 July 2023.",
    "en",
  );
  assert.ok(got.some((e) => e.kind === "conference" && e.date === "2023-07-04"));
  assert.ok(!got.some((e) => e.kind === "conference" && e.who.includes("Ana Lima") && e.date == null));
});

test("a meeting's place is the city said nearest its word, not an earlier stop of the trip", () => {
  const doc = runUntil(
    "Titre\n\nPoursuivant sa tournée, après sa visite à Madrid hier, la ministre chilienne de l'Intérieur Ana Rojas était aujourd'hui à Varsovie où elle s'est entretenue avec le ministre polonais de l'Intérieur Jan Nowak.",
    "events",
    { lang: "fr", published: "2021-04-09" },
  );
  const meeting = doc.events!.find((e) => e.kind === "meeting");
  assert.equal(meeting?.place?.name, "Varsovie");
});

test("'aujourd'hui' in a reproduced press release counts from the release's date, not the page's", () => {
  const doc = runUntil(
    "Actualités\n\nPublié le 14 avril 2021\n\nCoopération renforcée\n\nCommuniqué de presse du 12 avril 2021\n\nAujourd'hui, la ministre chilienne de l'Intérieur, Mme Ana Rojas, a rencontré à Varsovie le ministre polonais de l'Intérieur, M. Jan Nowak.",
    "events",
    { lang: "fr" },
  );
  assert.deepEqual(doc.events!.map((e) => e.date), ["2021-04-12"]);
});

test("'the ministry said on Wednesday' dates the report, not another meeting", () => {
  const got = events(
    "Estonian Foreign Minister Liis Tamm held talks on Tuesday in Tallinn with Georgian Foreign Minister Davit Beridze. Tamm and Beridze discussed energy links, the ministry in Tallinn said on Wednesday.",
    "en",
    "2024-05-15",
  );
  assert.deepEqual(got.map((e) => [e.kind, e.date]), [["meeting", "2024-05-14"]]);
});

test("an earlier summit named by its organizations, place and date is a background conference", () => {
  const got = events("Ministers of Foreign Affairs from EU and AU countries met on 4 March in Lisbon. It was an opportunity to review the outcome of the 3rd AU – EU Summit (Lima, 4-5 May 2015), which marked a milestone.", "en", "2019-03-10");
  assert.deepEqual(got.map((e) => [e.kind, e.date, e.background]), [["conference", "2019-03-04", false], ["conference", "2015-05-04", true]]);
});

test("a definite mention placed in another city is another, earlier occasion; 'a renewed partnership' signs nothing", () => {
  const doc = runUntil(
    "Titre\n\nThe AU-EU ministerial meeting took place on 4 March 2019 in Lisbon, Chilean Foreign Minister Pablo Rojas said. “The objective in Quito during the 4th EU-AU summit was to renew the partnership. We seek a renewed partnership,” Rojas said.",
    "events",
    { lang: "en", published: "2019-03-10" },
  );
  const got = doc.events!.map((e) => [e.kind, e.place?.name, e.background, e.organizations.length]);
  assert.deepEqual(got, [["conference", "Lisbon", false, 2], ["conference", "Quito", true, 2]]);
});

test("'la dernière visite' is background; a visit by an international team has none of the sentence's people", () => {
  const got = events("Le président chilien Pablo Rojas a reçu à Santiago le 4 mars son homologue péruvien Luis Soto. Ils ont rappelé la dernière visite du président péruvien Luis Soto au Chili.", "fr", "2024-03-06");
  assert.deepEqual(got.filter((e) => e.kind === "visit").map((e) => [e.background, e.who]), [[true, ["Luis Soto"]]]);
  const imf = events("« Nous avançons », a déclaré le président chilien Pablo Rojas alors que la dernière visite d'une équipe du Fonds monétaire international a validé un financement.", "fr", "2024-03-06");
  assert.ok(!imf.some((e) => e.kind === "visit" && e.who.includes("Pablo Rojas")));
});

test("what the article does not place happens where everything it places happens; two places leave it unplaced", () => {
  const placeOf = (text: string) => {
    const doc = runUntil(`Titre\n\n${text}`, "events", { lang: "en", published: "2024-04-20" });
    return doc.events!.map((e) => [e.kind, e.place?.country ?? null]);
  };
  const one = placeOf(
    "Chilean Foreign Minister Rosa Mendez paid an official visit to Kenya from April 14 to 16. During the visit, Rosa Mendez held talks with Kenyan Interior Minister Peter Otieno.",
  );
  assert.deepEqual(one, [["visit", "KEN"], ["meeting", "KEN"]]);
  const two = placeOf(
    "Chilean Foreign Minister Rosa Mendez met Kenyan Interior Minister Peter Otieno in Nairobi on April 14. Chilean Defence Minister Luis Soto met Ghanaian Defence Minister Kofi Mensah in Accra on April 15. Chilean Trade Minister Ana Vera also held talks with Peruvian Trade Minister Jorge Quispe.",
  );
  assert.deepEqual(two, [["meeting", "KEN"], ["meeting", "GHA"], ["meeting", null]]);
});

test("what an agreement provides for (joint patrols, training) has not happened: no event", () => {
  const got = events(
    "Chilean Interior Minister Rosa Mendez and Kenyan Interior Minister Peter Otieno signed a memorandum of understanding in Nairobi on April 14. The memorandum provides for joint patrols and training courses for police officers, Otieno told reporters after the talks with Rosa Mendez.",
    "en",
    "2024-04-15",
  );
  assert.ok(got.some((e) => e.kind === "signing"));
  assert.ok(!got.some((e) => e.kind === "other"), JSON.stringify(got));
});

test("'called on' a person is a meeting of its own; 'the Ghanaian delegation' stands for the Ghanaian head only", () => {
  const got = events(
    "The dialogue was held in Abuja on 3 May. The Nigerian delegation was led by Permanent Secretary Musa Bello, while the Ghanaian side was headed by Chief of Defence Staff Major General Kwame Asante. " +
      "The Ghanaian delegation also called on Chief of Army Staff General Tunde Okafor.",
    "en",
    "2025-05-04",
  );
  assert.deepEqual(got.map((e) => [e.kind, e.who.sort()]), [
    ["meeting", ["Kwame Asante", "Musa Bello"]],
    ["meeting", ["Kwame Asante", "Tunde Okafor"]],
  ]);
  // calling on a state to act is no meeting
  assert.deepEqual(events("The Minister of Foreign Affairs of Ghana, Kofi Mensah, called on Nigeria to release the detained sailors.", "en"), []);
});

test("'the two sides discussed the situation in Sudan' adds no state to the occasion already told", () => {
  const got = events("The European Union and the African Union held talks in Brussels on 21 May, co-chaired by Amara Diallo, AU Commissioner for Peace and Security, and Jan Kowalski, Deputy Secretary General of the European External Action Service. The two sides discussed the situation in Sudan and Somalia.", "en", "2025-05-22");
  assert.deepEqual(got.map((e) => e.countries), [[]]);
});

test("a visit to where the story is told gathers the visitors only", () => {
  const got = events("Accra - Le ministre de l'Intérieur, M. Kofi Mensah, s'est entretenu jeudi à Accra avec le ministre togolais de la Sécurité, M. Yao Agbeko, en visite de travail au pays.", "fr");
  const visit = got.find((e) => e.kind === "visit")!;
  assert.deepEqual(visit.who, ["Yao Agbeko"]);
  assert.deepEqual(visit.countries, ["GHA", "TGO"]);
});

test("a meeting named inside a document's title is no event of its own", () => {
  const got = events("Le vice-ministre ghanéen Kofi Mensah a reçu mardi à Accra le vice-ministre togolais Yao Agbeko. A cette occasion, ils ont signé le procès-verbal de la 12e réunion du comité mixte.", "fr", "2025-03-05");
  assert.deepEqual(got.map((e) => e.kind), ["meeting", "signing"]);
});

test("future tense and a future auxiliary further in the clause make background; a source quoted is no participant", () => {
  const fr = events("Lundi, le président ghanéen Kofi Mensah et le président togolais Yao Agbeko auront des entretiens à Accra.", "fr");
  assert.deepEqual(fr.map((e) => [e.kind, e.background]), [["meeting", true]]);
  const en = events("Australian Defence Minister Tom Barker will travel to Manila on Friday for talks with Philippine Defence Secretary Jose Ramos.", "en");
  assert.deepEqual(en.map((e) => [e.kind, e.background]), [["meeting", true]]);
  const quoted = events("Le ministre ghanéen Kofi Mensah et le ministre togolais Yao Agbeko ont signé lundi un accord de coopération, selon le porte-parole Ama Owusu.", "fr", "2025-03-05");
  assert.deepEqual(quoted.map((e) => e.who.sort()), [["Kofi Mensah", "Yao Agbeko"]]);
  // "s'est également entretenu avec" is a meeting of its own
  const again = events("Le général togolais Yao Agbeko s'est également entretenu avec le chef d'état-major ghanéen, le général Kofi Mensah.", "fr");
  assert.deepEqual(again.map((e) => e.kind), ["meeting"]);
});

test("what a visitor does within the visit's days happens where the visit is, not at the dateline", () => {
  const doc = runUntil("Titre\n\nAccra (GNA) - Interior Minister Kofi Mensah held talks with Togolese Security Minister Yao Agbeko in Lomé on September 9 as part of his official visit to Togo from September 8-11. Earlier on September 8, Mensah met with Togolese Prime Minister Victoire Dogbe.", "events", { lang: "en" });
  const places = doc.events!.filter((e) => e.kind === "meeting").map((e) => [e.date, e.place?.name]);
  assert.deepEqual(places, [["--09-09", "Lomé"], ["--09-08", "Lomé"]]);
});

test("an agency's dateline at home does not place what the story tells abroad", () => {
  const doc = runUntil("Titre\n\nACCRA, Nov 12 (GNA): Chief of Defence Staff General Kofi Mensah called on Togolese Minister of Defence Yao Agbeko in Lomé on Tuesday. General Mensah also met Chief of the Togolese Army General Koffi Adjo.", "events", { lang: "en" });
  assert.deepEqual(doc.events!.map((e) => e.place?.name), ["Lomé", "Lomé"]);
});

test("on the sidelines of a multilateral meeting, talks with one and a meeting with another are two bilateral meetings", () => {
  const got = events(
    "The 9th meeting of the defence ministers of the Economic Community of West African States (ECOWAS) was held in Abuja on 3 May. Ghanaian Defence Minister Kofi Mensah attended the meeting. " +
      "On the sidelines of the meeting, Mensah held talks with Togolese Defence Minister Yao Agbeko and met with Beninese Defence Minister Paul Houngbo.",
    "en",
    "2025-05-04",
  );
  assert.deepEqual(got.map((e) => [e.kind, e.who.sort(), e.countries]), [
    ["conference", ["Kofi Mensah"], ["GHA"]],
    ["meeting", ["Kofi Mensah", "Yao Agbeko"], ["GHA", "TGO"]],
    ["meeting", ["Kofi Mensah", "Paul Houngbo"], ["BEN", "GHA"]],
  ]);
});

test("bilateral talks with the people of two other states are one meeting with each", () => {
  const got = events("En marge de la réunion, le vice-ministre ghanéen Kofi Mensah a eu des entretiens bilatéraux avec le ministre togolais de la Justice, Yao Agbeko, et avec le chef de la police nationale béninoise, le général Paul Houngbo.", "fr", "2025-05-04");
  assert.deepEqual(got.map((e) => [e.kind, e.who, e.countries]), [
    ["meeting", ["Kofi Mensah", "Yao Agbeko"], ["GHA", "TGO"]],
    ["meeting", ["Kofi Mensah", "Paul Houngbo"], ["BEN", "GHA"]],
  ]);
});
