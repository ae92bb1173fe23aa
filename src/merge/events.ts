// Events across articles: reports of one real event become one record.
//
// Two reports can be one event only when (hard constraints, checked for every pair inside a cluster):
// - they come from different articles (an article's own events are distinct);
// - their kinds are compatible: meeting, call and conference are one class (CONSULT), a visit only matches a
//   visit (a visit and the meetings held during it are separate events), signing and other are their own classes;
//   a call matches a meeting or conference only when both give the same full day;
// - their dates do not clash ("--07-25" fits "2017-07-25"); two visits also fit when one's date lies within the
//   other's range; a reported event without a full date lies within two weeks before its article's publication,
//   and one without any date near the article's other dated reported events (when those span a month at most);
// - their places do not clash (two states, both named in the events' own evidence other than as a dateline);
// - their participants do not conflict: for a state both name people for, they share one of them (signings
//   and other events are exempt: their reports name signatories or witnesses, or leaders, inconsistently);
// - they share states: at least two, or the one a single-state event (with an organization) has.
// Evidence that they are one (the links, taken greedily from the strongest):
// A. a shared participant (the same merged person);
// B. for a report naming nobody: the same set of states on the same full day in a compatible place, or, for a
//    background mention with a day ("the meeting on 25 July"), a reported event of its states on that day; it
//    joins that event only when it is the only one it fits;
// C. two articles already known to report the same occasion (they share a merged event, or are near-duplicate
//    copies) pair their remaining events of the same kind when each is the other's only compatible counterpart.
import { Blocks, monthsOf, stateFileKeys, stateLookupKeys } from "./blocking.js";
import { combineDates, dateSpan, datesClash, hasDay, hull, isFullDate, parseDate, precision, sameDay, spanDays, spansOverlap, widen, withinRange, type Span } from "./dates.js";
import { best, conflictsOf, support } from "./explain.js";
import { placeKey, placeRelation, type PlaceKey } from "./places.js";
import type { EventView, MergedEvent, PlaceRef, SourceRef } from "./types.js";
import { shortId, ConstrainedClusters, cmp, onlyCounterparts } from "./util.js";

export interface EventReport {
  article: string;
  index: number;
  view: EventView;
  /** merged person ids of the participants, with the state each serves */
  people: ReadonlyMap<string, string | null>;
  /** publication date of the article */
  published: string | null;
}

const CONSULT = new Set(["meeting", "call", "conference"]);
/** The class within which kinds may be merged. */
export function eventClass(kind: string): string {
  if (kind === "visit") return "VISIT";
  if (CONSULT.has(kind)) return "CONSULT";
  return kind === "signing" ? "SIGN" : "OTHER";
}

interface R {
  src: EventReport;
  cls: string;
  countries: string[];
  place: PlaceKey | null;
  /** stretches of time the event must lie in (all of them); empty: unbounded */
  windows: Span[];
}

/** A reported event without a date lies within two weeks before its article's publication. */
const PUBLISHED_SLACK = 14;
/** ... and close to the dated events the same article reports, if those form one occasion (a month at most). */
const OCCASION_DAYS = 31;
const OCCASION_SLACK = 2;

/**
 * The stretches of time an event can lie in: its own date (range); for a reported event without a full date,
 * also the days up to its article's publication, and, without any date, the time of the article's other
 * reported events.
 */
function windowsOf(v: EventView, published: string | null, siblings: readonly EventView[]): Span[] {
  const out: Span[] = [];
  const own = dateSpan(v.date, v.end_date);
  if (own) out.push(own);
  if (v.background || (own && !own.yearless)) return out;
  const p = dateSpan(published);
  if (p && !p.yearless) out.push({ lo: p.lo - PUBLISHED_SLACK, hi: p.hi, yearless: false });
  if (!own) {
    const dated = siblings.filter((s) => s !== v && !s.background && hasDay(s.date)).map((s) => dateSpan(s.date, s.end_date)!);
    const h = hull(dated);
    if (h && spanDays(h) <= OCCASION_DAYS) out.push(widen(h, OCCASION_SLACK));
  }
  return out;
}

