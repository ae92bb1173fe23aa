import { test } from "node:test";
import assert from "node:assert/strict";
import { loadGlueLexicon, repairGluedWords, type GlueRepair, type Lang } from "./glued-words.js";

const fr = loadGlueLexicon("fr");
const en = loadGlueLexicon("en");

const repair = (text: string, lang: Lang = "fr") => repairGluedWords(text, lang, lang === "fr" ? fr : en);
const fixed = (text: string, lang: Lang = "fr") => repair(text, lang).text;

/** Checks the invariants every repair must keep, and returns the repair. */
function checked(raw: string, lang: Lang = "fr"): GlueRepair {
  const r = repair(raw, lang);
  // only spaces are inserted, each inside a glued word
  const inserted = r.repairs.reduce((n, x) => n + x.parts.length - 1, 0);
  assert.equal(r.text.length, raw.length + inserted);
  for (const x of r.repairs) assert.equal(raw.slice(x.start, x.end), x.parts.join(""));
  let back = "";
  let pos = 0;
  for (const x of r.repairs) {
    back += raw.slice(pos, x.start) + x.parts.join("");
    pos = x.end;
  }
  assert.equal(back + raw.slice(pos), raw);
  return r;
}

test("loads each lexicon once", () => {
  assert.equal(loadGlueLexicon("fr"), fr);
  assert.equal(loadGlueLexicon("en"), en);
  assert.notEqual(fr, en);
});

test("splits French function words glued to a neighbour", () => {
  const cases: [string, string][] = [
    ["Les résultats dela coordination entre les deux parties", "Les résultats de la coordination entre les deux parties"],
    ["Lors de l’entretienle 25 juillet à Hanoi", "Lors de l’entretien le 25 juillet à Hanoi"],
    ["les relations de coopération dansla sécurité avec la Russie", "les relations de coopération dans la sécurité avec la Russie"],
    ["son rôle de pilier important dupartenariat stratégique", "son rôle de pilier important du partenariat stratégique"],
    ["Nikolai Platonovich, secrétairedu Conseil de sécurité", "Nikolai Platonovich, secrétaire du Conseil de sécurité"],
    ["toutes les complots et les actes desabotage de forces hostiles", "toutes les complots et les actes de sabotage de forces hostiles"],
    ["pour la période 2016-2018, lesdeux parties ont coordonné", "pour la période 2016-2018, les deux parties ont coordonné"],
    ["Le président vietnamiena déclaré que lors de sa visite", "Le président vietnamien a déclaré que lors de sa visite"],
    ["À l'occasion, ila remercié le Vietnam", "À l'occasion, il a remercié le Vietnam"],
    ["le Bureau du Conseil de sécurité et le Conseil desécurité de la Fédération", "le Bureau du Conseil de sécurité et le Conseil de sécurité de la Fédération"],
    ["La délégation vietnamienne a contribué considérablement ausuccès de l'événement", "La délégation vietnamienne a contribué considérablement au succès de l'événement"],
  ];
  for (const [raw, want] of cases) assert.equal(checked(raw).text, want, raw);
});

test("splits at a lower->Upper transition", () => {
  assert.equal(fixed("en visite de travail auVietnam, le ministre"), "en visite de travail au Vietnam, le ministre");
  assert.equal(fixed("les relations traditionnelles entre leVietnam et la Russie"), "les relations traditionnelles entre le Vietnam et la Russie");
  // two names glued: both occur standalone in the document
  const names = "le président Trân Dai Quang. Le président TrânDai Quang a déclaré. Le général Patrushev Nikolai Platonovich et le général PatrushevNikolai Platonovich.";
  assert.equal(
    checked(names).text,
    "le président Trân Dai Quang. Le président Trân Dai Quang a déclaré. Le général Patrushev Nikolai Platonovich et le général Patrushev Nikolai Platonovich.",
  );
});

