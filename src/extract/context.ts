// What the event and agreement extractors read: the recognized layers of one document.
import type { LangData } from "../lang/index.js";
import type { DateSpan, Dateline, OrgEntity, OrgMention, PersonEntity, Place, SentenceSpan } from "../core/annotations.js";
import type { TokenTable } from "../segment/tokens.js";
import type { TokenIndex } from "../recognize/token-index.js";

export interface ExtractContext {
  text: string;
  t: TokenTable;
  data: LangData;
  sentences: readonly SentenceSpan[];
  places: readonly Place[];
  dates: readonly DateSpan[];
  dateline: Dateline | null;
  orgs: readonly OrgEntity[];
  orgMentions: readonly OrgMention[];
  people: PersonEntity[];
  index: TokenIndex;
  published: string | null;
}

/** The states an article is mostly about, most mentioned first (people's states count double). */
export function mainCountries(ctx: ExtractContext): string[] {
  const count = new Map<string, number>();
  const add = (c: string | null, w: number) => c && count.set(c, (count.get(c) ?? 0) + w);
  const body = ctx.sentences.filter((s) => s.zone === "body");
  for (const p of ctx.places) {
    if (!p.iso3 || p.kind === "igo") continue;
    if (body.some((s) => p.start >= s.start && p.end <= s.end)) add(p.iso3, 1);
  }
  for (const p of ctx.people) add(p.country, 2 * p.mentions.length);
  return [...count.entries()].sort((a, b) => b[1] - a[1]).map(([c]) => c);
}

export function datesIn(ctx: ExtractContext, start: number, end: number): DateSpan[] {
  return ctx.dates.filter((d) => d.start >= start && d.end <= end);
}

export function placesIn(ctx: ExtractContext, start: number, end: number): Place[] {
  return ctx.places.filter((p) => p.start >= start && p.end <= end);
}

export function peopleIn(ctx: ExtractContext, first: number, last: number): number[] {
  const out: number[] = [];
  for (let i = first; i < last; i++) {
    const p = ctx.index.personOf[i]!;
    if (p >= 0 && !out.includes(p)) out.push(p);
  }
  return out;
}

export function orgsIn(ctx: ExtractContext, first: number, last: number): number[] {
  const out: number[] = [];
  for (let i = first; i < last; i++) {
    const o = ctx.index.orgOf[i]!;
    // a news medium reports an event, it takes no part in it
    if (o >= 0 && !out.includes(o) && ctx.orgs[o]!.sector !== "MED") out.push(o);
  }
  return out;
}
