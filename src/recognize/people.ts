// Finds the people an article names, by the shape of names and their context rather than by lists:
// a run of capitalized words that is not a place, an organization or a common word, introduced by a
// title ("le vice-ministre vietnamien Bui Van Nam", "Deputy Minister Lt. Gen. Le Van Tuyen"), followed
// by an apposition ("Guo Shengkun, ministre chinois de la Sécurité publique"), or shaped like a full
// name. Later short mentions ("M. Gorovoy", "Tuyen") join the person they abbreviate.
import type { LangData } from "../lang/index.js";
import type { OrgEntity, PersonEntity, PersonMention, Place, SentenceSpan } from "../core/annotations.js";
import { IS_ALLCAPS, IS_PUNCT, IS_UPPER, IS_WORD, type TokenTable } from "../segment/tokens.js";
import type { TokenIndex } from "./token-index.js";
import { guessCountryByShape, isNameSyllable } from "./name-shape.js";

export interface PeopleContext {
  text: string;
  t: TokenTable;
  sentences: readonly SentenceSpan[];
  places: readonly Place[];
  orgs: readonly OrgEntity[];
  index: TokenIndex;
  data: LangData;
  /** is this lowercased word an ordinary word of the language? */
  isCommon: (lower: string) => boolean;
  /** may this capitalized ordinary word be a given name too ("Penny")? absent: only the words bodies are named with are not */
  isNameForm?: (word: string) => boolean;
}

interface Candidate {
  first: number;
  last: number;
  sentence: number;
  /** token range of the title phrase that introduces or follows the name */
  title: { first: number; last: number } | null;
  /** an apposition after the name when a title also came before it */
  title2?: { first: number; last: number } | null;
  strong: boolean;
  country: string | null;
  countryBy: PersonEntity["countryBy"];
  /** a single ordinary word ("Mirza"): a mention only of a person whose first or last name it is */
  commonOnly?: boolean;
}

const PARTICLES = new Set(["de", "da", "do", "dos", "das", "del", "dela", "delos", "della", "di", "van", "von", "der", "den", "ter", "bin", "binti", "ibn", "ben", "al", "el", "y", "e", "la", "las", "los", "le"]);
const HYPHEN_PARTICLE = /^(al|el|ad|ash|as|at|az|an|ar|bin|ibn|abu|ben|van|von|de|da|di|du|del|dos|der|le|la)-\p{Lu}/u;

export interface PeopleResult {
  people: PersonEntity[];
  mentions: PersonMention[];
  /** title phrases, as token ranges, per person */
  titleRanges: { person: number; first: number; last: number }[];
}