test("splits after an elision", () => {
  assert.equal(fixed("le général de corps d’arméeTô Lâm, a souligné"), "le général de corps d’armée Tô Lâm, a souligné");
  assert.equal(fixed("le général de corps d'arméeTô Lâm"), "le général de corps d'armée Tô Lâm");
  assert.equal(fixed("tout en renforçantl'échange d'informations"), "tout en renforçant l'échange d'informations");
  assert.equal(fixed("il a soulignél’importance de la coopération"), "il a souligné l’importance de la coopération");
  assert.equal(fixed("aujourd’hui et aujourd'hui, presqu’île"), "aujourd’hui et aujourd'hui, presqu’île");
  assert.equal(fixed("aujourd’huila séance"), "aujourd’huila séance"); // not "au jour d’huila"
  assert.equal(fixed("Il a proposé quel'engagement de la Russie"), "Il a proposé que l'engagement de la Russie");
});

test("splits a capitalized word glued to a function word when the document uses it standalone", () => {
  assert.equal(
    fixed("le Bureau du Conseil de sécurité. Le Vietnam et le Bureaudu Conseil de sécurité"),
    "le Bureau du Conseil de sécurité. Le Vietnam et le Bureau du Conseil de sécurité",
  );
  const lam = "avec le ministre de la Sécurité publique Tô Lâmet le ministre de la Défense. Le ministre Tô Lâm a dit.";
  assert.equal(fixed(lam), "avec le ministre de la Sécurité publique Tô Lâm et le ministre de la Défense. Le ministre Tô Lâm a dit.");
  // without the standalone "Lâm" the run is ambiguous (a name?) and is left alone
  assert.equal(fixed("avec le ministre Tô Lâmet le ministre"), "avec le ministre Tô Lâmet le ministre");
  assert.equal(fixed("en Russie et le partenariat Vietnam-Russieen général"), "en Russie et le partenariat Vietnam-Russie en général");
});

test("never splits real words", () => {
  const raw = "desquels lesquels auxquels dupliquer auteur ensemble delà entretien. Desquels Auteur Ensemble Entretien parla dune aucun surtout";
  assert.equal(checked(raw).text, raw);
  assert.equal(fixed("Le peintre Delacroix et Maria Dela Cruz. Dela Cruz a dit."), "Le peintre Delacroix et Maria Dela Cruz. Dela Cruz a dit.");
  assert.equal(fixed("la surexploitation des ressources et la cybersécurité"), "la surexploitation des ressources et la cybersécurité");
});

test("never splits names that are not glued", () => {
  const raw = "le général Patrushev Nikolai Platonovich, Gorovoy, Guo Shengkun, Tô Lâm, Ngô Xuân Lich, Luong Cuong, Matamela Ramaphosa.";
  assert.equal(checked(raw).text, raw);
  // names made of a function word and a word, without evidence that they are glued
  for (const name of ["Dupont a parlé.", "Lebrun a parlé.", "Brunet a parlé.", "Danielle a parlé.", "Le moine et M. Lemoine ont parlé."]) {
    assert.equal(fixed(name), name);
  }
});

test("leaves acronyms, digits, URLs, e-mail addresses, hashtags and punctuation alone", () => {
  const raw =
    "Hanoi, 25 juillet(VNA) – Le ministre. –VNA ASEANAPOL et l'APEC2017, 8e conférence, 16e législature. " +
    "Voir https://www.vietnamplus.vn/dansla-securite.html ou www.dansla.fr, écrire à contact@dansla.fr #dansla @auVietnam dela_coordination";
  assert.equal(checked(raw).text, raw);
});

test("leaves known camel-case names and brands alone", () => {
  const raw = "iPhone, YouTube, McDonald, MacArthur, DeSantis, LeBlanc, LaGuardia, PlayStation, PetroVietnam, eBay, macOS, iOS";
  assert.equal(checked(raw).text, raw);
  assert.equal(checked(raw, "en").text, raw);
  // a capitalized function word glued to a name inside a sentence is a brand, not glue
  assert.equal(fixed("WeWork said that WeWork and SoFi will merge. Work is hard.", "en"), "WeWork said that WeWork and SoFi will merge. Work is hard.");
});

