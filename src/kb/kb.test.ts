import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  allCities,
  allCountries,
  allIgos,
  cityLookup,
  countryByIso3,
  countryLookup,
  countryName,
  entityById,
  foldToken,
  formKey,
  igoLookup,
  isoFromDemonym,
  lexicon,
  regionLookupById,
} from './index.js';

test('foldToken lower-cases and strips diacritics, including letters NFD does not decompose', () => {
  assert.equal(foldToken('Hà'), 'ha');
  assert.equal(foldToken('Nội'), 'noi');
  assert.equal(foldToken('Đà'), 'da');
  assert.equal(foldToken('Œuvre'), 'oeuvre');
  assert.equal(foldToken('Łódź'), 'lodz');
  assert.equal(foldToken('Hanoï'), 'hanoi');
  assert.equal(foldToken('MOSCOW'), 'moscow');
});

test('formKey joins folded word tokens whatever the separator', () => {
  assert.equal(formKey('Côte d’Ivoire'), 'cote d ivoire');
  assert.equal(formKey("Côte d'Ivoire"), 'cote d ivoire');
  assert.equal(formKey('États-Unis'), 'etats unis');
  assert.equal(formKey('ADMM+'), 'admm +');
});

test('countryByIso3 and countryName give common short names in both languages', () => {
  assert.equal(countryName('RUS', 'fr'), 'Russie');
  assert.equal(countryName('RUS', 'en'), 'Russia');
  assert.equal(countryName('VNM', 'fr'), 'Vietnam');
  assert.equal(countryName('USA', 'fr'), 'États-Unis');
  assert.equal(countryName('CIV', 'en'), "Côte d'Ivoire");
  assert.equal(countryName('COD', 'fr'), 'République démocratique du Congo');
  assert.equal(countryName('rus', 'en'), 'Russia');
  assert.equal(countryName('ZZZ', 'en'), undefined);
  const vnm = countryByIso3('VNM');
  assert.ok(vnm);
  assert.equal(vnm.iso2, 'VN');
  assert.equal(vnm.independent, true);
  assert.equal(vnm.capital, 'VNM-hanoi');
});

test('Kosovo uses XKX; Hong Kong and Taiwan are regions with parent CHN; historic USSR exists', () => {
  assert.equal(countryByIso3('XKX')?.name.en, 'Kosovo');
  assert.equal(countryByIso3('UNK'), undefined);
  const hkg = countryByIso3('HKG');
  assert.equal(hkg?.kind, 'region');
  assert.equal(hkg?.parent, 'CHN');
  assert.equal(countryByIso3('TWN')?.parent, 'CHN');
  assert.equal(countryByIso3('SUN')?.historic, true);
  assert.equal(countryByIso3('SUN')?.name.fr, 'Union soviétique');
});

test('data objects are frozen', () => {
  const c = countryByIso3('FRA');
  assert.ok(c && Object.isFrozen(c) && Object.isFrozen(c.name));
  assert.ok(Object.isFrozen(lexicon()));
  assert.throws(() => {
    (c as { iso3: string }).iso3 = 'XXX';
  }, TypeError);
});

test('countryLookup resolves names, variants without accents, and exact-case codes', () => {
  assert.equal(countryLookup('Etats-Unis')?.iso3, 'USA');
  assert.equal(countryLookup('United States of America')?.iso3, 'USA');
  assert.equal(countryLookup('US')?.iso3, 'USA');
  assert.equal(countryLookup('Fédération de Russie')?.iso3, 'RUS');
  assert.equal(countryLookup('Viet Nam')?.iso3, 'VNM');
  assert.equal(countryLookup('Birmanie')?.iso3, 'MMR');
  assert.equal(countryLookup('Burma')?.iso3, 'MMR');
  assert.equal(countryLookup('RDC')?.iso3, 'COD');
  assert.equal(countryLookup('Congo-Brazzaville')?.iso3, 'COG');
  assert.equal(countryLookup('Türkiye')?.iso3, 'TUR');
  assert.equal(countryLookup('Holy See')?.iso3, 'VAT');
  assert.equal(countryLookup('Republic of Korea')?.iso3, 'KOR');
  assert.equal(countryLookup('RPDC')?.iso3, 'PRK');
  assert.equal(countryLookup('Lao PDR')?.iso3, 'LAO');
  assert.equal(countryLookup('rdc'), undefined, 'codes are case-sensitive');
  assert.equal(countryLookup('Québec'), undefined, 'a province is not a country');
});

