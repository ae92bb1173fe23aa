// Agreements the main text names: a noun of the language data ("programme de coopération", "memorandum
// of understanding", "Treaty") with its complement as title; status from the cue words around it
// (signed / referenced / planned); validity period and signing year from the dates inside it.
import type { AgreementRecord, EventRecord, SentenceSpan } from "../core/annotations.js";
import type { AgreementKind } from "../lang/index.js";
import { type ExtractContext, datesIn, mainCountries, orgsIn } from "./context.js";
import { IS_PUNCT, IS_UPPER } from "../segment/tokens.js";
import { titleWords } from "../merge/agreements.js";
import { fieldText, isField, listAfter, listItems, listStarts, singularHead, titleCaseEnd } from "./lists.js";

const STOP = new Set(["a", "ont", "est", "sont", "qui", "que", "sera", "seront", "avait", "which", "that", "was", "were", "is", "are", "has", "have", "will", "would", "had", "been"]);
const MAX_TITLE = 30;

export function extractAgreements(ctx: ExtractContext, events: EventRecord[]): AgreementRecord[] {
  const { t, data } = ctx;
  const out: AgreementRecord[] = [];
  const main = mainCountries(ctx);
  ctx.sentences.forEach((s, si) => {
    if (s.zone !== "body") return;
    const lists = listStarts(ctx, s);
    for (const m of data.agreementKinds.scan(t, s.first, s.last)) {
      const nounNorm = t.norm.slice(m.first, m.last).join(" ");
      // a capitalized word inside an organization's name is not an agreement ("Accord" in a party name)
      if (ctx.index.orgOf[m.first]! >= 0) continue;
      // "traite des êtres humains" is trafficking, not a treaty
      const forms = data.accentSensitive.get(t.norm[m.first]!);
      if (forms && !forms.includes(t.lower[m.first]!)) continue;
      const inList = lists.some((l) => l.at <= m.first);
      const { last, coordinated } = titleEnd(ctx, s, m.last, inList, m.last - m.first > 1);
      // "Abidjan Declaration", "Security Arrangement 1972": capitalized words before a capitalized noun belong to its name
      let first = m.first;
      if (t.flags[m.first]! & IS_UPPER) {
        while (first > s.first && m.first - first < 4 && (t.flags[first - 1]! & IS_UPPER) && !(t.flags[first - 1]! & IS_PUNCT) && !data.stopwords.has(t.norm[first - 1]!) && ctx.index.personOf[first - 1]! < 0 && first - 1 > s.first) first--;
      }
      // English puts what an agreement is about before the noun: "the health cooperation agreement"
      let modified = false;
      if (data.lang === "en" && first === m.first) {
        while (first > s.first && m.first - first < 3 && !(t.flags[first - 1]! & (IS_PUNCT | IS_UPPER)) && !data.stopwords.has(t.norm[first - 1]!) && !data.agreementStatus.matchAt(t, first - 1, m.first)) first--;
        // "the 2023-2025 cooperation plan", "the 2024 defence cooperation plan": a year or period before it is its own
        if (first > s.first && /^\d{4}$/.test(t.norm[first - 1]!)) {
          first--;
          if (first - 2 >= s.first && (t.norm[first - 1] === "-" || t.norm[first - 1] === "–") && /^\d{4}$/.test(t.norm[first - 2]!)) first -= 2;
        }
        modified = first < m.first;
      }
      const title = ctx.text.slice(t.start[first]!, t.end[last - 1]!);
      const specific = last > m.last || m.last - m.first > 1 || (t.flags[m.first]! & IS_UPPER) !== 0 || (modified && statusOf(ctx, s, m.first, last) !== "referenced");
      // "(SOM Treaty)": a short name in brackets after the full title is the same agreement
      if (t.norm[first - 1] === "(" && out.some((a) => a.sentence === si)) continue;
      // "6 cooperation documents in the following areas: ...", "agreements, including the Treaty ...": the
      // head only counts what its list names, each item is recorded instead
      const list = listAfter(ctx, lists, m.first, m.last, last);
      const items = list ? listItems(ctx, s, list.at) : [];
      const fields = list?.fields ? items.filter((x) => isField(ctx, s, x)) : [];
      if (list && (fields.length || items.some((x) => x.named))) {
        const head = singularHead(ctx, m.first, m.last);
        for (const f of fields) {
          const rec = record(ctx, s, si, events, main, { kind: m.value, last: f.last, nounFirst: f.first, title: `${head} ${data.fieldLink} ${fieldText(ctx, f)}` });
          if (rec) out.push(rec);
        }
        continue;
      }
      const generic = data.genericPlural.has(nounNorm);
      if (generic && !specific) continue;
      // "sont d'accord pour": the idiom, not an agreement
      if (t.norm[m.first - 1] === "d'" && m.last - m.first === 1) continue;
      // a bare noun with no complement refers to one already named ("L'accord a été signé par ...")
      if (!specific && out.length) continue;
      const status = statusOf(ctx, s, m.first, last);
      // a bare noun only mentioned ("the program") names nothing to record
      if (!specific && status === "referenced") continue;
      const rec = record(ctx, s, si, events, main, { kind: m.value, last, nounFirst: m.first, title, status, background: generic && !(t.flags[m.first]! & IS_UPPER), first });
      const same = out.find((a) => a.kind === rec.kind && samePeriod(a, rec) && (a.title === rec.title || (a.period && rec.period))) ??
        (first > s.first && data.definite.has(t.norm[first - 1]!) ? namedBefore(out, rec) : undefined);
      if (same) same.evidence.push(...rec.evidence);
      else out.push(rec);
      // "namely the Agreement on Border Trade and the Cooperation for the Promotion of Investments": a name in
      // title case coordinated in a list is a document of its own, though no agreement noun heads it
      for (let k = coordinated; k !== null; ) {
        const end = titleCaseEnd(ctx, s, k);
        const named = ctx.text.slice(t.start[k]!, t.end[end - 1]!);
        if (!out.some((a) => a.sentence === si && a.title === named)) out.push(record(ctx, s, si, events, main, { kind: "other", last: end, nounFirst: k, title: named }));
        k = coordinatedAt(ctx, s, end);
      }
    }
  });
  return foldBareIntoNamed(out);
}