test("a run that recurs in the document is one of its words", () => {
  const raw = "Yersinia pestis causes plague. Yersinia pestis is a bacterium.";
  assert.equal(fixed(raw, "en"), raw);
  const names = "Juston Burris met Juston.";
  assert.equal(fixed(names, "en"), names);
});

test("an ambiguous run is left alone", () => {
  // "its own" or "it sown"? "ils ont" or "il sont"?
  assert.equal(fixed("at itsown pace", "en"), "at itsown pace");
  assert.equal(fixed("et ilsont dit", "fr"), "et ilsont dit");
});

test("repairs English glue the same way", () => {
  const cases: [string, string][] = [
    ["The meeting ofthe two ministers inthe capital.", "The meeting of the two ministers in the capital."],
    ["He met officials oftheUS government.", "He met officials of the US government."],
    ["He said that hewas happy and thatshehad left.", "He said that he was happy and that she had left."],
    ["to strengthen cooperationin the fields of security", "to strengthen cooperation in the fields of security"],
    ["there’salso a code, but this story isn’tabout me; it's fine", "there’s also a code, but this story isn’t about me; it's fine"],
    ["The talks were held inHanoi on March 15.", "The talks were held in Hanoi on March 15."],
  ];
  for (const [raw, want] of cases) assert.equal(checked(raw, "en").text, want, raw);
  const clean =
    "Deputy Prime Minister Pham Binh Minh(R) welcomes Secretary of Russia’s Security Council Nikolai Patrushev. " +
    "The onboarding of staff, an outshot team, the offseason and another study; the overall cost of the Artemis programme.";
  assert.equal(checked(clean, "en").text, clean);
});

test("maps every word of the repaired text back onto the input", () => {
  const raw = "Le général decorps d’arméeTô Lâm a demandé aux deux partiesde se coordonner, dansla sécurité etl'ordre public auVietnam.";
  const r = checked(raw);
  assert.equal(
    r.text,
    "Le général de corps d’armée Tô Lâm a demandé aux deux parties de se coordonner, dans la sécurité et l'ordre public au Vietnam.",
  );
  assert.equal(r.map.length, r.text.length);
  for (const m of r.text.matchAll(/\S+/g)) {
    const s = m.index!;
    const e = s + m[0].length;
    assert.equal(raw.slice(r.map.toRawStart(s), r.map.toRawEnd(e)), m[0]);
  }
  // a pair made by a split maps onto the glued raw word
  for (const x of r.repairs) {
    const glued = raw.slice(x.start, x.end);
    const s = r.text.indexOf(x.parts.join(" "));
    assert.ok(s >= 0);
    assert.equal(raw.slice(r.map.toRawStart(s), r.map.toRawEnd(s + x.parts.join(" ").length)), glued);
    assert.deepEqual([r.map.toRawStart(s), r.map.toRawEnd(s + x.parts.join(" ").length)], [x.start, x.end]);
  }
  // the inserted space has no raw character of its own
  const space = r.text.indexOf("de corps") + 2;
  assert.equal(raw.slice(r.map.toRawStart(space - 2), r.map.toRawEnd(space)), "de");
  assert.equal(raw.slice(r.map.toRawStart(space + 1), r.map.toRawEnd(space + 6)), "corps");
});

test("a text without glue comes back unchanged, with an identity map", () => {
  const raw = "Le ministre vietnamien de la Sécurité publique, le général de corps d’armée Tô Lâm (droite), accueille le général Patrushev Nikolai Platonovich.";
  const r = checked(raw);
  assert.equal(r.text, raw);
  assert.deepEqual(r.repairs, []);
  for (const i of [0, 10, raw.length]) assert.equal(r.map.toRawStart(i), i);
  assert.equal(checked("").text, "");
});