function datesFit(a: R, b: R): boolean {
  const x = a.src.view, y = b.src.view;
  const visits = a.cls === "VISIT" && b.cls === "VISIT";
  if (datesClash(x.date, y.date) && !(visits && (withinRange(x.date, y.date, y.end_date) || withinRange(y.date, x.date, x.end_date)))) return false;
  return a.windows.every((wa) => b.windows.every((wb) => spansOverlap(wa, wb)));
}

/** For a state both reports name people for, they share none of them. */
function participantsConflict(a: R, b: R): boolean {
  if (a.cls === "SIGN" || a.cls === "OTHER") return false;
  const pa = a.src.people, pb = b.src.people;
  const states = new Set<string>();
  for (const c of pa.values()) if (c) states.add(c);
  for (const st of states) {
    const mine = [...pa].filter(([, c]) => c === st).map(([p]) => p);
    const theirs = [...pb].filter(([, c]) => c === st).map(([p]) => p);
    if (theirs.length && !mine.some((p) => pb.has(p))) return true;
  }
  return false;
}

const shared = (a: R, b: R): number => [...a.src.people.keys()].filter((p) => b.src.people.has(p)).length;
const sharedStates = (a: R, b: R): number => a.countries.filter((c) => b.countries.includes(c)).length;
const sameStates = (a: R, b: R): boolean => a.countries.length === b.countries.length && sharedStates(a, b) === a.countries.length;

/** Constraints every pair of reports in one merged event must meet. */
function fits(a: R, b: R): boolean {
  return a.src.article !== b.src.article && attributesFit(a, b);
}
/** `fits` but for the article: reads only what `signature` holds. */
function attributesFit(a: R, b: R): boolean {
  if (a.cls !== b.cls) return false;
  if (!datesFit(a, b)) return false;
  // a phone call and a meeting in person are told apart unless the reports give the same day
  if ((a.src.view.kind === "call") !== (b.src.view.kind === "call") && !sameDay(a.src.view.date, b.src.view.date)) return false;
  if (placeRelation(a.place, b.place) === "clash" && a.place!.stated && b.place!.stated) return false;
  return !participantsConflict(a, b) && !participantsConflict(b, a);
}
/** Everything `attributesFit` reads of a report: equal signatures fit anyone alike. */
function signature(r: R): string {
  const v = r.src.view;
  return JSON.stringify([r.cls, v.kind === "call", v.date, v.end_date, r.place, r.windows, [...r.src.people]]);
}

/** `fits`, plus the states the two reports must share to be linked at all. */
function linkable(a: R, b: R): boolean {
  if (!a.countries.length || !b.countries.length) return false;
  if (sharedStates(a, b) < Math.min(2, a.countries.length, b.countries.length)) return false;
  return fits(a, b);
}

interface Link {
  a: number;
  b: number;
  score: number;
  why: string;
}

/** Rule A: two linkable reports share a participant (null: they do not). */
function evidenceA(a: R, b: R): Link | null {
  const n = shared(a, b);
  if (n < 1) return null;
  const x = a.src.view, y = b.src.view;
  const rel = placeRelation(a.place, b.place);
  const day = sameDay(x.date, y.date);
  const score = 3 * n + (day ? 2 : x.date && y.date ? 1 : 0) + (x.kind === y.kind ? 1 : 0) + (rel === "same" ? 0.5 : 0) -
    (rel === "near" || rel === "clash" ? 1 : 0) + 0.1 * sharedStates(a, b);
  const why = `${n} shared participant${n > 1 ? "s" : ""}${day ? ", same day" : x.date && y.date ? ", consistent dates" : ""}`;
  return { a: -1, b: -1, score, why };
}

/**
 * Rule B: a report naming nobody, and a linkable report, are one event when they give the same states on the
 * same full day in a compatible place, or when the first is a background mention with a day whose states the
 * other includes.
 */