/**
 * "signed on Monday a pact that ... Kamikawa and Teodoro signed the Reciprocal Access Agreement": a bare noun told
 * just before a named agreement of the same kind and status is that agreement, first told by its noun alone.
 */
function foldBareIntoNamed(out: AgreementRecord[]): AgreementRecord[] {
  const gone = new Set<AgreementRecord>();
  for (const bare of out) {
    if (bare.background || !bare.title || /\s/.test(bare.title.trim())) continue;
    const named = out.find((q) => q !== bare && !gone.has(q) && !q.background && q.kind === bare.kind && q.status === bare.status &&
      q.sentence > bare.sentence && q.sentence - bare.sentence <= 2 && /\p{Lu}/u.test(q.title ?? "") && samePeriod(q, bare));
    if (!named || out.some((q) => q !== bare && q !== named && q.kind === bare.kind && !q.background && q.sentence <= named.sentence)) continue;
    named.evidence.unshift(...bare.evidence);
    for (const c of bare.countries) if (!named.countries.includes(c)) named.countries.push(c);
    gone.add(bare);
  }
  return gone.size ? out.filter((a) => !gone.has(a)) : out;
}

/**
 * "the signing of the agreement on maritime boundary demarcation": a definite mention whose words all belong
 * to the title of one agreement of the same kind told before is that agreement.
 */
function namedBefore(out: AgreementRecord[], rec: AgreementRecord): AgreementRecord | undefined {
  const mine = titleWords(rec.title);
  if (!mine.size) return undefined;
  // the title words leave states out: "between Russia and Zambia" is not the one "between Russia and Guinea-Bissau"
  const states = (a: AgreementRecord) => [...a.countries].sort().join();
  const hits = out.filter((a) => a.kind === rec.kind && samePeriod(a, rec) && states(a) === states(rec) && [...mine].every((w) => titleWords(a.title).has(w)));
  return hits.length === 1 ? hits[0] : undefined;
}

