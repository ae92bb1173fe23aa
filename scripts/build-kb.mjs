#!/usr/bin/env node
// Compiles the world-knowledge gazetteer: world-countries + src/kb/curated/*.json -> src/kb/countries.json.
// The output is committed; re-run after editing curated data:  node scripts/build-kb.mjs
// Lexicon rows are [form, kind, id, lang, policy, ctx]:
//   kind   country | region | city | igo | demonym | prefix | block
//   lang   fr | en | *           (which text language the form is valid in)
//   policy i     case- and diacritic-insensitive
//          cap   diacritic-insensitive, first letter must be upper case in the text
//          acr   the text must spell the form exactly (acronyms, codes)
//          exact the text must spell the form exactly (forms that differ from a common word only by accents)
//   ctx    1 = needs place context (preceding place preposition or dateline position)
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const kbDir = join(here, '..', 'src', 'kb');
const curatedDir = join(kbDir, 'curated');
const readCurated = (name) => JSON.parse(readFileSync(join(curatedDir, name), 'utf8'));

/** @type {any[]} */
const wc = require('world-countries');
const curCountries = readCurated('countries.json');
const curDemonyms = readCurated('demonyms.json');
const curRegions = readCurated('regions.json');
const curCities = readCurated('cities.json');
const curIgos = readCurated('igos.json');
const policyData = readCurated('lexicon-policy.json');

const warnings = [];
const warn = (msg) => warnings.push(msg);
const fail = (msg) => {
  console.error(`build-kb: ${msg}`);
  process.exitCode = 1;
};

// ---------------------------------------------------------------------------------------------
// Normalization (kept equivalent to src/kb/index.ts foldToken / src/recognize/places.ts tokenizer)
const SPECIAL = { 'đ': 'd', 'ð': 'd', 'ø': 'o', 'ł': 'l', 'ß': 'ss', 'æ': 'ae', 'œ': 'oe', 'ı': 'i', 'þ': 'th', 'ħ': 'h', 'ŀ': 'l' };
const foldToken = (s) =>
  s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[đðøłßæœıþħŀ]/g, (c) => SPECIAL[c] ?? c);