test('isoFromDemonym covers every gender and number in French, English forms, prefixes and regions', () => {
  for (const w of ['vietnamien', 'vietnamienne', 'vietnamiens', 'vietnamiennes', 'Vietnamese', 'vietnamo', 'vietnamo-']) {
    assert.equal(isoFromDemonym(w), 'VNM', w);
  }
  for (const w of ['russe', 'russes', 'Russian', 'Russians', 'russo']) assert.equal(isoFromDemonym(w), 'RUS', w);
  for (const w of ['chinois', 'chinoise', 'chinoises', 'Chinese', 'sino']) assert.equal(isoFromDemonym(w), 'CHN', w);
  for (const w of ['cubain', 'cubaine', 'cubains', 'cubaines', 'Cuban']) assert.equal(isoFromDemonym(w), 'CUB', w);
  assert.equal(isoFromDemonym('américaine'), 'USA');
  assert.equal(isoFromDemonym('American'), 'USA');
  assert.equal(isoFromDemonym('britannique'), 'GBR');
  assert.equal(isoFromDemonym('British'), 'GBR');
  assert.equal(isoFromDemonym('sud-coréenne'), 'KOR');
  assert.equal(isoFromDemonym('nord-coréens'), 'PRK');
  assert.equal(isoFromDemonym('ivoirien'), 'CIV');
  assert.equal(isoFromDemonym('burkinabè'), 'BFA');
  assert.equal(isoFromDemonym('lao'), 'LAO');
  assert.equal(isoFromDemonym('laotienne'), 'LAO');
  assert.equal(isoFromDemonym('khmère'), 'KHM');
  assert.equal(isoFromDemonym('thaïlandais'), 'THA');
  assert.equal(isoFromDemonym('philippine'), 'PHL');
  assert.equal(isoFromDemonym('Filipino'), 'PHL');
  assert.equal(isoFromDemonym('Emirati'), 'ARE');
  assert.equal(isoFromDemonym('comorien'), 'COM');
  assert.equal(isoFromDemonym('sénégalaises'), 'SEN');
  assert.equal(isoFromDemonym('israélo'), 'ISR');
  assert.equal(isoFromDemonym('algéro'), 'DZA');
  assert.equal(isoFromDemonym('helvético'), 'CHE');
  assert.equal(isoFromDemonym('nippo'), 'JPN');
  assert.equal(isoFromDemonym('soviéto'), 'SUN');
  assert.equal(isoFromDemonym('québécoise'), 'CAN');
  assert.equal(isoFromDemonym('tchétchène'), 'RUS');
  assert.equal(isoFromDemonym('congolais'), 'COD');
  assert.equal(isoFromDemonym('Dominican'), 'DOM');
  assert.equal(isoFromDemonym('africain'), undefined, 'macro-regional adjectives have no country');
  assert.equal(isoFromDemonym('ordinateur'), undefined);
});

test('territory demonyms do not steal those of sovereign states', () => {
  assert.equal(isoFromDemonym('français'), 'FRA');
  assert.equal(isoFromDemonym('French'), 'FRA');
  assert.equal(isoFromDemonym('Dutch'), 'NLD');
  assert.equal(isoFromDemonym('Indian'), 'IND');
  assert.equal(isoFromDemonym('samoan'), 'WSM');
});