// Paragraphs of a real article whose line breaks were dropped (seeds 002 and 003).
const SEED_002 = `Vietnam-Russie : renforcement des relations de coopération dans la sécurité

Hanoi, 25 juillet(VNA) – Le ministre vietnamien de la Sécurité publique, le général de corps d’arméeTô Lâm, a souligné la nécessité de dynamiser les relations de coopération dansla sécurité avec la Russie et de promouvoir son rôle de pilier important dupartenariat stratégique intégral Vietnam-Russie.

Vietnam-Russie : renforcement des relations de coopération dans la sécurité ảnh 1Le ministre vietnamien de la Sécurité publique, le général de corps d’armée Tô Lâm (droite), accueille le général Patrushev Nikolai Platonovich, secrétaire du Conseil de sécurité de la Fédération de Russie. Photo : VNA

Lors de l’entretienle 25 juillet à Hanoi avec le général Patrushev Nikolai Platonovich, secrétairedu Conseil de sécurité de la Fédération de Russie, en visite de travail auVietnam, le ministre de la Sécurité publique Tô Lâm a proposé aux deux partiesde se coordonner étroitement pour déjouer toutes les complots et les actes desabotage de forces hostiles et tous les types de criminels.

Les résultats dela coordination entre les deux parties aideront les dirigeants des deux pays àdonner une réponse appropriée à ces risques et défis, renforçant ainsi lacoopération plus profonde et efficace dans un cadre bilatéral et multilatéral.

Le général decorps d’armée Tô Lâm a souligné que les relations traditionnelles entre leVietnam et la Russie se développent heureusement grâce à des visites de hautsdirigeants, dont la visite du président Trân Dai Quang en Russie en juin dernieret la prochaine visite du président russe  V. Poutine pour assister au sommet de l'APEC2017 en novembre prochain.

La relation decoopération entre le ministère vietnamien de la Sécurité publique et le Bureaudu Conseil de sécurité de la Fédération de Russie s'est également développéegrâce à l’échange régulier des informations et des expériences. Sur la base duprogramme de coopération signé entre le ministère de la Sécurité publique duVietnam et le ministère de l'Intérieur de Russie pour la période 2016-2018, lesdeux parties ont coordonné de manière étroite dans la lutte contre les criminels,en particulier ceux liés à la haute technologie, à la drogue et au trafichumain.

Pour sa part, legénéral Patrushev Nikolai Platonovich a salué les relations politiques deconfiance des deux pays ainsi qu'une étroite coordination et un soutien mutuel surla scène internationale, tout en s'engageant à faire tous les possibles pourpromouvoir le développement du partenariat stratégique intégral Vietnam-Russieen général et la coopération entre le ministère vietnamien de Sécurité publiqueet le Bureau du Conseil de sécurité de la Fédération de Russie et d’autresorganismes de sécurité.`;

const SEED_003 = `Hanoi, 25 juillet(VNA) - Le Vietnam souhaite renforcer les relations de coopération efficace etprofond avec la Russie pour apporter des avantages aux deux pays, a déclaré leprésident Trân Dai Quang lors d’une réception le 25 juillet à Hanoi du secrétairedu Conseil de sécurité de la Fédération de Russie, le général Patrushev NikolaiPlatonovich.

Le Vietnam souhaite renforcer la coopération dans la sécurité avec la Russie ảnh 1Le président Trân Dai Quang (droite) et  le secrétaire du Conseil de sécurité de la Fédération de Russie, le général Patrushev Nikolai Platonovich. Photo : VNA

Le président vietnamiena déclaré que lors de sa visite en Russie en juin dernier, les dirigeants desdeux pays ont discuté des orientations et mesures concrètes visant à renforcerla coopération bilatérale à l'avenir.

Le président TrânDai Quang a également déclaré que le Vietnam souhaite renforcer la coopérationavec la Russie dans le maintien de la paix de l'ONU.

Le général PatrushevNikolai Platonovich  a informé son hôtedes résultats de ses entretiens avec le ministre de la Sécurité publique Tô Lâmet le ministre de la Défense, Ngô Xuân Lich.

À l'occasion, ila remercié le Vietnam d'avoir envoyé une délégation pour participer à la 8e conférenceinternationale de haut niveau sur la sécurité tenue dans la région russe deTver en mai dernier. La délégation vietnamienne a contribué considérablement ausuccès de l'événement, a-t-il dit.

Actualité de la semaine : Le leader du Parti appelle à booster les forces matérielles et spirituelles dans la nouvelle ère

Le leader du Parti Tô Lâm a indiqué que la résolution 79 sur le développement de l’économie étatique et la résolution 80 sur la promotion de la culture vietnamienne visent à renforcer les capacités internes matérielles et spirituelles.`;

