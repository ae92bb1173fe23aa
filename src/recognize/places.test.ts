import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findPlaces, PlaceMatcher, type PlaceMention } from './places.js';

/** "text:kind:id" triples, compact for assertions */
const brief = (ms: PlaceMention[]): string[] => ms.map((m) => `${m.text}:${m.kind}:${m.id}`);
const texts = (ms: PlaceMention[]): string[] => ms.map((m) => m.text);

test('offsets point into the input text', () => {
  const t = "Moscou, 6 septembre (VNA) - Le ministère vietnamien de l'Intérieur";
  for (const m of findPlaces(t, 'fr')) assert.equal(t.slice(m.start, m.end), m.text);
});

test('dateline sentence: city, two demonyms', () => {
  const t =
    "Moscou, 6 septembre (VNA) - Le ministère vietnamien de la Sécurité publique et le ministère russe de l'Intérieur";
  const ms = findPlaces(t, 'fr');
  assert.deepEqual(
    ms.map((m) => [m.text, m.kind, m.iso3]),
    [
      ['Moscou', 'city', 'RUS'],
      ['vietnamien', 'demonym', 'VNM'],
      ['russe', 'demonym', 'RUS'],
    ],
  );
  assert.equal(ms[0]!.start, 0);
  assert.equal(ms[1]!.name, 'Vietnam');
  assert.equal(ms[2]!.name, 'Russie');
});

test('articles are not part of country mentions', () => {
  assert.deepEqual(texts(findPlaces('la Russie et le Vietnam, l’Inde, les États-Unis', 'fr')), ['Russie', 'Vietnam', 'Inde', 'États-Unis']);
  assert.deepEqual(texts(findPlaces('the Philippines and the United States', 'en')), ['Philippines', 'United States']);
});

test('English possessives resolve with straight and curly apostrophes', () => {
  const ms = findPlaces("Russia's Security Council and Vietnam’s ministry", 'en');
  assert.deepEqual(brief(ms), ['Russia:country:RUS', 'Vietnam:country:VNM']);
});

test('compound prefixes and hyphenated country pairs give one mention per country', () => {
  assert.deepEqual(brief(findPlaces('la coopération sino-vietnamienne', 'fr')), ['sino:prefix:CHN', 'vietnamienne:demonym:VNM']);
  assert.deepEqual(brief(findPlaces('le partenariat Vietnam-Russie', 'fr')), ['Vietnam:country:VNM', 'Russie:country:RUS']);
  assert.deepEqual(brief(findPlaces('la coopération algéro-portugaise', 'fr')), ['algéro:prefix:DZA', 'portugaise:demonym:PRT']);
  assert.deepEqual(brief(findPlaces('la collaboration Franco-Québécoise', 'fr')), ['Franco:prefix:FRA', 'Québécoise:demonym:CAN-quebec']);
  assert.deepEqual(brief(findPlaces('Sino-Vietnamese relations', 'en')), ['Sino:prefix:CHN', 'Vietnamese:demonym:VNM']);
  assert.deepEqual(brief(findPlaces('la frontière lao-vietnamienne et la partie lao', 'fr')), [
    'lao:prefix:LAO',
    'vietnamienne:demonym:VNM',
    'lao:demonym:LAO',
  ]);
  assert.deepEqual(brief(findPlaces('ASEAN-Russia cooperation', 'en')), ['ASEAN:igo:ASEAN', 'Russia:country:RUS']);
});

test('a prefix needs a following hyphenated word', () => {
  assert.deepEqual(findPlaces('le général Franco', 'fr'), []);
  assert.deepEqual(findPlaces('Franco said', 'en'), []);
});

test('longest match wins', () => {
  assert.deepEqual(brief(findPlaces('le vice-ministre de la Fédération de Russie', 'fr')), ['Fédération de Russie:country:RUS']);
  assert.deepEqual(brief(findPlaces("l'Union économique eurasiatique", 'fr')), ['Union économique eurasiatique:igo:EAEU']);
  assert.deepEqual(brief(findPlaces('talks in New Delhi, not Delhi', 'en')), ['New Delhi:city:IND-new-delhi', 'Delhi:city:IND-delhi']);
  assert.deepEqual(brief(findPlaces('la Guinée-Bissau et la Guinée', 'fr')), ['Guinée-Bissau:country:GNB', 'Guinée:country:GIN']);
  assert.deepEqual(brief(findPlaces("l'Organisation des Nations unies", 'fr')), ['Organisation des Nations unies:igo:UN']);
  assert.deepEqual(brief(findPlaces('the Papua New Guinea delegation', 'en')), ['Papua New Guinea:country:PNG']);
});