interface Span {
  kind: AgreementKind;
  /** end of the title (token after it) */
  last: number;
  /** where the agreement noun (or the name) starts: status cues and dates are read from there */
  nounFirst: number;
  title: string;
  status?: AgreementRecord["status"];
  background?: boolean;
  /** where the title starts, when words before the noun belong to it ("the 2023-2025 cooperation plan") */
  first?: number;
}

/** The record of one agreement: status, period and date, parties and states from its sentence. */
function record(ctx: ExtractContext, s: SentenceSpan, si: number, events: EventRecord[], main: string[], x: Span): AgreementRecord {
  const { t } = ctx;
  const last = x.last;
  let status = x.status ?? statusOf(ctx, s, x.nounFirst, last);
  const inside = datesIn(ctx, t.start[x.first ?? x.nounFirst]!, t.end[Math.min(s.last, last + 4) - 1]!);
  // "un accord de sécurité et un programme d'action pour la période 2024-2026": the period is the next agreement's,
  // and so is one written before it ("..., and implement the 2023-2025 cooperation plan")
  const next = ctx.data.agreementKinds.scan(t, last, s.last)[0];
  let bound = next ? next.first : s.last;
  if (next && ctx.data.lang === "en") {
    while (bound > last && bound - next.first < 4 && !(t.flags[bound - 1]! & IS_UPPER) && !ctx.data.stopwords.has(t.norm[bound - 1]!) && t.norm[bound - 1] !== ",") bound--;
  }
  const around = datesIn(ctx, s.start, bound < s.last ? t.start[bound]! : s.end);
  const per = inside.find((d) => d.kind === "period") ?? around.find((d) => d.kind === "period" && d.start > t.start[x.nounFirst]!);
  const year = inside.find((d) => d.kind === "year") ?? around.find((d) => d.kind === "year" && d.start > t.start[x.nounFirst]!);
  let period: AgreementRecord["period"] = per ? { from: per.periodFrom ?? null, to: per.periodTo ?? null } : null;
  let date: string | null = null;
  if (!period && year && x.kind === "programme") {
    const y = Number(year.value);
    period = { from: y, to: y };
  } else if (year && status !== "planned") date = year.value;
  // "signé entre les deux ministères en 2019": signed in a year before the article's, so only referenced now
  const pubYear = ctx.published ? Number(ctx.published.slice(0, 4)) : null;
  if (status === "signed" && date && /^\d{4}$/.test(date) && (pubYear == null || Number(date) < pubYear)) status = "referenced";
  const parties = orgsIn(ctx, x.nounFirst, last).filter((o) => ctx.orgs[o]!.country || ctx.orgs[o]!.sector === "IGO");
  const countries = new Set<string>();
  for (const o of parties) {
    const c = ctx.orgs[o]!.country;
    if (c) countries.add(c);
  }
  for (let i = x.nounFirst; i < last; i++) {
    const p = ctx.index.placeOf[i]!;
    if (p >= 0 && ctx.places[p]!.iso3 && ctx.places[p]!.kind !== "igo") countries.add(ctx.places[p]!.iso3!);
  }
  const signing = events.find((e) => e.kind === "signing" && e.sentence === si) ?? events.find((e) => e.kind === "signing" && e.evidence.some((ev) => ev.start === s.start));
  if (status === "signed" && signing) {
    if (!date) date = signing.date;
    if (countries.size < 2) for (const c of signing.countries) countries.add(c);
  }
  if (countries.size < 2) for (const c of main.slice(0, 2)) countries.add(c);
  return {
    kind: x.kind,
    title: x.title,
    status,
    date,
    period,
    countries: [...countries],
    parties,
    areas: [],
    // "les accords signés", "agreements in various fields": vague plural mentions are background
    background: x.background ?? false,
    evidence: [{ start: s.start, end: s.end }],
    sentence: si,
  };
}

function samePeriod(a: AgreementRecord, b: AgreementRecord): boolean {
  const k = (x: AgreementRecord) => (x.period ? `${x.period.from}-${x.period.to}` : "");
  return k(a) === k(b);
}

/**
 * Where the title of an agreement ends: its complement opens with a preposition of the language data
 * ("de coopération", "on border trade", "entre les deux ministères") and runs to a clause boundary, a
 * verb, or the next agreement of a list ("... et le Plan de coopération", "and another treaty").
 */