function evidenceB(r: R, c: R): string | null {
  const v = r.src.view, w = c.src.view;
  const rel = placeRelation(r.place, c.place);
  if (sameStates(r, c) && sameDay(v.date, w.date) && (rel === "same" || rel === "unknown"))
    return v.background ? "background mention of the event reported on that day" : "same states on the same day, nobody named on one side";
  if (v.background && !w.background && hasDay(v.date) && hasDay(w.date) && r.countries.every((s) => c.countries.includes(s)))
    return "background mention of the event reported on that day";
  return null;
}

export interface EventMerge {
  events: MergedEvent[];
  /** merged event id of report k (in the order given) */
  idOf(k: number): string;
}

/**
 * Merges event reports. `duplicates` holds pairs of near-duplicate article ids ("a\u0000b", a < b).
 */
export function mergeEvents(reports: readonly EventReport[], duplicates: ReadonlySet<string>): EventMerge {
  const siblings = new Map<string, EventView[]>();
  for (const r of reports) {
    const l = siblings.get(r.article);
    if (l) l.push(r.view);
    else siblings.set(r.article, [r.view]);
  }
  const rs: R[] = reports.map((src) => ({
    src,
    cls: eventClass(src.view.kind),
    countries: src.view.countries,
    place: placeKey(src.view.place, src.view.evidence),
    windows: windowsOf(src.view, src.published, siblings.get(src.article)!),
  }));
  /** the months an event can lie in, for blocking (null: no dated window) */
  const monthsOfR = (r: R): string[] | null => {
    const w = r.windows.find((s) => !s.yearless);
    return w ? monthsOf([w.lo, w.hi]) : null;
  };

  // ---- candidate pairs through blocks
  const blocks = new Blocks();
  const mdKey = (v: EventView): string | null => {
    const p = parseDate(v.date);
    return p && p.m !== null && p.d !== null ? `${p.m}-${p.d}` : null;
  };
  rs.forEach((r, i) => {
    const months = monthsOfR(r);
    const md = mdKey(r.src.view);
    for (const k of stateFileKeys(r.countries)) {
      const g = `${r.cls}|${k}`;
      for (const m of months ?? ["?"]) blocks.add(`${g}|m:${m}`, i);
      for (const p of r.src.people.keys()) blocks.add(`${g}|p:${p}`, i);
      if (md) blocks.add(`${g}|d:${md}`, i);
    }
  });
  const candidates = new Map<number, [number, number]>();
  const consider = (i: number, j: number): void => {
    if (i === j) return;
    const k = i < j ? i * rs.length + j : j * rs.length + i;
    if (!candidates.has(k)) candidates.set(k, i < j ? [i, j] : [j, i]);
  };
  rs.forEach((r, i) => {
    const months = monthsOfR(r);
    const md = mdKey(r.src.view);
    for (const k of stateLookupKeys(r.countries)) {
      const g = `${r.cls}|${k}`;
      if (months) for (const m of months) for (const j of blocks.near(`${g}|m:${m}`, i)) consider(i, j);
      // an event without a time bucket meets the others through a shared participant
      for (const p of r.src.people.keys()) for (const j of blocks.near(`${g}|p:${p}`, i)) consider(i, j);
      // a mention naming nobody, with a day, meets the reports of that day of the year
      if (md && !r.src.people.size) for (const j of blocks.near(`${g}|d:${md}`, i)) consider(i, j);
    }
  });

  // ---- clustering with constraints checked across whole clusters
  const uf = new ConstrainedClusters(rs.length, (x, y) => attributesFit(rs[x]!, rs[y]!), (x) => signature(rs[x]!), (x) => rs[x]!.src.article);
  const members = uf.members;
  const links: Link[] = [];
  const tryUnion = (l: Link): boolean => {
    if (!uf.union(l.a, l.b)) return false;
    links.push(l);
    return true;
  };

  // A: strongest links first, ties in a fixed order
  const scored: Link[] = [];
  for (const [i, j] of candidates.values()) {
    const a = rs[i]!, b = rs[j]!;
    if (!linkable(a, b)) continue;
    const e = evidenceA(a, b);
    if (e) scored.push({ ...e, a: i, b: j });
  }
  scored.sort((x, y) => y.score - x.score || x.a - y.a || x.b - y.b);
  for (const l of scored) tryUnion(l);

  const neighbours = new Map<number, number[]>();
  for (const [x, y] of candidates.values()) {
    for (const [u, w] of [[x, y], [y, x]] as const) {
      const l = neighbours.get(u);
      if (l) l.push(w);
      else neighbours.set(u, [w]);
    }
  }
  // B: a report naming nobody joins the one event it fits (several fitting events: none)
  rs.forEach((r, i) => {
    if (r.src.people.size) return;
    const targets = new Map<number, { j: number; why: string }>();
    for (const j of neighbours.get(i) ?? []) {
      const c = rs[j]!;
      if (!linkable(r, c)) continue;
      const why = evidenceB(r, c);
      const root = uf.find(j);
      if (why && root !== uf.find(i) && !targets.has(root)) targets.set(root, { j, why });
    }
    if (targets.size !== 1) return;
    const [{ j, why }] = [...targets.values()] as [{ j: number; why: string }];
    tryUnion({ a: i, b: j, score: 0, why });
  });

  // C: articles that report the same occasion pair their remaining events one to one
  const byArticle = new Map<string, number[]>();
  rs.forEach((r, i) => {
    const l = byArticle.get(r.src.article);
    if (l) l.push(i);
    else byArticle.set(r.src.article, [i]);
  });
  const affine = new Map<string, boolean>(); // "x\0y" -> near-duplicates?
  for (const ms of members.values()) {
    const arts = [...new Set(ms.map((k) => rs[k]!.src.article))].sort();
    if (arts.length > 40) continue;
    for (let x = 0; x < arts.length; x++) for (let y = x + 1; y < arts.length; y++) affine.set(`${arts[x]}\u0000${arts[y]}`, false);
  }
  for (const d of duplicates) if (byArticle.has(d.split("\u0000")[0]!) && byArticle.has(d.split("\u0000")[1]!)) affine.set(d, true);
  const pairsC = [...affine.keys()].sort();
  for (const key of pairsC) {
    const dup = affine.get(key)!;
    const [ax, ay] = key.split("\u0000") as [string, string];
    const X = byArticle.get(ax)!, Y = byArticle.get(ay)!;
    const inOther = (i: number, other: string): boolean => uf.hasGroup(i, other);
    const ok = (i: number, j: number): boolean => {
      const a = rs[i]!, b = rs[j]!;
      if (!dup && a.src.view.kind !== b.src.view.kind) return false;
      // events naming no state (a summit of organizations) pair when they name the same city
      if (!a.countries.length && !b.countries.length) return !!a.place?.city && a.place.city === b.place?.city && fits(a, b);
      return linkable(a, b);
    };
    const freeX = X.filter((i) => !inOther(i, ay)), freeY = Y.filter((j) => !inOther(j, ax));
    for (const [i, j] of onlyCounterparts(freeX, freeY, ok)) {
      tryUnion({ a: i, b: j, score: 0, why: dup ? "near-duplicate articles, only counterpart" : "articles report the same occasion, only counterpart of its kind" });
    }
  }

  // ---- records
  const idOf: string[] = new Array<string>(rs.length).fill("");
  const events: MergedEvent[] = [];
  const linksByRoot = new Map<number, Link[]>();
  for (const l of links) {
    const r = uf.find(l.a);
    const list = linksByRoot.get(r);
    if (list) list.push(l);
    else linksByRoot.set(r, [l]);
  }
  for (const [root, ms] of members) {
    const sorted = [...ms].sort((x, y) => cmp(rs[x]!.src.article, rs[y]!.src.article) || rs[x]!.src.index - rs[y]!.src.index);
    const first = rs[sorted[0]!]!.src;
    const id = shortId("ev-", `${first.article}#${first.index}`);
    for (const k of sorted) idOf[k] = id;
    events.push(eventRecord(id, sorted.map((k) => rs[k]!), linksByRoot.get(root) ?? [], rs));
  }
  events.sort((a, b) => cmp(a.id, b.id));
  return { events, idOf: (k) => idOf[k] ?? "" };
}