export function findPeople(ctx: PeopleContext): PeopleResult {
  const { t, data, index } = ctx;
  const candidates: Candidate[] = [];
  const word = (i: number) => ctx.text.slice(t.start[i]!, t.end[i]!);

  // tokens inside a title phrase ("Datuk Seri", "Lt. Gen.", "vice-ministre") are never part of a name
  const inTitle = new Uint8Array(t.n);
  const skipped = new Set<number>();
  for (const s of ctx.sentences) for (const m of data.titles.scan(t, s.first, s.last)) for (let k = m.first; k < m.last; k++) inTitle[k] = 1;
  const nameLike = (i: number, s: SentenceSpan): boolean => {
    const f = t.flags[i]!;
    if (!(f & IS_WORD)) return false;
    if (index.placeOf[i]! >= 0 || index.orgOf[i]! >= 0) return false;
    const w = word(i);
    if (!(f & IS_UPPER)) return HYPHEN_PARTICLE.test(w);
    if ((f & IS_ALLCAPS) && w.length > 1) return false;
    const n = t.norm[i]!;
    // "le vice-ministre Le Quoc Hung": a capitalized article right after a title, before a name, is a surname
    if (data.stopwords.has(n) && !(i > s.first && inTitle[i - 1] && !(t.flags[i - 1]! & IS_PUNCT) && i + 1 < s.last && (t.flags[i + 1]! & IS_UPPER) && !data.stopwords.has(t.norm[i + 1]!) && !inTitle[i + 1] && index.placeOf[i + 1]! < 0)) return false;
    if (inTitle[i]) return false;
    return true;
  };
  const isInitial = (i: number, s: SentenceSpan) =>
    i + 2 < s.last && !inTitle[i] && t.end[i]! - t.start[i]! === 1 && (t.flags[i]! & IS_UPPER) && t.norm[i + 1] === "." && t.start[i + 1] === t.end[i];

  ctx.sentences.forEach((s, si) => {
    // captions restate the text but are sometimes the only place a participant is named in full
    if (s.zone !== "body" && s.zone !== "caption") return;
    for (let i = s.first; i < s.last; i++) {
      const initial = isInitial(i, s);
      if (!initial && !nameLike(i, s)) continue;
      // the run of name tokens
      let j = i;
      while (j < s.last) {
        if (isInitial(j, s) && j + 2 < s.last && nameLike(j + 2, s)) {
          j += 2;
          continue;
        }
        if (nameLike(j, s)) {
          j++;
          continue;
        }
        // "Tengku Datuk Seri Zafrul Abdul Aziz": an honorific inside a name is skipped, not a break
        if (j > i && inTitle[j]) {
          let k = j;
          while (k < s.last && inTitle[k] && k - j < 3) k++;
          if (k < s.last && nameLike(k, s) && data.titles.matchAt(t, j, k)?.value === "honorific") {
            for (let x = j; x < k; x++) skipped.add(x);
            j = k;
            continue;
          }
        }
        // "Ramon dela Paz", "Jorge de la Torre", "Muhammad bin Salman": particles between name words
        if (j > i && PARTICLES.has(t.norm[j]!) && !(t.flags[j]! & IS_UPPER)) {
          let k = j;
          while (k < s.last && k - j < 2 && PARTICLES.has(t.norm[k]!) && !(t.flags[k]! & IS_UPPER)) k++;
          if (k < s.last && nameLike(k, s)) {
            j = k;
            continue;
          }
        }
        break;
      }
      if (j === i) continue;
      const cand = judge(ctx, s, si, i, j);
      if (cand) candidates.push(cand);
      i = j - 1;
    }
  });

  return buildEntities(ctx, candidates, skipped);
}