function titleEnd(ctx: ExtractContext, s: SentenceSpan, from: number, inList: boolean, complemented = false): { last: number; coordinated: number | null } {
  const { t, data } = ctx;
  let last = from;
  let i = from;
  let coordinated: number | null = null;
  // a period or year right after the noun: "Plan de coopération 2023", "programme 2019-2021"
  const opens = (k: number) => k < s.last && (data.titlePrepositions.has(t.norm[k]!) || /^\d{4}$/.test(t.norm[k]!) || data.orgAdjectives.has(t.norm[k]!) || ctx.index.placeOf[k]! >= 0 || (t.flags[k]! & IS_UPPER) !== 0);
  // "programme de coopération culturelle", "programme exécutif de coopération": an adjective goes on with the
  // title when the noun already has a complement or one follows it (not "le programme actuel")
  const adjective = (k: number) => k < s.last && !(t.flags[k]! & IS_UPPER) && t.norm[k]!.length > 4 && data.adjectiveEnding.test(t.norm[k]!) && !data.agreementStatus.matchAt(t, k, s.last);
  const extended = adjective(i) && (complemented || opens(i + 1));
  if (!opens(i) && !extended) return { last: from, coordinated };
  for (; i < s.last && i - from < MAX_TITLE; i++) {
    const n = t.norm[i]!;
    if (t.flags[i]! & IS_PUNCT) {
      if (n === "-" || n === "'") continue;
      if (n === "(" && i + 2 < s.last && t.norm[i + 2] === ")") {
        last = i + 3;
        i += 2;
        continue;
      }
      break;
    }
    if (STOP.has(n)) break;
    // "signed the Reciprocal Access Agreement with Philippine Defense Secretary X": the co-signer is no part of the title
    if ((n === "with" || n === "avec") && i + 1 < s.last) {
      let k = i + 1;
      while (k < s.last && data.definite.has(t.norm[k]!)) k++;
      if (ctx.index.personOf[k]! >= 0 || data.titles.matchAt(t, k, s.last) || (ctx.index.placeOf[k]! >= 0 && data.titles.matchAt(t, k + 1, s.last))) break;
    }
    // "a protocol on military training cooperation on Wednesday": a day or a month after the title is the signing's
    if (i > from && dayOrMonthAt(ctx, i + 1) && data.titlePrepositions.has(n)) break;
    if (i > from && dayOrMonthAt(ctx, i)) break;
    // "the cooperation plan for 2021-2025 and agreed to ...": a verb after the conjunction starts a new clause
    if ((n === "et" || n === "and") && i + 1 < s.last && !(t.flags[i + 1]! & IS_UPPER) && data.clauseVerbs.has(t.norm[i + 1]!)) break;
    if ((n === "et" || n === "and" || n === "as") && i + 1 < s.last) {
      let k = i + 1;
      while (k < s.last && (data.definite.has(t.norm[k]!) || t.norm[k] === "another" || t.norm[k] === "un" || t.norm[k] === "une" || t.norm[k] === "a" || t.norm[k] === "well")) k++;
      if (data.agreementKinds.matchAt(t, k, s.last)) break;
      if (inList && (coordinated = coordinatedAt(ctx, s, i)) !== null) break;
    }
    // a participle or verb after the name ends it: "... Côte d'Ivoire-Ghana organisé", "... released after"
    if (i > from && !(t.flags[i]! & IS_UPPER) && !data.connectors.has(t.norm[i - 1]!) && !data.titlePrepositions.has(t.norm[i - 1]!) && /(e|ee|es|ees|ed|ue|ues|ait|ent)$/.test(n) && data.agreementStatus.matchAt(t, i, s.last)) break;
    if (i > from && !(t.flags[i]! & IS_UPPER) && /^(organise|organisee|conclu|conclue|conclus|conclues|released|reflects|include|includes|aimed|aims|held|tenu|tenue|signe|signee|signes|signees|signed|inked|adopte|adopted|renewed|renouvele)$/.test(n)) break;
    last = i + 1;
  }
  // "... between the two ministries effectively": an adverb closing the clause is not the title's
  const adverb = (k: number) => data.lang === "en" && t.norm[k]!.length > 5 && t.norm[k]!.endsWith("ly") && !(t.flags[k]! & IS_UPPER);
  while (last > from && (data.connectors.has(t.norm[last - 1]!) || data.titlePrepositions.has(t.norm[last - 1]!) || adverb(last - 1))) last--;
  return { last: Math.max(last, from), coordinated };
}