const ref = (r: R): string => `${r.src.article}#${r.src.index}`;
const KIND_RANK: Record<string, number> = { visit: 5, conference: 4, meeting: 3, call: 2, signing: 1, other: 0 };

function eventRecord(id: string, ms: R[], links: Link[], all: R[]): MergedEvent {
  const reported = ms.filter((r) => !r.src.view.background);
  const basis = reported.length ? reported : ms;
  const obs = <T>(rows: R[], f: (r: R) => T) => rows.map((r) => ({ value: f(r) as unknown, article: r.src.article }));

  const kinds = support(obs(ms, (r) => r.src.view.kind));
  const kind = best<string>(support(obs(basis, (r) => r.src.view.kind)), (k) => KIND_RANK[k] ?? 0) ?? "other";

  // date: the best supported, most precise value, completed by the values that fit it
  const dates = support(obs(ms, (r) => r.src.view.date));
  const dateOf = (rows: R[], f: (v: EventView) => string | null): string | null => {
    const vals = support(obs(rows, (r) => f(r.src.view)));
    let d = best<string>(vals, (v) => precision(v));
    if (d === null) return null;
    for (const v of vals) {
      const c = combineDates(d, v.value as string);
      if (c !== null && precision(c) > precision(d)) d = c;
    }
    return d;
  };
  const date = dateOf(basis, (v) => v.date) ?? dateOf(ms, (v) => v.date);
  const endDates = support(obs(ms, (r) => r.src.view.end_date));
  let end_date = dateOf(basis, (v) => v.end_date) ?? dateOf(ms, (v) => v.end_date);
  if (end_date && date && !isFullDate(end_date)) end_date = combineDates(end_date, String(parseDate(date)?.y ?? "")) ?? end_date;

  // place: a city over the country as a whole, a stated place over an inferred one, then support
  const placeVals = support(obs(ms, (r) => r.src.view.place));
  const placeRank = (p: PlaceRef): number => {
    const rows = ms.filter((r) => JSON.stringify(r.src.view.place) === JSON.stringify(p));
    const k = rows[0]?.place;
    return (k?.city ? 2 : 0) + (rows.some((r) => r.place?.stated) ? 1 : 0);
  };
  const place = [...placeVals].sort((a, b) => placeRank(b.value as PlaceRef) - placeRank(a.value as PlaceRef) ||
    b.articles.length - a.articles.length)[0]?.value as PlaceRef | undefined;

  const countries = [...new Set(ms.flatMap((r) => r.countries))].sort();
  const participants = [...new Set(ms.flatMap((r) => [...r.src.people.keys()]))].sort();

  const placeKeyOf = (p: unknown): PlaceKey | null => {
    const row = ms.find((r) => JSON.stringify(r.src.view.place) === JSON.stringify(p));
    return row?.place ?? null;
  };
  const conflicts = [
    ...conflictsOf("date", dates, (a, b) => datesClash(a as string, b as string)),
    ...conflictsOf("end_date", endDates, (a, b) => datesClash(a as string, b as string)),
    ...conflictsOf("place", placeVals, (a, b) => {
      const rel = placeRelation(placeKeyOf(a), placeKeyOf(b));
      return rel === "clash" || rel === "near";
    }),
    ...conflictsOf("kind", kinds, (a, b) => a !== b),
  ];
  const sources: SourceRef[] = ms.map((r) => ({ article: r.src.article, index: r.src.index }));
  return {
    id,
    kind,
    date,
    end_date,
    place: place ?? null,
    countries,
    participants,
    background: reported.length === 0,
    sources,
    fields: {
      kind: kinds,
      date: dates,
      end_date: endDates,
      place: placeVals,
      countries: support(obs(ms, (r) => r.countries)),
      participants: support(ms.flatMap((r) => [...r.src.people.keys()].map((p) => ({ value: p as unknown, article: r.src.article })))),
      background: support(obs(ms, (r) => r.src.view.background)),
    },
    conflicts,
    links: links.map((l) => `${ref(all[l.a]!)} + ${ref(all[l.b]!)}: ${l.why}`),
  };
}