const TOKEN_RE = /[\p{L}\p{M}\p{N}_]+|(?<=[\p{L}\p{M}\p{N}_])\+/gu;
const keyOf = (form) => (form.match(TOKEN_RE) ?? []).map(foldToken).join(' ');
const slug = (s) => keyOf(s).replace(/\+/g, 'plus').replace(/ /g, '-');
const isLatin = (s) => /^[\p{Script=Latin}\p{M}\p{N}\s'’.\-+]+$/u.test(s);
const acronymLike = (s) => !/\p{Ll}/u.test(s) && (s.match(/\p{Lu}/gu) ?? []).length >= 2;
const namePolicy = (form) => (acronymLike(form) ? 'acr' : /^\p{Lu}/u.test(form) ? 'cap' : 'i');

/** Clean a world-countries name: drop parentheticals and leading articles, repair odd spacing. */
function cleanName(s) {
  let t = s.replace(/\s*\([^)]*\)/g, '').replace(/\s+-/g, '-').replace(/d’ /g, 'd’').replace(/d' /g, "d'").trim();
  t = t.replace(/^(La|Le|Les) /, '').replace(/^L['’]/, '');
  if (t !== s) t = t.charAt(0).toUpperCase() + t.slice(1);
  return t;
}

// ---------------------------------------------------------------------------------------------
// Lexicon accumulation
/** @type {Map<string, {form:string,kind:string,id:string,langs:Set<string>,policy:string,ctx:number,key:string,order:number}>} */
const lex = new Map();
let order = 0;
const KIND_RANK = { country: 0, region: 1, city: 2, igo: 3, prefix: 4, demonym: 5, block: 6 };

function addForm(form, kind, id, lang, policy, ctx = 0) {
  if (typeof form !== 'string' || !form.trim()) return;
  const key = keyOf(form);
  if (!key) return;
  const exactish = policy === 'acr' || policy === 'exact';
  const dedupe = [key, kind, id, policy, ctx, exactish ? form : ''].join('\u0000');
  const langs = lang === '*' ? ['fr', 'en'] : [lang];
  const prev = lex.get(dedupe);
  if (prev) {
    for (const l of langs) prev.langs.add(l);
    return;
  }
  lex.set(dedupe, { form, kind, id, langs: new Set(langs), policy, ctx, key, order: order++ });
}

// Per-entity option sets: drop compares folded keys; ctx and exact compare the literal form
// (so that "Malé" can be exact while "Male" needs context).
const keySet = (arr) => new Set((arr ?? []).map(keyOf));
const formSet = (arr) => new Set((arr ?? []).map((f) => f.normalize('NFC')));

function addNames(kind, id, lang, forms, opts) {
  for (const f of forms ?? []) {
    if (opts.drop?.has(keyOf(f))) continue;
    const nf = f.normalize('NFC');
    const policy = opts.exact?.has(nf) ? 'exact' : namePolicy(f);
    addForm(f, kind, id, lang, policy, opts.ctx?.has(nf) ? 1 : 0);
  }
}
const addAcr = (kind, id, lang, forms) => {
  for (const f of forms ?? []) addForm(f, kind, id, lang, 'acr', 0);
};

// ---------------------------------------------------------------------------------------------
// Countries
const remap = curCountries.remapIso3 ?? {};
const dropAlt = new Set((curCountries.dropAltSpellings ?? []).map(keyOf));
const curByIso = new Map(curCountries.records.map((r) => [r.iso3, r]));
/** @type {Map<string, any>} */
const countries = new Map();
const wcByIso = new Map();

for (const c of wc) {
  const iso3 = remap[c.cca3] ?? c.cca3;
  wcByIso.set(iso3, c);
  const cur = curByIso.get(iso3) ?? {};
  const frCommon = cleanName(c.translations?.fra?.common ?? c.name.common);
  const record = {
    iso3,
    iso2: c.cca2 && c.cca2 !== 'XK' ? c.cca2 : c.cca2 ?? null,
    kind: cur.kind ?? 'country',
    name: { fr: cur.name?.fr ?? frCommon, en: cur.name?.en ?? c.name.common },
    official: { fr: cleanName(c.translations?.fra?.official ?? c.name.official), en: c.name.official },
    capital: null,
    independent: c.independent === true,
    unMember: c.unMember === true,
    parent: cur.parent ?? null,
    historic: false,
  };
  countries.set(iso3, record);
}
for (const h of curCountries.historic ?? []) {
  countries.set(h.iso3, {
    iso3: h.iso3, iso2: null, kind: 'country', name: h.name, official: h.name, capital: null,
    independent: false, unMember: false, parent: null, historic: true,
  });
}
for (const r of curCountries.records) if (!countries.has(r.iso3)) fail(`curated country ${r.iso3} unknown`);

for (const [iso3, rec] of countries) {
  const c = wcByIso.get(iso3);
  const cur = curByIso.get(iso3) ?? (curCountries.historic ?? []).find((h) => h.iso3 === iso3) ?? {};
  const kind = rec.kind;
  const opts = { drop: keySet(cur.drop), ctx: formSet(cur.ctx), exact: formSet(cur.exact) };
  const fr = [rec.name.fr, ...(cur.fr ?? [])];
  const en = [rec.name.en, ...(cur.en ?? [])];
  if (c) {
    // A drop entry may name the raw world-countries form ("Congo (Rép. dém.)") or the cleaned one.
    for (const raw of [c.translations?.fra?.common, c.translations?.fra?.official]) {
      if (raw && !opts.drop.has(keyOf(raw))) fr.push(cleanName(raw));
    }
    en.push(c.name.common, c.name.official);
  }
  addNames(kind, iso3, 'fr', fr.filter((f) => f && !opts.drop.has(keyOf(f))), opts);
  addNames(kind, iso3, 'en', en.filter((f) => f && !opts.drop.has(keyOf(f))), opts);
  const any = [...(cur.any ?? [])];
  if (c) {
    for (const a of c.altSpellings ?? []) {
      if (a.length <= 3 || a.includes(',') || !isLatin(a) || dropAlt.has(keyOf(a))) continue;
      any.push(a.replace(/^the /i, '')); // articles are not part of country mentions
    }
  }
  addNames(kind, iso3, '*', any, opts);
  addAcr(kind, iso3, '*', cur.acr);
  addAcr(kind, iso3, 'fr', cur.acrFr);
  addAcr(kind, iso3, 'en', cur.acrEn);
}

// ---------------------------------------------------------------------------------------------
// Demonyms and prefixes
const frPlural = (m) => (/[sxz]$/.test(m) ? m : /al$/.test(m) ? m.replace(/al$/, 'aux') : m + 's');
const enPlural = (m) => (/(ese|ss|ish|ch|sh|x|ois|ais)$/.test(m) || /\s/.test(m.trim().split(' ').pop() ?? '') ? null : m + 's');

/** form key -> Map(id -> {form, lang, curated}) for conflict resolution */
const demonymCands = new Map();
function addDemonymCand(form, id, lang, curated) {
  const k = `${lang}\u0000${keyOf(form)}`;
  if (!demonymCands.has(k)) demonymCands.set(k, new Map());
  const m = demonymCands.get(k);
  if (!m.has(id)) m.set(id, { forms: [], lang, curated });
  const e = m.get(id);
  e.forms.push(form);
  e.curated ||= curated;
}
const curDem = new Map(curDemonyms.records.map((r) => [r.id, r]));
for (const r of curDemonyms.records) if (!countries.has(r.id)) fail(`demonym record for unknown country ${r.id}`);

for (const [iso3, rec] of countries) {
  const c = wcByIso.get(iso3);
  const cur = curDem.get(iso3) ?? {};
  const drop = keySet(cur.drop);
  if (c?.demonyms) {
    const fra = c.demonyms.fra ?? {};
    for (const raw of [fra.m, fra.f]) {
      if (!raw || / et |,| ou /.test(raw)) continue;
      const f = raw.toLowerCase();
      for (const form of [f, frPlural(f)]) {
        if (!drop.has(keyOf(form))) addDemonymCand(form, iso3, 'fr', false);
      }
    }
    const eng = c.demonyms.eng ?? {};
    for (const raw of new Set([eng.m, eng.f])) {
      if (!raw) continue;
      for (const part of raw.split(/,\s*| or /)) {
        const p = part.trim();
        if (!p || drop.has(keyOf(p))) continue;
        addDemonymCand(p, iso3, 'en', false);
        const pl = enPlural(p);
        if (pl && !drop.has(keyOf(pl))) addDemonymCand(pl, iso3, 'en', false);
      }
    }
  }
  for (const f of cur.fr ?? []) addDemonymCand(f, iso3, 'fr', true);
  for (const f of cur.en ?? []) addDemonymCand(f, iso3, 'en', true);
  for (const f of cur.frPrefix ?? []) addForm(f, 'prefix', iso3, 'fr', 'i');
  for (const f of cur.enPrefix ?? []) addForm(f, 'prefix', iso3, 'en', 'i');
  void rec;
}

// ---------------------------------------------------------------------------------------------
// Regions (curated) and their demonyms
const regions = new Map();
for (const r of curRegions.records) {
  if (regions.has(r.id) || countries.has(r.id)) fail(`duplicate region id ${r.id}`);
  if (r.iso3 && !countries.has(r.iso3)) fail(`region ${r.id}: unknown iso3 ${r.iso3}`);
  const fr = [...(r.fr ?? []), ...(r.any ?? [])];
  const en = [...(r.en ?? []), ...(r.any ?? [])];
  if (!fr.length || !en.length) fail(`region ${r.id} needs fr and en names`);
  regions.set(r.id, {
    id: r.id,
    iso3: r.macro ? null : r.iso3,
    parent: r.macro ? null : (r.parent ?? r.iso3),
    macro: r.macro === true,
    name: { fr: r.name?.fr ?? fr[0], en: r.name?.en ?? en[0] },
  });
  const opts = { ctx: formSet(r.ctx), exact: formSet(r.exact) };
  addNames('region', r.id, 'fr', r.fr, opts);
  addNames('region', r.id, 'en', r.en, opts);
  addNames('region', r.id, '*', r.any, opts);
  addAcr('region', r.id, '*', r.acr);
  for (const f of r.demonym?.fr ?? []) addDemonymCand(f, r.id, 'fr', true);
  for (const f of r.demonym?.en ?? []) addDemonymCand(f, r.id, 'en', true);
  for (const f of r.prefix?.fr ?? []) addForm(f, 'prefix', r.id, 'fr', 'i');
  for (const f of r.prefix?.en ?? []) addForm(f, 'prefix', r.id, 'en', 'i');
}

// Resolve demonym conflicts: curated > independent UN member > independent > other; ties among
// sovereign states are build errors (curate a drop in demonyms.json).
const sovereignRank = (id) => {
  const c = countries.get(id);
  if (!c) return 1; // sub-national region demonyms are curated
  return c.independent && c.unMember ? 0 : c.independent ? 1 : c.historic ? 2 : 3;
};
for (const [k, byId] of demonymCands) {
  let cands = [...byId.entries()];
  if (cands.length > 1) {
    const curated = cands.filter(([, e]) => e.curated);
    if (curated.length) cands = curated;
  }
  if (cands.length > 1) {
    const best = Math.min(...cands.map(([id]) => sovereignRank(id)));
    cands = cands.filter(([id]) => sovereignRank(id) === best);
  }
  if (cands.length > 1) {
    if (sovereignRank(cands[0][0]) <= 1) {
      fail(`ambiguous demonym ${k.replace('\u0000', ':')} -> ${cands.map(([id]) => id).join(', ')}`);
    } else {
      cands.sort(([a], [b]) => a.localeCompare(b));
      warn(`demonym ${k.replace('\u0000', ':')} shared by ${cands.map(([id]) => id).join(', ')}; kept ${cands[0][0]}`);
    }
  }
  const [id, e] = cands[0];
  for (const f of e.forms) addForm(f, 'demonym', id, e.lang, e.lang === 'fr' ? 'i' : 'cap');
}

// ---------------------------------------------------------------------------------------------
// Cities
const cities = new Map();
const skipCap = new Set(curCities.skipCapitals ?? []);
const cityForms = []; // deferred so that country/region collisions can be checked first
for (const r of curCities.records) {
  if (!countries.has(r.iso3)) fail(`city ${r.en?.[0]}: unknown iso3 ${r.iso3}`);
  const id = r.id ?? `${r.iso3}-${slug(r.en[0])}`;
  if (cities.has(id)) fail(`duplicate city id ${id}`);
  const fr = r.fr ?? r.en;
  cities.set(id, { id, iso3: r.iso3, name: { fr: r.name?.fr ?? fr[0], en: r.name?.en ?? r.en[0] }, capital: r.capital === true });
  cityForms.push({ id, r, fr, en: r.en });
}
// Capitals from world-countries
for (const [iso3, rec] of countries) {
  const c = wcByIso.get(iso3);
  const cap = c?.capital?.[0];
  if (!cap) continue;
  const capKey = keyOf(cap);
  const found = [...cityForms].find((cf) => cf.r.iso3 === iso3 && [...cf.en, ...cf.fr].some((f) => keyOf(f) === capKey));
  if (found) {
    cities.get(found.id).capital = true;
    rec.capital = found.id;
    continue;
  }
  const curatedCap = [...cityForms].find((cf) => cf.r.iso3 === iso3 && cf.r.capital);
  if (curatedCap) {
    rec.capital = curatedCap.id;
    warn(`capital of ${iso3}: world-countries says ${cap}, curated ${curatedCap.en[0]}`);
    continue;
  }
  if (skipCap.has(cap) || skipCap.has(`${cap}@${iso3}`)) continue;
  const id = `${iso3}-${slug(cap)}`;
  cities.set(id, { id, iso3, name: { fr: cap, en: cap }, capital: true });
  cityForms.push({ id, r: { iso3 }, fr: [cap], en: [cap], auto: true });
  rec.capital = id;
}
for (const cf of cityForms) {
  const opts = { ctx: formSet(cf.r.ctx), exact: formSet(cf.r.exact) };
  addNames('city', cf.id, 'fr', cf.fr, opts);
  addNames('city', cf.id, 'en', cf.en, opts);
}

// ---------------------------------------------------------------------------------------------
// International organizations
const igos = new Map();
for (const r of curIgos.records) {
  if (igos.has(r.id) || countries.has(r.id) || regions.has(r.id) || cities.has(r.id)) fail(`igo id ${r.id} collides`);
  const acronyms = [...(r.acr ?? []), ...(r.acrEn ?? []), ...(r.acrFr ?? [])];
  if (!r.fr?.length || !r.en?.length) fail(`igo ${r.id} needs fr and en names`);
  igos.set(r.id, { id: r.id, name: { fr: r.fr[0], en: r.en[0] }, acronyms });
  const opts = { ctx: formSet(r.ctx), exact: formSet(r.exact) };
  addNames('igo', r.id, 'fr', r.fr, opts);
  addNames('igo', r.id, 'en', r.en, opts);
  addAcr('igo', r.id, '*', r.acr);
  addAcr('igo', r.id, 'en', r.acrEn);
  addAcr('igo', r.id, 'fr', r.acrFr);
}

// Blockers
for (const lang of ['fr', 'en']) {
  for (const f of policyData.blockers?.[lang] ?? []) addForm(f, 'block', '-', lang, namePolicy(f));
}

// ---------------------------------------------------------------------------------------------
// Collisions between different entities on the same key, language and case policy
const byKey = new Map();
for (const e of lex.values()) {
  for (const l of e.langs) {
    const k = `${l}\u0000${e.key}`;
    if (!byKey.has(k)) byKey.set(k, []);
    byKey.get(k).push(e);
  }
}
let dropped = 0;
for (const [k, list] of byKey) {
  const ids = new Set(list.filter((e) => e.kind !== 'block').map((e) => `${e.kind}:${e.id}`));
  if (ids.size < 2) continue;
  const [lang, key] = k.split('\u0000');
  // A city form that is also a country/region name in the same language: the country wins.
  const hasCountry = list.some((e) => e.kind === 'country' || e.kind === 'region');
  for (const e of list) {
    if (e.kind === 'city' && hasCountry && e.policy !== 'acr') {
      e.langs.delete(lang);
      dropped++;
      warn(`${lang}: city form "${e.form}" (${e.id}) shadowed by a country/region name; dropped`);
    }
  }
  const remaining = new Set(list.filter((e) => e.langs.has(lang) && e.kind !== 'block' && e.kind !== 'prefix').map((e) => (e.kind === 'demonym' ? entityIso(e.id) : e.kind + ':' + e.id)));
  const sameEntity = new Set(list.filter((e) => e.langs.has(lang) && e.kind !== 'block' && e.kind !== 'prefix').map((e) => e.id));
  if (sameEntity.size > 1 && remaining.size > 1) warn(`${lang}: "${key}" is ambiguous: ${[...sameEntity].join(', ')} (first by kind wins)`);
}
function entityIso(id) {
  return countries.get(id)?.iso3 ?? regions.get(id)?.iso3 ?? id;
}

// ---------------------------------------------------------------------------------------------
// Output
const langOf = (langs) => (langs.has('fr') && langs.has('en') ? '*' : langs.has('fr') ? 'fr' : 'en');
const rows = [...lex.values()]
  .filter((e) => e.langs.size > 0)
  .sort((a, b) => a.key.localeCompare(b.key) || KIND_RANK[a.kind] - KIND_RANK[b.kind] || a.order - b.order)
  .map((e) => [e.form, e.kind, e.id, langOf(e.langs), e.policy, e.ctx]);

const sortById = (m, k = 'id') => [...m.values()].sort((a, b) => a[k].localeCompare(b[k]));
const out = {
  _doc: 'GENERATED by scripts/build-kb.mjs from world-countries and src/kb/curated/*.json. Do not edit by hand. lexicon rows: [form, kind, id, lang, policy, ctx].',
  version: 1,
  countries: sortById(countries, 'iso3'),
  regions: sortById(regions),
  cities: sortById(cities),
  igos: sortById(igos),
  placeContext: policyData.placeContext,
  placeArticles: policyData.placeArticles,
  acronymGuardFollowers: policyData.acronymGuardFollowers ?? [],
  lexicon: rows,
};

// One record per line keeps diffs reviewable.
const lines = ['{'];
const keys = Object.keys(out);
keys.forEach((k, i) => {
  const v = out[k];
  const comma = i < keys.length - 1 ? ',' : '';
  if (Array.isArray(v) && v.length && typeof v[0] === 'object') {
    lines.push(`  ${JSON.stringify(k)}: [`);
    v.forEach((item, j) => lines.push(`    ${JSON.stringify(item)}${j < v.length - 1 ? ',' : ''}`));
    lines.push(`  ]${comma}`);
  } else {
    lines.push(`  ${JSON.stringify(k)}: ${JSON.stringify(v)}${comma}`);
  }
});
lines.push('}');
writeFileSync(join(kbDir, 'countries.json'), lines.join('\n') + '\n');

const count = (kind) => rows.filter((r) => r[1] === kind).length;
if (process.argv.includes('--warnings')) for (const w of warnings) console.warn(`warning: ${w}`);
console.log(
  `build-kb: ${countries.size} countries/territories, ${regions.size} regions, ${cities.size} cities, ${igos.size} IGOs; ` +
    `lexicon ${rows.length} forms (country ${count('country')}, region ${count('region')}, city ${count('city')}, igo ${count('igo')}, ` +
    `demonym ${count('demonym')}, prefix ${count('prefix')}, block ${count('block')}); ${dropped} shadowed city forms; ${warnings.length} warnings (--warnings to list)`,
);