/** Scans back from a name for the title phrase that introduces it: "le ministre vietnamien de la Sécurité publique, le général". */
function titleBefore(ctx: PeopleContext, s: SentenceSpan, first: number): { first: number; last: number } | null {
  const { t, data, index } = ctx;
  let found = -1;
  let commas = 0;
  // honorifics and ranks right before the name ("Mme", "le général"): the comma rule counts from them
  let start = first;
  while (start > s.first) {
    const tm = data.titles.matchAt(t, start - 1, first);
    const tm2 = start - 2 >= s.first ? data.titles.matchAt(t, start - 2, first) : null;
    if (tm && tm.last === start) { found = start - 1; start--; continue; }
    if (tm2 && tm2.last === start) { found = start - 2; start -= 2; continue; }
    if (data.definite.has(t.norm[start - 1]!) && found === start) { start--; continue; }
    break;
  }
  for (let i = start - 1; i >= s.first && first - i <= 18; i--) {
    const n = t.norm[i]!;
    const f = t.flags[i]!;
    const tm = data.titles.matchAt(t, i, first);
    if (tm && tm.value !== "modifier") {
      found = i;
      continue;
    }
    if (tm) continue;
    // inside a title phrase that starts a little earlier ("secrétaire d'Etat")
    if (coveredByTitle(ctx, s, i)) continue;
    if (n === ",") {
      // only one comma, between the title and the name: "secrétaire du Conseil ..., Aleksandr Gorovoy"
      // English lists portfolios inside a title: "Minister of Land, Infrastructure and Transport"
      // French lists them with a connector after each comma: "ministre de la science, de la technologie et de ..."
      const listed =
        i + 1 < first &&
        commas < 3 &&
        ((ctx.data.lang === "en" && (t.flags[i + 1]! & IS_UPPER) && ctx.isCommon(t.lower[i + 1]!)) || (i !== start - 1 && data.connectors.has(t.norm[i + 1]!) && !(t.flags[i + 1]! & IS_UPPER)));
      if (listed) {
        commas++;
        continue;
      }
      if (i !== start - 1 || commas++) break;
      continue;
    }
    if (n === "(" || n === ")") continue;
    if (f & IS_PUNCT) {
      if (n === "." && i > s.first && data.titles.matchAt(t, i - 1, first)) continue;
      if (n === "'" || n === "’") continue;
      break;
    }
    if (data.connectors.has(n) || data.definite.has(n) || index.placeOf[i]! >= 0 || index.orgOf[i]! >= 0 || data.orgAdjectives.has(n)) continue;
    // a lowercase noun of the complement: "ministre de la culture algérien", "des affaires culturelles"
    if (!(f & IS_UPPER) && i > s.first && t.lower[i - 1] !== "a" && (data.connectors.has(t.norm[i - 1]!) || data.definite.has(t.norm[i - 1]!)) && ctx.isCommon(t.lower[i]!)) continue;
    if (!(f & IS_UPPER) && n.length > 4 && data.adjectiveEnding.test(n) && ctx.isCommon(t.lower[i]!)) continue;
    if (n === "s" && t.norm[i - 1] === "'") continue;
    // a body's acronym in the complement: "directeur général de la DGSN"
    if ((f & IS_ALLCAPS) && n.length >= 2 && i > s.first && (data.connectors.has(t.norm[i - 1]!) || data.definite.has(t.norm[i - 1]!))) continue;
    // "a" without its accent is the verb: "le ministre a reçu X" has no title before X
    if (t.lower[i] === "a" && data.lang === "fr") break;
    if ((f & IS_UPPER) && ctx.isCommon(t.lower[i]!)) continue;
    break;
  }
  if (found < 0) return null;
  // a demonym or modifier before the office belongs to the title: "Philippine Secretary", "Russia's Deputy Minister"
  while (found > s.first) {
    const p = index.placeOf[found - 1]!;
    if (p >= 0 && (ctx.places[p]!.iso3 || ctx.places[p]!.kind === "igo")) found--;
    // the dot that ends an abbreviated state: "U.S. Defense Secretary"
    else if (t.norm[found - 1] === "." && found - 2 >= s.first && index.placeOf[found - 2]! >= 0 && ctx.places[index.placeOf[found - 2]!]!.iso3 && ctx.places[index.placeOf[found - 2]!]!.end === t.start[found - 1]) found--;
    else if (t.norm[found - 1] === "s" && found - 2 > s.first && t.norm[found - 2] === "'" && index.placeOf[found - 3]! >= 0) found -= 3;
    else if (data.titles.matchAt(t, found - 1, first)?.value === "modifier") found--;
    // "Kazakh Security Council Secretary", "Russian Navy Commander": the body named before the office is the holder's
    else if (data.lang === "en" && index.orgOf[found - 1]! >= 0 && ctx.orgs[index.orgOf[found - 1]!]!.sector !== "MED") {
      const o = index.orgOf[found - 1]!;
      while (found > s.first && index.orgOf[found - 1] === o) found--;
    } else break;
  }
  // the phrase ends where the name starts, less the comma and articles
  let last = first;
  while (last > found && (t.norm[last - 1] === "," || data.definite.has(t.norm[last - 1]!))) last--;
  return { first: found, last };
}

