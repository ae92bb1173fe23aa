// Agreements the main text names: a noun of the language data ("programme de coopération", "memorandum
// of understanding", "Treaty") with its complement as title; status from the cue words around it
// (signed / referenced / planned); validity period and signing year from the dates inside it.
import type { AgreementRecord, EventRecord, SentenceSpan } from "../core/annotations.js";
import { type ExtractContext, datesIn, mainCountries, orgsIn } from "./context.js";
import { IS_PUNCT, IS_UPPER } from "../segment/tokens.js";

const STOP = new Set(["a", "ont", "est", "sont", "qui", "que", "sera", "seront", "avait", "which", "that", "was", "were", "is", "are", "has", "have", "will", "would", "had", "been"]);
const MAX_TITLE = 30;

export function extractAgreements(ctx: ExtractContext, events: EventRecord[]): AgreementRecord[] {
  const { t, data } = ctx;
  const out: AgreementRecord[] = [];
  const main = mainCountries(ctx);
  ctx.sentences.forEach((s, si) => {
    if (s.zone !== "body") return;
    for (const m of data.agreementKinds.scan(t, s.first, s.last)) {
      const nounNorm = t.norm.slice(m.first, m.last).join(" ");
      // a capitalized word inside an organization's name is not an agreement ("Accord" in a party name)
      if (ctx.index.orgOf[m.first]! >= 0) continue;
      // "traite des êtres humains" is trafficking, not a treaty
      const forms = data.accentSensitive.get(t.norm[m.first]!);
      if (forms && !forms.includes(t.lower[m.first]!)) continue;
      const last = titleEnd(ctx, s, m.last);
      // "Abidjan Declaration", "Security Arrangement 1972": capitalized words before a capitalized noun belong to its name
      let first = m.first;
      if (t.flags[m.first]! & IS_UPPER) {
        while (first > s.first && m.first - first < 4 && (t.flags[first - 1]! & IS_UPPER) && !(t.flags[first - 1]! & IS_PUNCT) && !data.stopwords.has(t.norm[first - 1]!) && ctx.index.personOf[first - 1]! < 0 && first - 1 > s.first) first--;
      }
      // English puts what an agreement is about before the noun: "the health cooperation agreement"
      let modified = false;
      if (data.lang === "en" && first === m.first) {
        while (first > s.first && m.first - first < 3 && !(t.flags[first - 1]! & (IS_PUNCT | IS_UPPER)) && !data.stopwords.has(t.norm[first - 1]!) && !data.agreementStatus.matchAt(t, first - 1, m.first)) first--;
        modified = first < m.first;
      }
      const title = ctx.text.slice(t.start[first]!, t.end[last - 1]!);
      const specific = last > m.last || m.last - m.first > 1 || (t.flags[m.first]! & IS_UPPER) !== 0 || (modified && statusOf(ctx, s, m.first, last) !== "referenced");
      // "(SOM Treaty)": a short name in brackets after the full title is the same agreement
      if (t.norm[first - 1] === "(" && out.some((a) => a.sentence === si)) continue;
      const generic = data.genericPlural.has(nounNorm);
      if (generic && !specific) continue;
      // "sont d'accord pour": the idiom, not an agreement
      if (t.norm[m.first - 1] === "d'" && m.last - m.first === 1) continue;
      // a bare noun with no complement refers to one already named ("L'accord a été signé par ...")
      if (!specific && out.length) continue;
      let status = statusOf(ctx, s, m.first, last);
      // a bare noun only mentioned ("the program") names nothing to record
      if (!specific && status === "referenced") continue;
      const inside = datesIn(ctx, t.start[m.first]!, t.end[Math.min(s.last, last + 4) - 1]!);
      const around = datesIn(ctx, s.start, s.end);
      const per = inside.find((d) => d.kind === "period") ?? around.find((d) => d.kind === "period" && d.start > t.start[m.first]!);
      const year = inside.find((d) => d.kind === "year") ?? around.find((d) => d.kind === "year" && d.start > t.start[m.first]!);
      let period: AgreementRecord["period"] = per ? { from: per.periodFrom ?? null, to: per.periodTo ?? null } : null;
      let date: string | null = null;
      if (!period && year && m.value === "programme") {
        const y = Number(year.value);
        period = { from: y, to: y };
      } else if (year && status !== "planned") date = year.value;
      // "signé entre les deux ministères en 2019": signed in a year before the article's, so only referenced now
      const pubYear = ctx.published ? Number(ctx.published.slice(0, 4)) : null;
      if (status === "signed" && date && /^\d{4}$/.test(date) && (pubYear == null || Number(date) < pubYear)) status = "referenced";
      const parties = orgsIn(ctx, m.first, last).filter((o) => ctx.orgs[o]!.country || ctx.orgs[o]!.sector === "IGO");
      const countries = new Set<string>();
      for (const o of parties) {
        const c = ctx.orgs[o]!.country;
        if (c) countries.add(c);
      }
      for (let i = m.first; i < last; i++) {
        const p = ctx.index.placeOf[i]!;
        if (p >= 0 && ctx.places[p]!.iso3 && ctx.places[p]!.kind !== "igo") countries.add(ctx.places[p]!.iso3!);
      }
      const signing = events.find((e) => e.kind === "signing" && e.sentence === si) ?? events.find((e) => e.kind === "signing" && e.evidence.some((ev) => ev.start === s.start));
      if (status === "signed" && signing) {
        if (!date) date = signing.date;
        if (countries.size < 2) for (const c of signing.countries) countries.add(c);
      }
      if (countries.size < 2) for (const c of main.slice(0, 2)) countries.add(c);
      const rec: AgreementRecord = {
        kind: m.value,
        title,
        status,
        date,
        period,
        countries: [...countries],
        parties,
        areas: [],
        // "les accords signés", "agreements in various fields": vague plural mentions are background
        background: generic && !(t.flags[m.first]! & IS_UPPER),
        evidence: [{ start: s.start, end: s.end }],
        sentence: si,
      };
      const same = out.find((a) => a.kind === rec.kind && samePeriod(a, rec) && (a.title === rec.title || (a.period && rec.period)));
      if (same) {
        same.evidence.push(...rec.evidence);
        continue;
      }
      out.push(rec);
    }
  });
  return out;
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
function titleEnd(ctx: ExtractContext, s: SentenceSpan, from: number): number {
  const { t, data } = ctx;
  let last = from;
  let i = from;
  // a period or year right after the noun: "Plan de coopération 2023", "programme 2019-2021"
  const opens = (k: number) => k < s.last && (data.titlePrepositions.has(t.norm[k]!) || /^\d{4}$/.test(t.norm[k]!) || data.orgAdjectives.has(t.norm[k]!) || ctx.index.placeOf[k]! >= 0 || (t.flags[k]! & IS_UPPER) !== 0);
  if (!opens(i)) return from;
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
    if ((n === "et" || n === "and" || n === "as") && i + 1 < s.last) {
      let k = i + 1;
      while (k < s.last && (data.definite.has(t.norm[k]!) || t.norm[k] === "another" || t.norm[k] === "un" || t.norm[k] === "une" || t.norm[k] === "a" || t.norm[k] === "well")) k++;
      if (data.agreementKinds.matchAt(t, k, s.last)) break;
    }
    // a participle or verb after the name ends it: "... Côte d'Ivoire-Ghana organisé", "... released after"
    if (i > from && !(t.flags[i]! & IS_UPPER) && !data.connectors.has(t.norm[i - 1]!) && !data.titlePrepositions.has(t.norm[i - 1]!) && /(e|ee|es|ees|ed|ue|ues|ait|ent)$/.test(n) && data.agreementStatus.matchAt(t, i, s.last)) break;
    if (i > from && !(t.flags[i]! & IS_UPPER) && /^(organise|organisee|conclu|conclue|conclus|conclues|released|reflects|include|includes|aimed|aims|held|tenu|tenue|signe|signee|signes|signees|signed|inked|adopte|adopted|renewed|renouvele)$/.test(n)) break;
    last = i + 1;
  }
  while (last > from && (data.connectors.has(t.norm[last - 1]!) || data.titlePrepositions.has(t.norm[last - 1]!))) last--;
  return Math.max(last, from);
}

function statusOf(ctx: ExtractContext, s: SentenceSpan, first: number, last: number): AgreementRecord["status"] {
  const { t, data } = ctx;
  const cues = data.agreementStatus.scan(t, s.first, s.last);
  const near = (m: { first: number }) => Math.abs(m.first - first) <= 14 || (m.first >= first && m.first <= last + 6);
  if (cues.some((c) => c.value === "planned" && near(c))) return "planned";
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
  // both kinds of cue: the one nearer the noun tells ("put his signature under the agreement")
  if (before.length && signed.length) {
    const gap = (c: { first: number; last: number }) => (c.first < first ? first - c.last : c.first - last);
    return Math.min(...signed.map(gap)) < Math.min(...before.map(gap)) ? "signed" : "referenced";
  }
  if (before.length) return "referenced";
  if (signed.length) return "signed";
  return "referenced";
}
