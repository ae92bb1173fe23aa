import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { detectAreas, explainSentence, type Lang } from "./areas.js";

const codesOf = (text: string, lang: Lang) => detectAreas([{ start: 0, end: text.length, text }], lang).map((h) => h.code);

// the codes of the output contract (shared/eval/areas.json)
const ALL_CODES = [
  "terrorism", "cybercrime", "drugs", "human_trafficking", "transnational_crime", "financial_crime", "migration", "fugitives",
  "political_security", "public_order", "protection_of_nationals", "defence", "peacekeeping", "maritime", "training",
  "information_sharing", "delegation_exchange", "multilateral", "legal_framework", "trade_investment", "energy",
  "science_technology", "education_culture", "health", "agriculture_environment", "transport_infrastructure", "labour",
];

test("the codes are those of the contract", (t) => {
  const contract = new URL("../../../shared/eval/areas.json", import.meta.url);
  if (!existsSync(contract)) return t.skip("no shared/eval/areas.json beside the repository");
  const codes = (JSON.parse(readFileSync(contract, "utf8")) as { areas: { code: string }[] }).areas.map((a) => a.code);
  assert.deepEqual([...codes].sort(), [...ALL_CODES].sort());
});

// one sentence per code and language that must yield it
const POSITIVE: Record<Lang, Record<string, string>> = {
  fr: {
    terrorism: "Les deux ministres ont convenu de renforcer la lutte contre le terrorisme et l'extrémisme violent.",
    cybercrime: "Ils coopéreront dans la prévention de la cybercriminalité et la sécurité de l’information.",
    drugs: "Les polices des deux pays renforceront leur coopération contre le trafic de stupéfiants.",
    human_trafficking: "Les parties se sont engagées à lutter contre la traite d'êtres humains.",
    transnational_crime: "Les deux ministères coopéreront dans la lutte contre la criminalité transnationale organisée.",
    financial_crime: "Ils ont signé un accord de coopération contre le blanchiment d'argent et la corruption.",
    migration: "Les deux pays ont convenu de coopérer dans la gestion des frontières et la lutte contre l'immigration clandestine.",
    fugitives: "Les deux parties coopéreront pour l'extradition des criminels recherchés.",
    political_security: "Ils se coordonneront pour déjouer les complots de sabotage des forces hostiles.",
    public_order: "Les deux parties ont convenu de renforcer la coopération dans la prévention des incendies et le sauvetage.",
    protection_of_nationals: "Les deux pays s'engagent à assurer la sécurité des citoyens et des étudiants de chaque pays résidant dans l'autre.",
    defence: "Le Maroc et la France ont signé un accord de coopération militaire.",
    peacekeeping: "Le Vietnam souhaite coopérer avec la France dans les opérations de maintien de la paix de l'ONU.",
    maritime: "Les deux marines ont convenu de renforcer la coopération en matière de sécurité maritime.",
    training: "La France aidera à la formation des policiers sénégalais.",
    information_sharing: "Les deux services partageront des informations et des expériences.",
    delegation_exchange: "Les deux parties ont convenu d'intensifier les échanges de délégations à tous les niveaux.",
    multilateral: "Les deux pays se soutiendront mutuellement dans les forums multilatéraux.",
    legal_framework: "Ils ont souligné l'importance de la coopération judiciaire entre les deux pays.",
    trade_investment: "Les deux pays veulent doubler leurs échanges commerciaux et attirer davantage d'investissements.",
    energy: "L'accord porte sur la coopération dans le domaine de l'énergie et du pétrole.",
    science_technology: "Les deux parties ont signé un mémorandum sur la recherche scientifique et l'innovation.",
    education_culture: "Les deux pays vont développer les échanges culturels, le tourisme et la coopération universitaire.",
    health: "Les ministres ont discuté de la coopération dans le domaine de la santé et de la médecine traditionnelle.",
    agriculture_environment: "Ils ont convenu de coopérer dans l'agriculture, la pêche et la lutte contre le changement climatique.",
    transport_infrastructure: "Les deux pays coopéreront dans les transports, les chemins de fer et les infrastructures portuaires.",
    labour: "Le mémorandum vise à protéger les droits des travailleurs et à promouvoir l'emploi.",
  },
  en: {
    terrorism: "The two ministers agreed to step up cooperation in counter-terrorism.",
    cybercrime: "Both sides pledged to cooperate on cybersecurity and the fight against online fraud.",
    drugs: "The agencies will share intelligence to combat drug trafficking and narcotics.",
    human_trafficking: "They agreed to work together against human trafficking and migrant smuggling.",
    transnational_crime: "The two police forces will cooperate in fighting organised crime.",
    financial_crime: "The memorandum covers cooperation against money laundering and counterfeiting.",
    migration: "The ministers discussed border management and illegal migration.",
    fugitives: "The treaty provides for the extradition of fugitives between the two countries.",
    political_security: "Both sides agreed to cooperate against hostile forces and sabotage.",
    public_order: "The two sides agreed to cooperate in fire prevention and rescue.",
    protection_of_nationals: "Both sides committed to ensuring the safety of each other's citizens and diplomatic missions.",
    defence: "The two countries signed a defence cooperation agreement.",
    peacekeeping: "India and France agreed to cooperate in UN peacekeeping operations.",
    maritime: "The two navies agreed to boost cooperation in maritime security and coast guard training.",
    training: "Japan will provide training for Philippine officers and support capacity building.",
    information_sharing: "The two agencies agreed to share information and best practices.",
    delegation_exchange: "Both sides agreed to increase the exchange of delegations and high-level visits.",
    multilateral: "They pledged to coordinate closely at the United Nations and ASEAN.",
    legal_framework: "The sides discussed judicial cooperation and the harmonization of legislation.",
    trade_investment: "The leaders agreed to boost bilateral trade and investment.",
    energy: "The two countries will cooperate in renewable energy and nuclear power.",
    science_technology: "The two sides signed a memorandum on science, technology and innovation.",
    education_culture: "They agreed to promote cultural exchanges, tourism and education.",
    health: "The ministers discussed cooperation in healthcare and vaccine production.",
    agriculture_environment: "The two countries will cooperate in agriculture, fisheries and climate change.",
    transport_infrastructure: "Both sides pledged to boost cooperation in transport and infrastructure.",
    labour: "The two ministries signed an agreement on labour and employment.",
  },
};