/** An apposition after a name: ", ministre chinois de la Sécurité publique" / ", Deputy Minister". */
function titleAfter(ctx: PeopleContext, s: SentenceSpan, last: number): { first: number; last: number } | null {
  const { t, data } = ctx;
  let i = last;
  if (i < s.last && t.norm[i] === "(") {
    while (i < s.last && t.norm[i] !== ")") i++;
    i++;
  }
  if (i >= s.last || t.norm[i] !== ",") return null;
  i++;
  while (i < s.last && (data.definite.has(t.norm[i]!) || t.norm[i] === "who" || t.norm[i] === "is" || t.norm[i] === "also" || t.norm[i] === "qui" || t.norm[i] === "est")) i++;
  // modifiers and demonyms may open the title: "vice-Premier ministre cambodgien", "Vietnamese Deputy Minister"
  const start = i;
  let k = i;
  while (k < s.last && k - start < 4 && (data.titles.matchAt(t, k, s.last)?.value === "modifier" || ctx.index.placeOf[k]! >= 0)) k++;
  const tm = data.titles.matchAt(t, k, s.last);
  if (!tm || tm.value === "modifier" || tm.value === "honorific") return null;
  let end = tm.last;
  let afterConnector = false;
  while (end < s.last && end - start < 24) {
    const n = t.norm[end]!;
    const f = t.flags[end]!;
    if (n === "(" && end + 2 < s.last && t.norm[end + 2] === ")") {
      end += 3;
      continue;
    }
    if (f & IS_PUNCT) break;
    if (data.connectors.has(n) || data.definite.has(n)) {
      afterConnector = true;
      end++;
      continue;
    }
    // after "de"/"of" any word may follow; otherwise only the words titles are made of
    const name = (f & IS_UPPER) && !ctx.isCommon(t.lower[end]!) && ctx.index.placeOf[end]! < 0 && ctx.index.orgOf[end]! < 0 && !data.titles.matchAt(t, end, s.last);
    if (name && !afterConnector) return null; // the phrase introduces the next person: ", le ministre ... Azzedine Mihoubi"
    const fits = afterConnector || (f & IS_UPPER) || data.orgAdjectives.has(n) || ctx.index.placeOf[end]! >= 0 || data.titles.matchAt(t, end, s.last);
    if (!fits) break;
    afterConnector = false;
    end++;
  }
  while (end > tm.last && (data.connectors.has(t.norm[end - 1]!) || data.definite.has(t.norm[end - 1]!))) end--;
  return { first: start, last: end };
}