/** a date that is not a bare year or period (those name programmes: "programme 2019-2021") starts at token k */
function dayOrMonthAt(ctx: ExtractContext, k: number): boolean {
  if (k >= ctx.t.n) return false;
  const at = ctx.t.start[k]!;
  return ctx.dates.some((d) => d.start === at && d.kind !== "year" && d.kind !== "period");
}

/**
 * "... and the Cooperation for the Promotion of Investments": at a conjunction of a list, the start of a
 * coordinated name in title case (not a body, place or person: "and the Government of X" continues a title).
 */
function coordinatedAt(ctx: ExtractContext, s: SentenceSpan, i: number): number | null {
  const { t, data } = ctx;
  if (i >= s.last || (t.norm[i] !== "and" && t.norm[i] !== "et")) return null;
  let k = i + 1;
  if (!(k < s.last && data.definite.has(t.norm[k]!))) return null;
  k++;
  if (k >= s.last || !(t.flags[k]! & IS_UPPER) || ctx.index.orgOf[k]! >= 0 || ctx.index.placeOf[k]! >= 0 || ctx.index.personOf[k]! >= 0) return null;
  if (data.agreementKinds.matchAt(t, k, s.last)) return null;
  return titleCaseEnd(ctx, s, k) > k ? k : null;
}

function statusOf(ctx: ExtractContext, s: SentenceSpan, first: number, last: number): AgreementRecord["status"] {
  const { t, data } = ctx;
  const cues = data.agreementStatus.scan(t, s.first, s.last);
  const near = (m: { first: number }) => Math.abs(m.first - first) <= 14 || (m.first >= first && m.first <= last + 6);
  // "le mémorandum, signé lundi, prévoit des patrouilles": after the title a provision word tells its content
  const provision = (c: { first: number; last: number }) => c.first >= last && data.provisions.matchAt(t, c.first, s.last) != null;
  if (cues.some((c) => c.value === "planned" && near(c) && !provision(c))) return "planned";
  // "put his signature under the agreement": a reference word right after a signing word belongs to it
  const before = cues.filter((c) => c.first < first && c.value === "referenced" && first - c.first <= 6 && !cues.some((x) => x.value === "signed" && x.last === c.first));
  // a signing verb anywhere before the noun ("Lavrov signed a memorandum ..., as well as a memorandum on ..."), or close after it
  const signed = cues.filter((c) => c.value === "signed" && (c.first < first || near(c)));
  // "signé en 2018", "signed in 2013": signed some earlier year
  const yearAfterSigned = signed.some((c) => {
    const k = c.last;
    return k + 1 < s.last && (t.norm[k] === "en" || t.norm[k] === "in") && /^\d{4}$/.test(t.norm[k + 1]!);
  });
  if (yearAfterSigned) return "referenced";
  // a participle after the title, "signé en juin dernier", "signed last year": a signing told as past
  const after = signed.filter((c) => c.first >= last);
  const pastAfter = after.some((c) => {
    const from = c.last < s.last ? t.start[c.last]! : s.end;
    const to = c.last + 4 < s.last ? t.end[c.last + 4]! : s.end;
    return datesIn(ctx, from, to).some((d) => d.relative === "past");
  });
  if (pastAfter && after.length === signed.length) return "referenced";
  // "continue to implement the plan signed by the two ministries": the participle recalls the signing
  if (before.length && signed.length && after.length === signed.length) return "referenced";
  // both kinds of cue: the one nearer the noun tells ("put his signature under the agreement")
  if (before.length && signed.length) {
    const gap = (c: { first: number; last: number }) => (c.first < first ? first - c.last : c.first - last);
    return Math.min(...signed.map(gap)) < Math.min(...before.map(gap)) ? "signed" : "referenced";
  }
  if (before.length) return "referenced";
  if (signed.length) return "signed";
  return "referenced";
}