for (const lang of ["fr", "en"] as const) {
  test(`every code has a positive ${lang} example`, () => {
    assert.deepEqual(Object.keys(POSITIVE[lang]).sort(), [...ALL_CODES].sort());
  });
  for (const [code, sentence] of Object.entries(POSITIVE[lang])) {
    test(`${lang} ${code}`, () => {
      const codes = codesOf(sentence, lang);
      assert.ok(codes.includes(code), `${code} not in [${codes.join(" ")}]\n${explainSentence(sentence, lang).join("\n")}`);
      for (const c of codes) assert.ok(ALL_CODES.includes(c), `unknown code ${c}`);
    });
  }
}

// passing mentions, names and background: no code, or not this one
const NEGATIVE: [Lang, string, string[]][] = [
  // no cooperation word
  ["fr", "Les deux chefs d'État assisteront également à des activités culturelles.", []],
  ["en", "The two heads of state will also attend a cultural performance.", []],
  ["fr", "Les avancées scientifiques et technologiques ont créé des défis pour la sécurité de nombreux pays.", []],
  // names of bodies and offices
  ["fr", "Le ministre vietnamien de la Sécurité publique a reçu le ministre de la Défense.", []],
  ["en", "The Defence Minister met the Minister of Public Security and the Health Ministry delegation to discuss bilateral ties.", []],
  ["en", "The Minister of Land, Infrastructure and Transport held talks with his counterpart on bilateral relations.", []],
  ["en", "The foreign ministers met after the Foreign and Defense Ministers' meeting to discuss bilateral relations.", []],
  ["fr", "Le général de corps d'armée a souligné l'importance des relations bilatérales.", []],
  // threats, purposes and background
  ["fr", "Ils ont discuté des risques menaçant la sécurité et l'ordre public dans la région.", []],
  ["fr", "La coopération en matière de sécurité est étroite, contribuant à maintenir la stabilité politique et l'ordre social.", []],
  ["fr", "La rencontre a porté sur le secteur culturel en cette période de crise sanitaire.", ["education_culture"]],
  ["en", "Amid the COVID-19 pandemic, the two sides held their dialogue online.", []],
  // set phrases
  ["fr", "Ils ont échangé leurs points de vue sur les questions régionales d'intérêt commun.", []],
  ["en", "The sides exchanged views on international issues of mutual concern.", []],
  ["fr", "La France a accordé une aide financière au projet de coopération.", []],
  ["en", "Both sides stressed the need to maintain peace and stability in the region.", []],
  ["fr", "Les deux pays partagent une frontière commune de 1 000 km et des liens d'amitié.", []],
  ["fr", "Ils ont souligné le rôle de la coopération pour la défense et l'édification nationales.", []],
  ["en", "He said the ministry stands ready to share experience in national construction and defence.", ["information_sharing"]],
  // a field word that names a crime or what is fought
  ["en", "They agreed to fight commercial and tourism-related crimes.", ["financial_crime", "transnational_crime"]],
  ["fr", "Ils ont signé un mémorandum sur la lutte contre la production, les transports et le commerce de drogues.", ["drugs"]],
];

for (const [lang, sentence, expected] of NEGATIVE) {
  test(`${lang} passing mention: ${sentence.slice(0, 60)}`, () => {
    assert.deepEqual(codesOf(sentence, lang).sort(), [...expected].sort(), explainSentence(sentence, lang).join("\n"));
  });
}