function judge(ctx: PeopleContext, s: SentenceSpan, si: number, first: number, last: number): Candidate | null {
  const { t } = ctx;
  // capitalized ordinary words before a name are not part of it ("Trade Zulkifli Hasan", "Pour M. X"),
  // unless they are name syllables too ("To Lam")
  const prev = first > s.first ? t.norm[first - 1]! : "";
  // after "of"/"de" a capitalized ordinary word ends a title's complement ("Minister of Trade Zulkifli Hasan")
  if (first === s.first || (ctx.data.connectors.has(prev) && prev !== "et") || prev === "'" || prev === "s") {
    // in English only the words bodies are named with, and the ordinary words that are never given names
    // ("Foreign Affairs Penny Wong" keeps "Penny"; "for Foreign Affairs and Security Policy Federica Mogherini"
    // drops "Policy", the tail of the office's name)
    const officeWord = (i: number) => ctx.data.domainWords.has(t.norm[i]!) || (ctx.isNameForm != null && last - i > 2 && !ctx.isNameForm(t.lower[i]!));
    while (last - first > 1 && ctx.isCommon(t.lower[first]!) && !isNameSyllable(t.norm[first]!) && (ctx.data.lang !== "en" || officeWord(first))) first++;
  }
  const n = last - first;
  const common = t.lower.slice(first, last).map((x, k) => ctx.isCommon(x) && !isNameSyllable(t.norm[first + k]!));
  // a run of ordinary words is not a name ("Foreign Affairs", "Intérieur"), though one such word may be the
  // surname of someone named in full elsewhere ("General Mirza also met ..."): it may only join that person
  if (common.every(Boolean)) {
    return n === 1 ? { first, last, sentence: si, title: null, strong: false, country: null, countryBy: null, commonOnly: true } : null;
  }
  let before = titleBefore(ctx, s, first);
  const after = titleAfter(ctx, s, last);
  // "X, Minister of ... of Rwanda and Y, EU High Representative": across the conjunction the title is X's,
  // Y has an apposition of its own
  if (before && after && first > s.first && (t.norm[first - 1] === "and" || t.norm[first - 1] === "et")) before = null;
  // a title or an apposition makes a person; so does a full name that is not only ordinary words
  // ("Arabian Sea", "Mazagon Dock", "Five-Point Consensus": a last word that is an ordinary noun names a thing)
  // ("at Wisma Perwira", "à Bab Souika": after a place preposition an untitled name is a place)
  const atPlace = first > s.first && ctx.data.placePrepositions.has(t.norm[first - 1]!);
  const strong = before != null || after != null || (n >= 2 && !common[n - 1] && !atPlace);
  if (!strong) return { first, last, sentence: si, title: null, strong: false, country: null, countryBy: null };
  const title = before ?? after;
  let country: string | null = null;
  let countryBy: PersonEntity["countryBy"] = null;
  for (const range of [before, after]) {
    if (!range || country || countryBy) continue;
    for (let i = range.first; i < range.last; i++) {
      const p = ctx.index.placeOf[i]!;
      // "Ambassador to China", "ambassadeur en Tunisie": the state of posting, not the state served
      const pre = i > range.first ? t.norm[i - 1]! : "";
      if (p >= 0 && (pre === "to" || pre === "en" || pre === "in" || pre === "a" || pre === "au" || pre === "aupres")) {
        while (i + 1 < range.last && ctx.index.placeOf[i + 1] === p) i++;
        continue;
      }
      // "EU High Representative", "président d'Interpol": an international official serves no state
      if (p >= 0 && ctx.places[p]!.kind === "igo") {
        countryBy = "title";
        break;
      }
      if (p >= 0 && ctx.places[p]!.iso3) {
        country = ctx.places[p]!.iso3;
        countryBy = "title";
        break;
      }
      const o = ctx.index.orgOf[i]!;
      if (o >= 0 && ctx.orgs[o]!.country) {
        country = ctx.orgs[o]!.country;
        countryBy = "org";
        break;
      }
    }
  }
  if (!country) {
    const led = ledSideCountry(ctx, s, before ? before.first : first);
    if (led) {
      country = led;
      countryBy = "apposition";
    }
  }
  if (!country) {
    // "Retno Marsudi representing Indonesia", "Nguyen Van A (Vietnam)"
    const nx = last < s.last ? t.norm[last]! : "";
    const k = nx === "representing" || nx === "representant" || nx === "(" || nx === "of" || nx === "du" || nx === "de" ? last + 1 : -1;
    if (k > 0 && k < s.last) {
      const p = ctx.index.placeOf[k]!;
      if (p >= 0 && ctx.places[p]!.iso3 && ctx.places[p]!.kind === "country") {
        country = ctx.places[p]!.iso3;
        countryBy = "apposition";
      }
    }
  }
  return { first, last, sentence: si, title, title2: before && after ? after : null, strong, country, countryBy };
}