test('Hô Chi Minh alone is not a place, Hô Chi Minh-Ville is a city', () => {
  assert.deepEqual(findPlaces('la pensée de Hô Chi Minh', 'fr'), []);
  assert.deepEqual(brief(findPlaces('à Hô Chi Minh-Ville', 'fr')), ['Hô Chi Minh-Ville:city:VNM-ho-chi-minh-city']);
  assert.deepEqual(brief(findPlaces('in Ho Chi Minh City', 'en')), ['Ho Chi Minh City:city:VNM-ho-chi-minh-city']);
  assert.deepEqual(findPlaces('President Ho Chi Minh', 'en'), []);
});

test('diacritic- and spelling-tolerant names', () => {
  for (const v of ['Hanoï', 'Hanoi', 'Ha Noi', 'Hà Nội']) {
    assert.deepEqual(brief(findPlaces(`à ${v}`, 'fr')), [`${v}:city:VNM-hanoi`], v);
  }
  assert.deepEqual(brief(findPlaces('les Etats-Unis', 'fr')), ['Etats-Unis:country:USA']);
  assert.deepEqual(brief(findPlaces("la Côte d'Ivoire et la Côte d’Ivoire", 'fr')).length, 2);
  assert.deepEqual(brief(findPlaces('MOSCOW — Russian officials', 'en')), ['MOSCOW:city:RUS-moscow', 'Russian:demonym:RUS']);
});

test('common words are not matched in lower case; English proper names need a capital', () => {
  assert.deepEqual(findPlaces('a nice day', 'en'), []);
  assert.deepEqual(findPlaces('il fait nice', 'fr'), []);
  assert.deepEqual(findPlaces('roast turkey and fine china', 'en'), []);
  assert.deepEqual(brief(findPlaces('Turkey and China', 'en')), ['Turkey:country:TUR', 'China:country:CHN']);
  assert.deepEqual(findPlaces('the jordan of chad in georgia', 'en'), []);
  assert.deepEqual(findPlaces('une réunion des ministres', 'fr'), []);
});

test('ambiguous capitalized words need place context', () => {
  assert.deepEqual(findPlaces('Nice to meet you. Tours of the museum.', 'en'), []);
  assert.deepEqual(brief(findPlaces('He flew to Nice.', 'en')), ['Nice:city:FRA-nice']);
  assert.deepEqual(brief(findPlaces('Il est né à Tours.', 'fr')), ['Tours:city:FRA-tours']);
  assert.deepEqual(findPlaces('Victoria Nuland a déclaré', 'fr'), []);
  assert.deepEqual(brief(findPlaces('NICE, 6 mai (AFP) - Le sommet', 'fr'))[0], 'NICE:city:FRA-nice');
  assert.deepEqual(findPlaces('Réunion du Comité intergouvernemental', 'fr'), []);
  assert.deepEqual(brief(findPlaces('à la Réunion', 'fr')), ['Réunion:country:REU']);
  assert.deepEqual(findPlaces('Maurice Ravel', 'fr'), []);
  assert.deepEqual(brief(findPlaces('le sommet de Maurice', 'fr')), ['Maurice:country:MUS']);
});

test('an article-initial name needs its second word capitalized', () => {
  assert.deepEqual(findPlaces('Le cap est fixé.', 'fr'), []);
  assert.deepEqual(brief(findPlaces('Le Cap accueille le sommet', 'fr')), ['Le Cap:city:ZAF-cape-town']);
  assert.deepEqual(brief(findPlaces('à La Havane et à la Havane', 'fr')), ['La Havane:city:CUB-havana', 'Havane:city:CUB-havana']);
});

test('Malé the capital versus "male"', () => {
  assert.deepEqual(findPlaces('Male participants and male voters', 'en'), []);
  assert.deepEqual(brief(findPlaces('talks in Malé', 'en')), ['Malé:city:MDV-male']);
  assert.deepEqual(brief(findPlaces('talks in Male', 'en')), ['Male:city:MDV-male']);
});

test('regions: Tchétchénie, Québec, Hong Kong, continents', () => {
  assert.deepEqual(
    findPlaces('la Tchétchénie', 'fr').map((m) => [m.text, m.kind, m.iso3]),
    [['Tchétchénie', 'region', 'RUS']],
  );
  assert.deepEqual(brief(findPlaces('Chechnya', 'en')), ['Chechnya:region:RUS-chechnya']);
  assert.deepEqual(brief(findPlaces('la ministre du Québec', 'fr')), ['Québec:region:CAN-quebec']);
  assert.deepEqual(brief(findPlaces('la ville de Québec', 'fr')), ['ville de Québec:city:CAN-quebec-city']);
  const hk = findPlaces('à Hong Kong', 'fr');
  assert.deepEqual(hk.map((m) => [m.kind, m.iso3]), [['region', 'HKG']]);
  assert.deepEqual(findPlaces('Russia-Africa Summit', 'en').map((m) => [m.text, m.kind, m.iso3]), [
    ['Russia', 'country', 'RUS'],
    ['Africa', 'region', null],
  ]);
  assert.deepEqual(brief(findPlaces('la situation en Asie-Pacifique et dans l’Indo-Pacifique', 'fr')), [
    'Asie-Pacifique:region:world-asia-pacific',
    'Indo-Pacifique:region:world-indo-pacific',
  ]);
});