test("repairs the glued words of a real article (seed 002)", () => {
  const r = checked(SEED_002);
  const made = new Set(r.repairs.map((x) => x.parts.join(" ")));
  for (const want of [
    "armée Tô", "dans la", "du partenariat", "entretien le", "secrétaire du", "au Vietnam", "parties de", "de sabotage",
    "de la", "à donner", "la coopération", "de corps", "le Vietnam", "dernier et", "de coopération", "Bureau du",
    "du programme", "du Vietnam", "les deux", "le général", "de confiance", "sur la", "pour promouvoir", "Russie en",
    "publique et",
  ]) assert.ok(made.has(want), `missing ${want}`);
  // what is not glue stays as it is
  for (const keep of ["juillet(VNA)", "l'APEC2017", "Patrushev Nikolai Platonovich", "Vietnam-Russie.", "1Le ministre", "Tô Lâm (droite)"]) {
    assert.ok(r.text.includes(keep), keep);
  }
  assert.ok(!r.repairs.some((x) => /^(Patrushev|Platonovich|Trân|Lâm|VNA|APEC)$/.test(raw(x))));
  function raw(x: { start: number; end: number }) {
    return SEED_002.slice(x.start, x.end);
  }
});

test("repairs the glued words of a real article (seed 003)", () => {
  const r = checked(SEED_003);
  const made = new Set(r.repairs.map((x) => x.parts.join(" ")));
  for (const want of [
    "et profond", "le président", "secrétaire du", "Nikolai Platonovich", "vietnamien a", "des deux", "renforcer la",
    "Trân Dai", "coopération avec", "Patrushev Nikolai", "hôte des", "Lâm et", "il a", "de Tver", "au succès",
  ]) assert.ok(made.has(want), `missing ${want}`);
  // two content words with no evidence in this excerpt that both stand alone: left glued
  assert.ok(r.text.includes("la 8e conférenceinternationale"));
});

test("two glued content words split only when both stand alone elsewhere in the article", () => {
  const text = "Le ministère de la Sécuritépublique coopère. La sécurité publique est un enjeu.";
  assert.equal(fixed(text), "Le ministère de la Sécurité publique coopère. La sécurité publique est un enjeu.");
  // without that evidence, or when the token may be a name, nothing changes
  assert.equal(fixed("Le ministère de la Sécuritépublique coopère."), "Le ministère de la Sécuritépublique coopère.");
  assert.equal(fixed("M. Phommavongsa et M. Sultanbekov ont parlé."), "M. Phommavongsa et M. Sultanbekov ont parlé.");
});

test("a capitalized token between two capitalized words is a name, not a word glued to a function word", () => {
  const doc = "Chief of the Turkish General Staff General Metin Gurak met him. The minister met the delegation.";
  assert.equal(fixed(doc, "en"), doc);
  // the same token glued after a lowercase word is still repaired
  const glued = "The minister met the delegation. Asked about Metin the hall, he said nothing.";
  assert.notEqual(fixed(glued, "en"), glued);
});