function buildEntities(ctx: PeopleContext, cands: Candidate[], skipped: ReadonlySet<number>): PeopleResult {
  const { t, text } = ctx;
  const people: PersonEntity[] = [];
  const mentions: PersonMention[] = [];
  const titleRanges: PeopleResult["titleRanges"] = [];
  const nameOf = (c: Candidate) => {
    if (![...skipped].some((k) => k >= c.first && k < c.last)) return text.slice(t.start[c.first]!, t.end[c.last - 1]!);
    // the name without the honorific inside it, pieces joined as written
    const parts: string[] = [];
    for (let k = c.first; k < c.last; k++) {
      if (skipped.has(k)) continue;
      const w = text.slice(t.start[k]!, t.end[k]!);
      if (w === "." && parts.length) parts[parts.length - 1] += ".";
      else parts.push(w);
    }
    return parts.join(" ");
  };
  // "Joko Widodos’ visit" beside "Joko Widodo": a possessive written with a stray s is the same name
  const plain = new Set<string>();
  for (const c of cands) for (let i = c.first; i < c.last; i++) if (!possessiveS(t, i, c.last)) plain.add(t.norm[i]!);
  const keyAt = (i: number) => {
    const k = t.norm[i]!;
    return possessiveS(t, i, i + 1) && plain.has(k.slice(0, -1)) ? k.slice(0, -1) : k;
  };
  const keysOf = (c: Candidate) =>
    t.norm
      .slice(c.first, c.last)
      .map((k, i) => (i === c.last - c.first - 1 ? keyAt(c.first + i) : k))
      .filter((k, i) => k !== "." && !PARTICLES.has(k) && !skipped.has(c.first + i));

  const find = (keys: string[]): number[] => {
    const out: number[] = [];
    people.forEach((p, k) => {
      const small = keys.length <= p.keys.length ? keys : p.keys;
      const big = new Set(keys.length <= p.keys.length ? p.keys : keys);
      const full = small.filter((x) => x.length > 1);
      if (full.length && full.every((x) => big.has(x)) && (small.length > 1 || p.keys.length > 1 || small[0] === p.keys[0])) out.push(k);
    });
    return out;
  };

  const attach = (k: number, c: Candidate) => {
    const p = people[k]!;
    const name = nameOf(c);
    const keys = keysOf(c);
    if (keys.length > p.keys.length) {
      if (!p.aliases.includes(p.name)) p.aliases.push(p.name);
      p.name = name;
      p.keys = keys;
    } else if (name !== p.name && !p.aliases.includes(name)) p.aliases.push(name);
    p.mentions.push({ start: t.start[c.first]!, end: t.end[c.last - 1]! });
    mentions.push({ start: t.start[c.first]!, end: t.end[c.last - 1]!, person: k });
    for (let i = c.first; i < c.last; i++) ctx.index.personOf[i] = k;
    if (c.country && (!p.country || rank(c.countryBy) < rank(p.countryBy))) {
      p.country = c.country;
      p.countryBy = c.countryBy;
    } else if (!p.country && !p.countryBy && c.countryBy) p.countryBy = c.countryBy;
    for (const r of [c.title, c.title2]) {
      if (!r) continue;
      const tt = text.slice(t.start[r.first]!, t.end[r.last - 1]!).replace(/\s+/g, " ");
      if (!p.titles.includes(tt)) p.titles.push(tt);
      titleRanges.push({ person: k, first: r.first, last: r.last });
    }
  };

  // strong candidates make people; the rest may only join one
  for (const c of cands) {
    if (!c.strong) continue;
    const keys = keysOf(c);
    if (!keys.length) continue;
    const hits = find(keys);
    if (hits.length >= 1) attach(hits[0]!, c);
    else {
      people.push({ name: nameOf(c), aliases: [], country: null, countryBy: null, titles: [], organization: null, mentions: [], keys });
      attach(people.length - 1, c);
    }
  }
  for (const c of cands) {
    if (c.strong) continue;
    const keys = keysOf(c);
    const hits = find(keys);
    if (hits.length !== 1) continue;
    const p = people[hits[0]!]!;
    if (c.commonOnly && !(p.keys.length > 1 && (p.keys[0] === keys[0] || p.keys[p.keys.length - 1] === keys[0]))) continue;
    attach(hits[0]!, c);
  }
  for (const p of people) {
    // the name as written without the stray possessive s, when the article also writes it so
    const bare = p.aliases.find((a) => a + "s" === p.name);
    if (bare) p.aliases = [...p.aliases.filter((a) => a !== bare), p.name], p.name = bare;
  }
  respectively(ctx, people, mentions);
  // the name's shape, among the states this article names, when nothing else told
  const states = new Set<string>();
  for (const p of ctx.places) if (p.iso3 && p.kind !== "igo") states.add(p.iso3);
  for (const p of people) {
    if (p.country || p.countryBy) continue;
    const g = guessCountryByShape(p.name, p.keys, [...states]);
    if (g) {
      p.country = g;
      p.countryBy = "shape";
    }
  }
  return { people, mentions, titleRanges };
}