test('cityLookup finds capitals, exonyms and Vietnamese spellings', () => {
  assert.equal(cityLookup('Pékin')?.id, 'CHN-beijing');
  assert.equal(cityLookup('Beijing')?.iso3, 'CHN');
  assert.equal(cityLookup('Moscou')?.iso3, 'RUS');
  assert.equal(cityLookup('La Havane')?.iso3, 'CUB');
  assert.equal(cityLookup('Ha Noi')?.id, 'VNM-hanoi');
  assert.equal(cityLookup('Hà Nội')?.id, 'VNM-hanoi');
  assert.equal(cityLookup('Hô Chi Minh-Ville')?.id, 'VNM-ho-chi-minh-city');
  assert.equal(cityLookup('Ho Chi Minh City')?.id, 'VNM-ho-chi-minh-city');
  assert.equal(cityLookup('Hô Chi Minh'), undefined, 'the person is not a city');
  assert.equal(cityLookup('Sotchi')?.iso3, 'RUS');
  assert.equal(cityLookup('Genève')?.iso3, 'CHE');
  assert.equal(cityLookup('Le Caire')?.iso3, 'EGY');
  assert.equal(cityLookup('Nay Pyi Taw')?.iso3, 'MMR');
  assert.equal(cityLookup('Grozny')?.iso3, 'RUS');
  assert.equal(cityLookup('Washington')?.capital, true);
  assert.equal(cityLookup('Moroni')?.capital, true);
  assert.equal(cityLookup('Ouagadougou')?.iso3, 'BFA');
  assert.equal(cityLookup('ville de Québec')?.iso3, 'CAN');
});

test('every independent country except city-states has a capital city record', () => {
  const cityStates = new Set(['DJI', 'LUX', 'MCO', 'SGP', 'SMR', 'VAT']);
  const missing = allCountries().filter((c) => c.independent && !c.capital && !cityStates.has(c.iso3));
  assert.deepEqual(missing.map((c) => c.iso3), []);
  assert.ok(allCities().length >= 500, `only ${allCities().length} cities`);
});

test('igoLookup: acronyms are case-sensitive, full names are not', () => {
  assert.equal(igoLookup('ONU')?.id, 'UN');
  assert.equal(igoLookup('UN')?.id, 'UN');
  assert.equal(igoLookup('Nations unies')?.id, 'UN');
  assert.equal(igoLookup('united nations')?.id, 'UN');
  assert.equal(igoLookup('un'), undefined);
  assert.equal(igoLookup('OMS')?.id, 'WHO');
  assert.equal(igoLookup('Organisation mondiale de la santé')?.id, 'WHO');
  assert.equal(igoLookup('ANASE')?.id, 'ASEAN');
  assert.equal(igoLookup('Union économique eurasiatique')?.id, 'EAEU');
  assert.equal(igoLookup('Organisation de coopération de Shanghai')?.id, 'SCO');
  assert.equal(igoLookup('OTSC')?.id, 'CSTO');
  assert.equal(igoLookup('CEDEAO')?.id, 'ECOWAS');
  assert.equal(igoLookup('ADMM+')?.id, 'ADMM-PLUS');
  assert.equal(igoLookup('Forum régional de l’ASEAN')?.id, 'ARF');
  assert.equal(igoLookup('Banque mondiale')?.id, 'WORLD-BANK');
  assert.equal(igoLookup('GAFI')?.id, 'FATF');
  assert.equal(igoLookup('Mekong-Lancang')?.id, 'LMC');
  assert.ok(allIgos().length >= 100);
});

test('regions and entities resolve with their sovereign country', () => {
  const qc = regionLookupById('CAN-quebec');
  assert.equal(qc?.iso3, 'CAN');
  assert.equal(qc?.name.fr, 'Québec');
  assert.equal(regionLookupById('RUS-chechnya')?.name.fr, 'Tchétchénie');
  assert.equal(regionLookupById('world-africa')?.iso3, null);
  assert.equal(entityById('UN')?.kind, 'igo');
  assert.equal(entityById('HKG')?.kind, 'region');
  assert.equal(entityById('VNM-hanoi')?.kind, 'city');
});

test('every lexicon entry points at a known entity and ambiguous forms are flagged as data', () => {
  for (const e of lexicon()) if (e.kind !== 'block') assert.ok(entityById(e.id), `${e.form} -> ${e.id}`);
  const nice = lexicon().find((e) => e.form === 'Nice' && e.kind === 'city');
  assert.equal(nice?.ctx, true);
  const un = lexicon().find((e) => e.form === 'UN' && e.kind === 'igo');
  assert.equal(un?.policy, 'acr');
  assert.equal(un?.lang, 'en', '"UN" is not an acronym in French');
  const turkey = lexicon().find((e) => e.form === 'Turkey');
  assert.equal(turkey?.policy, 'cap');
});