test('IGOs by acronym and full name in both languages; acronyms are case-sensitive', () => {
  assert.deepEqual(brief(findPlaces("l'ONU et l'Organisation mondiale de la santé (OMS)", 'fr')), [
    'ONU:igo:UN',
    'Organisation mondiale de la santé:igo:WHO',
    'OMS:igo:WHO',
  ]);
  assert.deepEqual(brief(findPlaces('the United Nations and the UN, the WHO and the IAEA', 'en')), [
    'United Nations:igo:UN',
    'UN:igo:UN',
    'WHO:igo:WHO',
    'IAEA:igo:IAEA',
  ]);
  assert.deepEqual(brief(findPlaces('un accord, un ministre', 'fr')), []);
  assert.deepEqual(brief(findPlaces("l'Union africaine (UA) et la CEDEAO", 'fr')), [
    'Union africaine:igo:AU',
    'UA:igo:AU',
    'CEDEAO:igo:ECOWAS',
  ]);
  assert.deepEqual(brief(findPlaces('the African Union (AU) and ECOWAS', 'en')), [
    'African Union:igo:AU',
    'AU:igo:AU',
    'ECOWAS:igo:ECOWAS',
  ]);
  assert.deepEqual(brief(findPlaces("l'OCS, l'OTAN, l'ANASE et le Forum régional de l'ASEAN", 'fr')), [
    'OCS:igo:SCO',
    'OTAN:igo:NATO',
    'ANASE:igo:ASEAN',
    "Forum régional de l'ASEAN:igo:ARF",
  ]);
  assert.deepEqual(brief(findPlaces('the ADMM+ and the ADMM-Plus, ASEAN+3, the G20 and OPEC+', 'en')), [
    'ADMM+:igo:ADMM-PLUS',
    'ADMM-Plus:igo:ADMM-PLUS',
    'ASEAN+3:igo:ASEAN-PLUS-THREE',
    'G20:igo:G20',
    'OPEC+:igo:OPEC-PLUS',
  ]);
  assert.deepEqual(brief(findPlaces('Interpol et Europol', 'fr')), ['Interpol:igo:INTERPOL', 'Europol:igo:EUROPOL']);
  assert.equal(findPlaces('the UN', 'en')[0]?.name, 'United Nations');
  assert.equal(findPlaces("l'ONU", 'fr')[0]?.name, 'Organisation des Nations unies');
});

test('acronyms inside all-caps headlines and before a currency sign are skipped', () => {
  assert.deepEqual(brief(findPlaces('VISITE AU VIETNAM', 'fr')), ['VIETNAM:country:VNM']);
  assert.deepEqual(brief(findPlaces('WHO WILL PAY', 'en')), []);
  assert.deepEqual(brief(findPlaces('a US$5 million grant from the US', 'en')), ['US:country:USA']);
  assert.deepEqual(brief(findPlaces('the U.S. and the USA', 'en')), ['U.S:country:USA', 'USA:country:USA']);
});

test('blockers consume non-place compounds', () => {
  assert.deepEqual(findPlaces('le modèle anglo-saxon', 'fr'), []);
  assert.deepEqual(findPlaces('a guinea pig', 'en'), []);
  assert.deepEqual(brief(findPlaces('Anglo-American ties', 'en')), ['Anglo:prefix:GBR', 'American:demonym:USA']);
});

test('French demonyms match as lowercase adjectives and capitalized nouns', () => {
  assert.deepEqual(brief(findPlaces('les Vietnamiens et le peuple vietnamien', 'fr')), [
    'Vietnamiens:demonym:VNM',
    'vietnamien:demonym:VNM',
  ]);
  assert.deepEqual(brief(findPlaces('la délégation argentine en Argentine', 'fr')), ['argentine:demonym:ARG', 'Argentine:country:ARG']);
  assert.deepEqual(brief(findPlaces('le ministre sud-coréen', 'fr')), ['sud-coréen:demonym:KOR']);
});

test('no matches inside words or handles', () => {
  assert.deepEqual(findPlaces('la dinde et les indiennes', 'fr').map((m) => m.text), ['indiennes']);
  assert.deepEqual(findPlaces('Chinesewall', 'en'), []);
  assert.deepEqual(findPlaces('@Vietnam_fr', 'fr'), []);
  assert.deepEqual(findPlaces('suivez @Vietnam', 'fr'), []);
});

test('a PlaceMatcher instance gives the same result as findPlaces', () => {
  const m = new PlaceMatcher('en');
  const t = 'Vietnam and Laos signed in Vientiane with the EU';
  assert.deepEqual(m.find(t), findPlaces(t, 'en'));
  assert.equal(m.find(t).length, 4);
});