/**
 * "the Maldivian side was headed by [Major General] X", "la délégation russe, conduite par le général X",
 * "a delegation from Laos led by X": the state of the side that the person at `at` leads.
 */
function ledSideCountry(ctx: PeopleContext, s: SentenceSpan, at: number): string | null {
  const { t, data } = ctx;
  let by = at - 1;
  while (by > s.first && data.definite.has(t.norm[by]!)) by--;
  let lead = -1;
  for (let k = Math.max(s.first, by - 3); k <= by && lead < 0; k++) if (data.delegationLead.matchAt(t, k, s.last)?.last === by + 1) lead = k;
  if (lead < 0) return null;
  // the side's noun a few words before the verb ("side was", "délégation russe ,")
  // "une délégation de l'état-major des armées françaises, conduite par": the side's body may come between
  for (let k = lead - 1; k >= s.first && lead - k <= 10; k--) {
    if (ctx.index.personOf[k]! >= 0) return null;
    if (!data.delegationSides.has(t.norm[k]!)) continue;
    for (let j = Math.max(s.first, k - 3); j < lead; j++) {
      if (t.flags[j]! & IS_PUNCT && t.norm[j] !== "," && t.norm[j] !== "'" && t.norm[j] !== "-") break;
      if (j === k) continue;
      const p = ctx.index.placeOf[j]!;
      const pl = p >= 0 ? ctx.places[p]! : null;
      if (pl?.iso3 && (pl.kind === "country" || pl.kind === "demonym")) return pl.iso3;
      const o = ctx.index.orgOf[j]!;
      if (o >= 0 && ctx.orgs[o]!.country) return ctx.orgs[o]!.country;
    }
    return null;
  }
  return null;
}

/** token i is the last of a name, ends in s, and an apostrophe follows it ("Widodos’") */
function possessiveS(t: PeopleContext["t"], i: number, last: number): boolean {
  const k = t.norm[i]!;
  return i === last - 1 && k.length > 3 && k.endsWith("s") && /^['’]$/.test(t.norm[i + 1] ?? "");
}

const rank = (by: PersonEntity["countryBy"]) => (by === "title" ? 0 : by === "org" ? 1 : by === "apposition" ? 2 : by === "shape" ? 3 : 4);

function coveredByTitle(ctx: PeopleContext, s: SentenceSpan, i: number): boolean {
  for (let k = Math.max(s.first, i - 3); k < i; k++) {
    const m = ctx.data.titles.matchAt(ctx.t, k, s.last);
    if (m && m.last > i) return true;
  }
  return false;
}

/** "les ministres de la France, du Maroc et de l'Espagne, respectivement A, B et C": states map onto people in order. */
function respectively(ctx: PeopleContext, people: PersonEntity[], mentions: PersonMention[]): void {
  const { t, data } = ctx;
  for (const s of ctx.sentences) {
    for (let i = s.first; i < s.last; i++) {
      if (!data.respectively.has(t.norm[i]!)) continue;
      const states: string[] = [];
      for (let k = s.first; k < i; k++) {
        const p = ctx.index.placeOf[k]!;
        if (p < 0) continue;
        const pl = ctx.places[p]!;
        if (pl.iso3 && (pl.kind === "country" || pl.kind === "demonym") && states[states.length - 1] !== pl.iso3) states.push(pl.iso3);
        while (k + 1 < i && ctx.index.placeOf[k + 1] === p) k++;
      }
      const named: number[] = [];
      for (const m of mentions) {
        if (m.start > t.start[i]! && m.end <= s.end && !named.includes(m.person)) named.push(m.person);
      }
      if (states.length < 2 || states.length !== named.length) continue;
      named.forEach((p, k) => {
        const person = people[p]!;
        if (person.countryBy === "title" || person.countryBy === "org") return;
        person.country = states[k]!;
        person.countryBy = "apposition";
      });
    }
  }
}