test("words disambiguated by their sentence", () => {
  assert.deepEqual(codesOf("Ils ont convenu de coopérer dans la culture et la commercialisation du cacao.", "fr").sort(), ["agriculture_environment", "trade_investment"]);
  assert.ok(codesOf("Ils coopéreront dans la lutte contre la criminalité liée aux hautes technologies.", "fr").includes("cybercrime"));
  assert.ok(codesOf("Ils coopéreront dans les hautes technologies et l'innovation.", "fr").includes("science_technology"));
  assert.ok(!codesOf("Ils coopéreront dans les hautes technologies et l'innovation.", "fr").includes("cybercrime"));
  const officers = codesOf("The MoU covers cooperation between the armed forces, including exchange of officers, training and education.", "en");
  assert.ok(officers.includes("training") && !officers.includes("education_culture"), officers.join(" "));
  assert.ok(codesOf("The two countries agreed to strengthen cooperation in education and culture.", "en").includes("education_culture"));
  assert.ok(codesOf("Le Vietnam soutient la réforme du Conseil de sécurité des Nations unies.", "fr").includes("multilateral"));
});

test("tolerant of accents, case, elision and apostrophes", () => {
  for (const s of [
    "ILS ONT CONVENU DE RENFORCER LA LUTTE CONTRE LA TRAITE DES ÊTRES HUMAINS.",
    "Ils ont convenu de renforcer la lutte contre la traite d’êtres humains.",
    "Ils ont convenu de renforcer la lutte contre la traite d'etres humains.",
  ])
    assert.ok(codesOf(s, "fr").includes("human_trafficking"), s);
  assert.ok(codesOf("Ils ont convenu de renforcer la cyber-sécurité.", "fr").includes("cybercrime"));
  assert.ok(codesOf("Ils ont convenu de renforcer la cyber sécurité.", "fr").includes("cybercrime"));
});

test("glued words are cut again", () => {
  assert.ok(codesOf("Les deux parties ont coordonné dans la lutte contre la drogue et au trafichumain.", "fr").includes("human_trafficking"));
  assert.ok(codesOf("Il a demandé d’augmenter les échangesde délégations.", "fr").includes("delegation_exchange"));
  assert.ok(codesOf("Ils ont proposé de déjouer les actes desabotage.", "fr").includes("political_security"));
});

test("acronyms must be written in capitals", () => {
  assert.ok(codesOf("They agreed to coordinate closely at the UN.", "en").includes("multilateral"));
  assert.ok(!codesOf("They agreed to cooperate in an un-named field.", "en").includes("multilateral"));
});

test("evidence: the supporting sentences, with the caller's offsets", () => {
  const sentences = [
    { start: 100, end: 160, text: "Les deux ministres se sont entretenus le 5 septembre à Moscou." },
    { start: 161, end: 250, text: "Ils ont convenu de renforcer la coopération dans la lutte contre le terrorisme." },
    { start: 251, end: 330, text: "Ils ont aussi discuté de la coopération contre le terrorisme et la drogue." },
  ];
  const hits = detectAreas(sentences, "fr");
  assert.deepEqual(hits, [
    { code: "terrorism", evidence: [{ start: 161, end: 250 }, { start: 251, end: 330 }] },
    { code: "drugs", evidence: [{ start: 251, end: 330 }] },
  ]);
  assert.deepEqual(detectAreas([], "en"), []);
  assert.deepEqual(detectAreas([{ start: 0, end: 0, text: "" }], "en"), []);
});

test("explainSentence says why", () => {
  const lines = explainSentence("Le ministre de la Défense a salué la coopération.", "fr");
  assert.ok(lines.some((l) => l.startsWith("in a name:")), lines.join("\n"));
  assert.equal(lines[lines.length - 1], "codes: -");
});

test("a renewable term, a press statement and forest fires are no energy, media or environment", () => {
  assert.deepEqual(codesOf("Le mémorandum, conclu pour une durée de cinq ans renouvelable, prévoit la coopération en matière de lutte contre les feux de forêt, a précisé le ministre dans une déclaration à la presse.", "fr"), ["public_order"]);
  assert.deepEqual(codesOf("The two sides agreed to cooperate in fighting wildfires, the minister said in a press statement.", "en"), ["public_order"]);
  // the words still count where they name the field
  assert.ok(codesOf("Les deux pays coopèrent dans les énergies renouvelables.", "fr").includes("energy"));
});

test("an exchange and a listed field after a comma are two phrases", () => {
  const codes = codesOf("Le mémorandum prévoit l'échange d'expériences, la formation des cadres et des stages.", "fr");
  assert.ok(codes.includes("information_sharing") && codes.includes("training"));
  assert.ok(!codes.includes("delegation_exchange"));
  assert.ok(codesOf("Les deux parties ont convenu d'échanger des cadres.", "fr").includes("delegation_exchange"));
});
