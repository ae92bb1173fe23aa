// Builds the events of an article from the words that report them (language data: events.json):
// each trigger in the main text opens a candidate with the people, bodies, states, date and place of
// its sentence; mentions of the same occurrence ("lors de la séance de travail") join it; what the
// text places in the past ("en juin dernier") or the future ("la prochaine visite") is background.
import type { EventKind } from "../lang/index.js";
import type { DateSpan, EventRecord, SentenceSpan } from "../core/annotations.js";
import { IS_PUNCT, IS_UPPER, tokenAt } from "../segment/tokens.js";
import { type ExtractContext, datesIn, mainCountries, orgsIn, peopleIn, placesIn } from "./context.js";

interface Trigger {
  kind: EventKind;
  first: number;
  last: number;
  reference: boolean;
  /** "held talks with X and met with Y": a second meeting of the sentence, with its own counterpart */
  apart?: boolean;
}

const DEST_PREP = new Set(["a", "à", "au", "aux", "en", "in", "to", "dans"]);

export function extractEvents(ctx: ExtractContext): EventRecord[] {
  const { t, data } = ctx;
  const events: EventRecord[] = [];
  const main = mainCountries(ctx);
  const datelinePlace = ctx.dateline?.place ? { name: ctx.dateline.place, country: ctx.dateline.country } : null;
  let lastDate: string | null = null;
  const heads = delegationHeads(ctx);

  ctx.sentences.forEach((s, si) => {
    if (s.zone !== "body") return;
    const triggers = findTriggers(ctx, s);
    const people = peopleIn(ctx, s.first, s.last);
    for (const p of titleOnlyPeople(ctx, s)) if (!people.includes(p)) people.push(p);
    // "The ministers earlier co-chaired ...": the people of the occasion just told
    const group: number[] = [];
    let groupOf: EventRecord | undefined;
    if (people.length < 2 && data.groupReference.scan(t, s.first, s.last).length) {
      groupOf = [...events].reverse().find((e) => !e.background && e.participants.length >= 2);
      if (groupOf) for (const p of groupOf.participants) if (!people.includes(p)) group.push(p);
    }
    // the dateline's date is when the story was filed, not when its events happened
    const dl = ctx.dateline;
    // "..., the ministry said on Wednesday": the day of the report is no event's date
    const reported = data.reporting.scan(t, s.first, s.last).map((r) => r.last);
    const sentDates = datesIn(ctx, s.start, s.end).filter(
      (d) => d.kind !== "period" && d.kind !== "year" && !(dl && d.start >= dl.start && d.end <= dl.end) && !reported.some((k) => { const i = tokenAt(t, d.start); return i >= k && i <= k + 1; }),
    );
    const sameDay = sentDates.some((d) => d.relative === "same-day");
    const cities = placesIn(ctx, s.start, s.end).filter((p) => p.kind === "city");

    if (!triggers.length) {
      // speakers at the conference just reported ("Prenant la parole à l'ouverture, le secrétaire ... X")
      const conf = events[events.length - 1];
      if (conf && conf.kind === "conference" && !conf.background && people.length && si - conf.sentence <= 3 && data.participation.scan(t, s.first, s.last).length) {
        for (const p of people) if (!conf.participants.includes(p)) conf.participants.push(p);
        for (const c of countriesOf(ctx, people)) if (!conf.countries.includes(c)) conf.countries.push(c);
        conf.evidence.push({ start: s.start, end: s.end });
        conf.sentence = si;
        return;
      }
      // "Il s'agit de Meng Jianzhu ..., de Guo Shengkun ...": the other side of the last meeting, named next
      const prev = [...events].reverse().find((e) => e.kind !== "visit");
      if (prev && !prev.background && prev.sentence === si - 1 && people.length && countriesOf(ctx, prev.participants).size < 2) {
        for (const p of people) if (!prev.participants.includes(p)) prev.participants.push(p);
        prev.evidence.push({ start: s.start, end: s.end });
      }
      return;
    }
    const visitTrigger = triggers.find((x) => x.kind === "visit");
    // "la délégation" in an event sentence stands for its head, named earlier ("dirigée par le vice-ministre X")
    const delegations = heads.length ? data.delegation.scan(t, s.first, s.last) : [];
    if (delegations.length) {
      // "the Maldivian delegation" stands for the Maldivian head only
      const states = new Set<string>();
      for (const m of delegations) {
        for (let k = Math.max(s.first, m.first - 2); k < Math.min(s.last, m.last + 3); k++) {
          const pl = ctx.index.placeOf[k]! >= 0 ? ctx.places[ctx.index.placeOf[k]!]! : null;
          if (pl?.iso3 && (pl.kind === "country" || pl.kind === "demonym")) states.add(pl.iso3);
        }
      }
      for (const h of heads) if (!people.includes(h) && (!states.size || states.has(ctx.people[h]!.country ?? ""))) people.push(h);
    }
    for (const tr of triggers) {
      // "On the sidelines of the meeting, X held talks with Y": another occurrence beside the one named
      const sideline = !tr.reference && data.sidelines.scan(t, s.first, tr.first).length > 0;
      // a visit's dates are the ones said of the visit ("du 22 au 26 octobre", "visit ... from April 14-16");
      // other events of the sentence keep the single dates
      let dated: DateSpan | undefined;
      if (tr.kind === "visit") {
        dated = sentDates.find((d) => d.endValue && d.value) ?? sentDates.find((d) => d.value && nearTokens(ctx, d, tr, 3, 8));
      } else {
        // the date said nearest the event word ("... et la prochaine visite ... pour le sommet en novembre prochain")
        dated = nearest(ctx, sentDates.filter((d) => d.value && !(visitTrigger && d.endValue)), tr);
      }
      const date = dated?.value ?? (sameDay ? lastDate : null);
      const endDate = dated?.endValue ?? null;
      // dated months before the article: recalled, and so no occasion later mentions may join
      const background = isBackground(ctx, s, tr) || (dated?.relative === "past" || dated?.relative === "future") || (date != null && isOld(ctx, date));
      if (ownSide(ctx, s)) continue;
      // people named inside a framing visit or a recap of earlier talks take no part in this event
      let participants = tr.kind === "visit" ? [...people] : clausePeople(ctx, s, tr, triggers, people.filter((p) => !aside(ctx, s, tr, p, triggers)));
      if (!background && tr.kind !== "visit") participants.push(...group);
      let place: EventRecord["place"] = null;
      const countries = new Set<string>();
      if (tr.kind === "visit") {
        // "la visite du président X", "X's visit", "a visit by X": the visitor is named with the word
        const named = visitor(ctx, s, tr, triggers);
        if (named === "organization") participants = [];
        else if (named.length) participants = named;
        const dest = destination(ctx, s, tr);
        if (dest) {
          place = { name: dest.name, country: dest.iso3 };
          if (dest.iso3) countries.add(dest.iso3);
          // the visitors are the people of other states
          const visitors = participants.filter((p) => ctx.people[p]!.country !== dest.iso3);
          if (visitors.length) participants = visitors;
        }
      }
      // the city this sentence itself gives the event (not the dateline's)
      let ownCity: string | null = null;
      if (!place) {
        // the city said nearest the event word ("après sa visite à Londres hier, ... était aujourd'hui à Paris où
        // elle s'est entretenue avec ...")
        const city = tr.kind === "visit" ? cities[0] : nearest(ctx, cities, tr);
        if (city) {
          place = { name: city.name, country: city.iso3 };
          // "in Abidjan", "(Abidjan, 29-30 November)": said as where something happens, not a name ("the Abidjan Declaration")
          const k = tokenAt(t, city.start);
          if (k > s.first && (data.placePrepositions.has(t.norm[k - 1]!) || t.norm[k - 1] === "(")) ownCity = city.name;
        } else if (datelinePlace) place = datelinePlace;
        // a visit to where the story is ("en visite de travail au Royaume", the dateline's city): the visitors
        // are the people of other states
        if (tr.kind === "visit" && place?.country) {
          const visitors = participants.filter((p) => ctx.people[p]!.country && ctx.people[p]!.country !== place!.country);
          if (visitors.length) {
            participants = visitors;
            countries.add(place.country);
          }
        }
      }
      // a meeting told apart has the bodies of its own clause (and of the subject before the first meeting word)
      const apart = triggers.filter((x) => x.apart);
      const k = apart.indexOf(tr);
      const orgs = k < 0 ? orgsIn(ctx, s.first, s.last) : [...orgsIn(ctx, s.first, apart[0]!.first), ...orgsIn(ctx, tr.first, k + 1 < apart.length ? apart[k + 1]!.first : s.last)];
      // organizations sharing a token with another ("EU-AU summit") are mentioned without owning the token
      for (const m of ctx.orgMentions) {
        if (m.start < s.start || m.end > s.end || orgs.includes(m.org)) continue;
        let k = tokenAt(t, m.start);
        if (k > 0 && (k >= t.n || t.start[k]! > m.start)) k--; // the token the mention starts inside
        if (ctx.index.orgOf[k]! >= 0 && ctx.index.orgOf[k] !== m.org) orgs.push(m.org);
      }
      for (const o of orgs) {
        const c = ctx.orgs[o]!.country;
        if (c) countries.add(c);
      }
      for (const c of countriesOf(ctx, participants)) countries.add(c);
      // the states its people and bodies stand for; what follows only guesses them from the article
      const ownCountries = [...countries];
      if (data.bothSides.scan(t, s.first, s.last).length || (countries.size < 2 && tr.kind === "signing")) {
        for (const c of main.slice(0, 2)) countries.add(c);
      }
      if (countries.size < 2) {
        for (const p of placesIn(ctx, s.start, s.end)) if (p.iso3 && (p.kind === "country" || p.kind === "demonym") && countries.size < 2) countries.add(p.iso3);
      }
      const ev: EventRecord = {
        kind: tr.kind,
        date: date ?? null,
        endDate: tr.kind === "visit" || tr.kind === "conference" ? endDate : null,
        place,
        participants,
        organizations: orgs.filter((o) => ctx.orgs[o]!.sector === "IGO" || ctx.orgs[o]!.country),
        countries: [...countries],
        background,
        evidence: [{ start: s.start, end: s.end }],
        sentence: si,
      };
      // "Ils ont signé à cette occasion": the day of the occasion just told
      if (!ev.date && !ev.background && ev.kind !== "visit" && lastDate && data.sameOccasion.scan(t, s.first, s.last).length) ev.date = lastDate;
      // a mention placed in another city than an occurrence is not that occurrence ("in Abidjan during the summit",
      // the summit reported being in Brussels)
      const here = (e: EventRecord) => !ownCity || !e.place || e.place.name === ownCity || e.place === datelinePlace;
      if (!ev.date && tr.reference) {
        const ref = events.find((e) => e.kind === ev.kind && !e.background && here(e));
        if (ref) ev.date = ref.date;
      }

      // "co-chaired the meeting", "lors de la rencontre": a definite mention of the occurrence already reported
      // "The ministers discussed ...", with no one else named and no date of its own: still the same occasion
      const sameGroup = groupOf && !people.length && !dated && tr.kind !== "signing" && !ev.background && (groupOf.kind === ev.kind || (ev.kind === "meeting" && groupOf.kind === "conference")) ? groupOf : undefined;
      // "The two sides discussed ...": what was said at the meeting already told, unless new people are named
      const weak = data.weakTriggers.matchAt(t, tr.first, tr.last + 1) && !ev.background && !dated
        ? [...events].reverse().find((e) => (e.kind === "meeting" || e.kind === "conference") && !e.background && ev.participants.every((p) => e.participants.includes(p)))
        : undefined;
      const pairs = tr.kind === "meeting" && !ev.background ? bilateralPairs(ctx, s, tr, ev) : null;
      if (pairs) {
        events.push(...pairs);
        continue;
      }
      const into =
        sameGroup ??
        weak ??
        (tr.reference && !ev.background
          ? [...events].reverse().find((e) => e.kind === ev.kind && !e.background && here(e) && (e.kind !== "visit" || ev.participants.every((p) => e.participants.includes(p))))
          : undefined) ??
        (tr.apart || sideline ? undefined : events.find((e) => here(e) && sameOccurrence(e, ev, tr.reference))) ??
        (tr.reference && (ev.kind === "meeting" || ev.kind === "conference") && !ev.date
          ? [...events].reverse().find((e) => (e.kind === "meeting" || e.kind === "conference") && !e.background && here(e))
          : undefined);
      // a definite mention ("during the 5th summit") of an occurrence of a kind already reported elsewhere is
      // another occasion the reader is assumed to know: an earlier one
      if (!into && tr.reference && ownCity && !ev.date && events.some((e) => e.kind === ev.kind && !e.background && !here(e))) ev.background = true;
      if (into) {
        // a visit gathers its visitors only, not the hosts met during it
        const joining = into.kind === "visit" && into.place?.country ? ev.participants.filter((p) => ctx.people[p]!.country !== into.place!.country) : ev.participants;
        for (const p of joining) if (!into.participants.includes(p)) into.participants.push(p);
        // "The two sides discussed the situation in Sudan": the occasion already told has its states
        const adding = into === weak || into === sameGroup ? ownCountries : ev.countries;
        for (const c of adding) if (!into.countries.includes(c)) into.countries.push(c);
        if (!into.date && !tr.reference) into.date = ev.date;
        if (!into.place || (into.place.country === datelinePlace?.country && ev.place && ev.place !== datelinePlace && into.place === datelinePlace)) into.place = ev.place ?? into.place;
        into.evidence.push(...ev.evidence);
        into.background = into.background && ev.background;
        into.sentence = si; // the occurrence was last told here: what follows may complete it
      } else events.push(ev);
      // a visit's date is its first day, not the day of what happens during it
      if (ev.date && !ev.background && ev.kind !== "visit") lastDate = ev.date;
    }
    // a signing with nobody named takes the people of the meeting it took place at
    for (const e of events.slice()) {
      if (e.kind === "signing" && e.participants.length === 0 && e.sentence === si) {
        // the same signing told again ("les deux parties devraient signer une série d'accords"): one signing
        const again = events.find((x) => x !== e && x.kind === "signing" && x.participants.length && x.background === e.background && (!e.date || !x.date || x.date === e.date) && e.countries.every((c) => x.countries.includes(c)));
        if (again) {
          again.evidence.push(...e.evidence);
          events.splice(events.indexOf(e), 1);
          continue;
        }
        const host = events.find((x) => x !== e && x.kind !== "visit" && x.kind !== "signing" && x.participants.length && (!e.date || !x.date || x.date === e.date));
        // "Thales Alenia Space and the Pupin Institute signed a memorandum": bodies of two states signed it themselves
        const ownSigners = e.organizations.filter((o) => ctx.orgs[o]!.country && (ctx.orgs[o]!.sector === "BUS" || ctx.orgs[o]!.sector === "EDU")).length >= 2;
        if (host && !ownSigners) {
          e.participants = [...host.participants];
          for (const c of host.countries) if (!e.countries.includes(c)) e.countries.push(c);
          if (!e.date) e.date = host.date;
          if (host.place) e.place = host.place;
        }
      }
    }
  });
  settleCountries(ctx, events);
  markOld(ctx, events);
  mergeSignings(events);
  const igos = (e: EventRecord) => e.organizations.filter((o) => ctx.orgs[o]!.sector === "IGO").length;
  // a background mention that names nobody ("leaders discussed it last June") says too little to keep, unless
  // it names its parties as organizations and its place ("the 5th AU-EU Summit (Abidjan, 2017)")
  const placed = (e: EventRecord) => e.place != null && e.place !== datelinePlace;
  const told = (e: EventRecord) => e.participants.length > 0 || (igos(e) > 0 && placed(e));
  // between two states, a state and an international organization, or two organizations
  const kept = events.filter((e) => !e.background || told(e)).filter((e) => e.countries.length >= 2 || (e.countries.length === 1 && igos(e) > 0) || (e.countries.length === 0 && igos(e) >= 2 && placed(e)));
  const agencyAtHome = ctx.dateline?.agencyCountry != null && ctx.dateline.agencyCountry === ctx.dateline.country;
  shareOnePlace(kept, agencyAtHome ? datelinePlace : null);
  duringVisits(kept, datelinePlace);
  return kept;
}

/**
 * "his official visit to Russia from September 8-11 ... Earlier on September 8, Quang met with Shoigu": what a
 * visitor does within the visit's days happens where the visit is, not at the agency's dateline.
 */
function duringVisits(events: EventRecord[], datelinePlace: EventRecord["place"]): void {
  for (const v of events) {
    if (v.kind !== "visit" || v.background || !v.place?.country || !v.date) continue;
    const end = v.endDate ?? v.date;
    for (const e of events) {
      if (e === v || e.kind === "visit" || e.background || !e.date || e.date < v.date || e.date > end) continue;
      if (e.place && e.place !== datelinePlace) continue;
      if (e.place?.country === v.place.country || !e.participants.some((p) => v.participants.includes(p))) continue;
      // the city of another occurrence of the visit, else the visit's own place
      const city = events.find((x) => x !== e && x.place && x.place !== datelinePlace && x.place.country === v.place!.country && x.place.name !== v.place!.name);
      e.place = city?.place ?? v.place;
    }
  }
}

function countriesOf(ctx: ExtractContext, people: number[]): Set<string> {
  const out = new Set<string>();
  for (const p of people) {
    const c = ctx.people[p]!.country;
    if (c) out.add(c);
  }
  return out;
}

function insideAgreementTitle(ctx: ExtractContext, s: SentenceSpan, at: number): boolean {
  const { t, data } = ctx;
  let k = at - 1;
  // connectors, articles and an ordinal ("de la 12e", "of the 5th") between the document's noun and the event word
  while (k > s.first && at - k <= 4 && (data.connectors.has(t.norm[k]!) || data.definite.has(t.norm[k]!) || /^\d+(e|er|eme|ème|th|st|nd|rd)?$/.test(t.norm[k]!))) k--;
  if (k === at - 1 || !data.connectors.has(t.norm[k + 1]!)) return false;
  for (let j = Math.max(s.first, k - 3); j <= k; j++) if (data.agreementKinds.matchAt(t, j, s.last)?.last === k + 1) return true;
  return false;
}

/**
 * "le vice-ministre X a eu des entretiens bilatéraux avec le ministre thaïlandais A et avec le chef de la police
 * indonésienne B": one meeting of the first-named side with each other state's people.
 */
function bilateralPairs(ctx: ExtractContext, s: SentenceSpan, tr: Trigger, ev: EventRecord): EventRecord[] | null {
  const { t, data } = ctx;
  if (!data.bilateral.scan(t, Math.max(s.first, tr.first - 2), Math.min(s.last, tr.last + 2)).length) return null;
  const stateOf = (p: number) => ctx.people[p]!.country;
  const states = [...new Set(ev.participants.map(stateOf).filter((c): c is string => !!c))];
  if (states.length < 3 || ev.participants.some((p) => !stateOf(p))) return null;
  const firstAt = (p: number) => {
    for (let i = s.first; i < s.last; i++) if (ctx.index.personOf[i] === p) return i;
    return s.last;
  };
  const subject = [...ev.participants].sort((a, b) => firstAt(a) - firstAt(b))[0]!;
  const home = stateOf(subject)!;
  return states
    .filter((c) => c !== home)
    .map((c) => ({
      ...ev,
      participants: ev.participants.filter((p) => stateOf(p) === home || stateOf(p) === c),
      organizations: ev.organizations.filter((o) => ctx.orgs[o]!.country == null || ctx.orgs[o]!.country === home || ctx.orgs[o]!.country === c),
      countries: [home, c],
      evidence: [...ev.evidence],
    }));
}

/** "X held talks with A and met with B": each meeting word after the first has a counterpart of its own. */
function toldApart(ctx: ExtractContext, s: SentenceSpan, prev: Trigger, m: { first: number; last: number }): boolean {
  const { t } = ctx;
  const joined = t.norm[m.first - 1] === "and" || t.norm[m.first - 1] === "et" || t.norm[m.first - 1] === "," || t.norm[m.first - 2] === "and" || t.norm[m.first - 2] === "et";
  if (!joined || m.first - prev.last < 2) return false;
  let between = -1;
  for (let k = prev.last; k < m.first; k++) if (ctx.index.personOf[k]! >= 0) between = ctx.index.personOf[k]!;
  if (between < 0) return false;
  for (let k = m.last; k < Math.min(s.last, m.last + 10); k++) {
    const p = ctx.index.personOf[k]!;
    if (p >= 0) return p !== between;
    if (t.norm[k] === "." || t.norm[k] === ";") return false;
  }
  return false;
}

/** The people of a meeting told apart: those named before the first meeting word, and those of its own clause. */
function clausePeople(ctx: ExtractContext, s: SentenceSpan, tr: Trigger, triggers: Trigger[], people: number[]): number[] {
  const apart = triggers.filter((x) => x.apart);
  const k = apart.indexOf(tr);
  if (k < 0) return people;
  const from = apart[0]!.first;
  const own = tr.first;
  const to = k + 1 < apart.length ? apart[k + 1]!.first : s.last;
  return people.filter((p) => {
    for (let i = s.first; i < s.last; i++) if (ctx.index.personOf[i] === p && (i < from || (i >= own && i < to))) return true;
    return false;
  });
}

function findTriggers(ctx: ExtractContext, s: SentenceSpan): Trigger[] {
  const { t, data } = ctx;
  const out: Trigger[] = [];
  const blocked = new Set<number>();
  for (const m of data.notEvents.scan(t, s.first, s.last)) for (let k = m.first; k < m.last; k++) blocked.add(k);
  // "the agreement provides for joint patrols and training": what it provides for has not happened
  const provisions = data.provisions.scan(t, s.first, s.last);
  for (const m of data.triggers.scan(t, s.first, s.last)) {
    if (blocked.has(m.first)) continue;
    if (m.value === "other" && provisions.some((p) => p.last <= m.first && m.first - p.last <= 8)) continue;
    // "le procès-verbal de la 12e réunion du comité mixte", "the minutes of the 5th meeting": inside a document's title
    if (insideAgreementTitle(ctx, s, m.first)) continue;
    // a capitalized event word inside a name ("Korean Language Training Course") is a name, save for
    // the names of conferences and meetings ("Russia-Africa Summit", "the 2+2 Meeting")
    if (m.first > s.first && (t.flags[m.first]! & IS_UPPER) && m.value !== "conference" && m.value !== "meeting" && !ctx.data.definite.has(t.norm[m.first - 1]!)) continue;
    // a capitalized trigger inside a name ("Russia-Africa Summit" stays a conference, "Forum régional de l'ASEAN" is an organization)
    if (ctx.index.orgOf[m.first]! >= 0 && m.value !== "conference") continue;
    const before = m.first > s.first ? t.norm[m.first - 1]! : "";
    const reference = data.definite.has(before) || data.reference.scan(t, Math.max(s.first, m.first - 4), m.first).length > 0;
    // the same kind twice in a sentence is two events only when told apart ("la visite de X ... et la prochaine visite de Y")
    const prevSame = out.filter((o) => o.kind === m.value).pop();
    const apart = prevSame != null && m.value === "meeting" && !prevSame.reference && toldApart(ctx, s, prevSame, m);
    if (apart) {
      prevSame.apart = true;
      out.push({ kind: m.value, first: m.first, last: m.last, reference: false, apart: true });
      continue;
    }
    if (prevSame && !(m.value === "visit" && m.first - prevSame.last >= 5)) {
      // "On the sidelines of the meeting, X held talks with Y": the new occurrence, not the frame, is the event
      const fresh = !(data.definite.has(t.norm[m.first - 1] ?? "") || data.reference.scan(t, Math.max(s.first, m.first - 4), m.first).length);
      if (prevSame.reference && fresh) out.splice(out.indexOf(prevSame), 1);
      else continue;
    }
    if (m.value === "signing" && signedEarlier(ctx, s, m.first, m.last)) continue;
    if (data.needPersonAfter.matchAt(t, m.first, m.last)?.last === m.last && !personFollows(ctx, s, m.last)) continue;
    // "the EU-AU ministerial meeting", "réunion ASEAN-Chine": a meeting named by an international body is multilateral
    let kind = m.value;
    if (kind === "meeting") {
      for (let k = Math.max(s.first, m.first - 4); k < Math.min(s.last, m.last + 3); k++) {
        const p = ctx.index.placeOf[k]!;
        if (p >= 0 && ctx.places[p]!.kind === "igo") kind = "conference";
      }
      // "the 19th meeting of the security council secretaries of the SCO member states": the body in its complement
      const noun = [1, 2, 3].some((d) => m.first - d >= s.first && (data.definite.has(t.norm[m.first - d]!) || /^(a|an|un|une|\d+(e|er|eme|th|st|nd|rd))$/.test(t.norm[m.first - d]!)));
      if (kind === "meeting" && noun && data.connectors.has(t.norm[m.last] ?? "")) {
        for (let k = m.last; k < Math.min(s.last, m.last + 12); k++) {
          if (t.flags[k]! & IS_PUNCT && t.norm[k] !== "(" && t.norm[k] !== ")" && t.norm[k] !== "'" && t.norm[k] !== "-") break;
          if (data.triggers.matchAt(t, k, s.last) || data.agreementStatus.matchAt(t, k, s.last) || data.eventClauseVerbs.has(t.norm[k]!)) break;
          const p = ctx.index.placeOf[k]!;
          if (p >= 0 && ctx.places[p]!.kind === "igo") {
            kind = "conference";
            break;
          }
        }
      }
    }
    out.push({ kind, first: m.first, last: m.last, reference });
  }
  // a call is also a meeting word ("entretien téléphonique"): keep the call only
  if (out.some((o) => o.kind === "call")) return out.filter((o) => o.kind !== "meeting");
  return out;
}

function isBackground(ctx: ExtractContext, s: SentenceSpan, tr: Trigger): boolean {
  const { t, data } = ctx;
  // future words right before the event word ("will visit", "la prochaine visite") or just after it ("visite prévue")
  const from = Math.max(s.first, tr.first - 6);
  const to = Math.min(s.last, tr.last + 3);
  if (data.future.scan(t, from, to).length) return true;
  for (let k = from; k < tr.first; k++) if (data.isFutureVerb(t.norm[k]!)) return true;
  // ... or a little further in the same clause ("will travel to Manila on Friday for talks")
  const clause = data.future.scan(t, Math.max(s.first, tr.first - 10), from).filter((m) => {
    for (let k = m.last; k < tr.first; k++) if (t.flags[k]! & IS_PUNCT) return false;
    return true;
  });
  if (clause.length) return true;
  if (data.past.scan(t, tr.last, Math.min(s.last, tr.last + 10)).length) return true;
  // "la dernière visite", "his previous visit": the same words right before the event word
  if (data.past.scan(t, Math.max(s.first, tr.first - 3), tr.first).some((m) => m.last === tr.first)) return true;
  if (data.recap.scan(t, Math.max(s.first, tr.first - 4), tr.first).length) return true;
  return false;
}

function ownSide(ctx: ExtractContext, s: SentenceSpan): boolean {
  return ctx.data.ownSide.scan(ctx.t, s.first, s.last).length > 0;
}

/** Where a visit goes: "visite de travail à Cuba", "en visite au Vietnam", "visit to Malaysia". */
function destination(ctx: ExtractContext, s: SentenceSpan, tr: Trigger): { name: string; iso3: string | null } | null {
  const { t } = ctx;
  for (let i = tr.last; i < Math.min(s.last, tr.last + 8); i++) {
    if (!DEST_PREP.has(t.norm[i]!)) continue;
    let k = i + 1;
    while (k < s.last && ctx.data.definite.has(t.norm[k]!)) k++;
    const p = ctx.index.placeOf[k]!;
    if (p >= 0) {
      const pl = ctx.places[p]!;
      if (pl.iso3 && pl.kind !== "demonym" && pl.kind !== "igo") return { name: pl.name, iso3: pl.iso3 };
    }
  }
  // "Tran Luu Quang's official visit to the Caribbean country", "visite en Chine de la délégation"
  for (let i = Math.max(s.first, tr.first - 3); i < Math.min(s.last, tr.last + 12); i++) {
    const p = ctx.index.placeOf[i]!;
    if (p >= 0 && ctx.places[p]!.kind === "country") return { name: ctx.places[p]!.name, iso3: ctx.places[p]!.iso3 };
  }
  return null;
}

function sameOccurrence(a: EventRecord, b: EventRecord, reference: boolean): boolean {
  if (a.kind !== b.kind) return false;
  if (a.date && b.date && a.date !== b.date) return false;
  if (a.background !== b.background && !reference) return false;
  const pa = new Set(a.participants);
  const shared = b.participants.filter((p) => pa.has(p)).length;
  if (b.participants.length === 0) return reference;
  // an occurrence first told without names ("une séance de travail entre leurs vice-ministres"), then with them
  if (a.participants.length === 0) return !a.background && !b.background && (a.date == null || b.date == null || a.date === b.date);
  // two of the participants of a multilateral meeting meeting apart is a bilateral meeting of its own
  if (a.countries.length >= 3 && b.countries.length === 2 && shared === b.participants.length && !reference) return false;
  if (shared === b.participants.length || shared === a.participants.length) return shared > 0 || reference;
  return false;
}

/**
 * People whose state the text did not give take the one side of their event no other participant
 * stands for ("X received the Russian envoy": X is the other state); then each event's states are
 * those of its people and bodies, and a meeting of three states or more is a conference.
 */
function settleCountries(ctx: ExtractContext, events: EventRecord[]): void {
  const people = ctx.people;
  for (const e of events) {
    const unknown = e.participants.filter((p) => !people[p]!.country && !people[p]!.countryBy);
    if (!unknown.length) continue;
    const represented = new Set(e.participants.map((p) => people[p]!.country).filter(Boolean));
    const missing = e.countries.filter((c) => !represented.has(c));
    // an agency reporting from home names its own officials without a demonym: the dateline's state, or
    // else the state where the event takes place
    const home = ctx.dateline?.agencyCountry ?? ctx.dateline?.country ?? (e.kind !== "visit" ? e.place?.country : null);
    if (!missing.length && home && !represented.has(home)) {
      const officials = unknown.filter((p) => people[p]!.titles.length);
      for (const p of officials) {
        people[p]!.country = home;
        people[p]!.countryBy = "context";
      }
      if (officials.length && !e.countries.includes(home)) e.countries.push(home);
      continue;
    }
    if (missing.length === 1 && unknown.length === 1) {
      people[unknown[0]!]!.country = missing[0]!;
      people[unknown[0]!]!.countryBy = "context";
      if (!e.countries.includes(missing[0]!)) e.countries.push(missing[0]!);
    }
  }
  for (const e of events) {
    for (const p of e.participants) {
      const c = people[p]!.country;
      if (c && !e.countries.includes(c)) e.countries.push(c);
    }
    if (e.kind === "meeting" && new Set(e.participants.map((p) => people[p]!.country).filter(Boolean)).size >= 3) e.kind = "conference";
  }
}

/**
 * When everything the article places happens in one state, what it does not place happens there too: the talks
 * held "during the visit" to Cuba, the signing told again without its "à Buenos Aires".
 */
function shareOnePlace(events: EventRecord[], homeDateline: EventRecord["place"] = null): void {
  const current = events.filter((e) => !e.background);
  // an agency's dateline at home ("ISLAMABAD (APP)") over a story abroad places nothing the text places elsewhere
  const unplaced = (e: EventRecord) => !e.place || (homeDateline != null && e.place === homeDateline);
  const placed = current.filter((e) => e.place?.country && !unplaced(e));
  if (!placed.length || placed.length === current.length) return;
  if (new Set(placed.map((e) => e.place!.country)).size !== 1) return;
  const where = placed.find((e) => e.kind !== "visit")?.place ?? placed[0]!.place!;
  if (homeDateline && where.country === homeDateline.country) {
    for (const e of current) if (!e.place) e.place = where;
    return;
  }
  for (const e of current) if (unplaced(e)) e.place = where;
}

/** "the agreement signed in 2014", "sur la base du programme signé ...": a past signing, not an event here. */
function signedEarlier(ctx: ExtractContext, s: SentenceSpan, first: number, last: number): boolean {
  const { t, data } = ctx;
  for (let i = last; i < Math.min(s.last, last + 4); i++) if (/^(19|20)\d\d$/.test(t.norm[i]!) && (t.norm[i - 1] === "in" || t.norm[i - 1] === "en")) return true;
  return data.agreementStatus.scan(t, Math.max(s.first, first - 8), first).some((m) => m.value === "referenced");
}

/**
 * People a sentence names by office and state only: "le ministre sénégalais a été reçu", "his Chilean
 * counterpart": the one person of that state the article has already named.
 */
function titleOnlyPeople(ctx: ExtractContext, s: SentenceSpan): number[] {
  const { t, data } = ctx;
  const out: number[] = [];
  for (const m of data.titles.scan(t, s.first, s.last)) {
    if (m.value !== "office") continue;
    // the demonym right after (French) or right before (English) the office
    let place = -1;
    for (const k of [m.last, m.first - 1]) {
      if (k < s.first || k >= s.last) continue;
      const p = ctx.index.placeOf[k]!;
      if (p >= 0 && ctx.places[p]!.kind === "demonym") place = p;
    }
    if (place < 0) continue;
    // a name right after the title is an ordinary mention, already counted
    let k = m.last;
    while (k < s.last && (ctx.index.placeOf[k]! >= 0 || t.norm[k] === "," || data.titles.matchAt(t, k, s.last))) k++;
    if (k < s.last && ctx.index.personOf[k]! >= 0) continue;
    const iso = ctx.places[place]!.iso3;
    const same = ctx.people.map((p, i) => [p, i] as const).filter(([p]) => p.country === iso);
    if (same.length === 1) out.push(same[0]![1]);
  }
  return out;
}

/** Is a date mention within `before` tokens before or `after` tokens after a trigger? */
function nearTokens(ctx: ExtractContext, d: DateSpan, tr: Trigger, before: number, after: number): boolean {
  const i = tokenAt(ctx.t, d.start);
  return i >= tr.first - before && i <= tr.last + after;
}

/** Documents signed on one occasion between the same states are one signing, whoever put pen to each. */
function mergeSignings(events: EventRecord[]): void {
  for (let i = 0; i < events.length; i++) {
    const a = events[i]!;
    if (a.kind !== "signing" || a.background) continue;
    for (let j = i + 1; j < events.length; j++) {
      const b = events[j]!;
      if (b.kind !== "signing" || b.background) continue;
      const same = a.countries.length === b.countries.length && a.countries.every((c) => b.countries.includes(c));
      if (!same || (a.date && b.date && a.date !== b.date)) continue;
      for (const p of b.participants) if (!a.participants.includes(p)) a.participants.push(p);
      a.evidence.push(...b.evidence);
      a.date ??= b.date;
      events.splice(j--, 1);
    }
  }
}

/** The people introduced as leading a delegation: "une délégation ... dirigée par le vice-ministre X". */
function delegationHeads(ctx: ExtractContext): number[] {
  const { t, data } = ctx;
  const out: number[] = [];
  for (const s of ctx.sentences) {
    if (s.zone !== "body") continue;
    for (const m of data.delegationLead.scan(t, s.first, s.last)) {
      for (let k = m.last; k < Math.min(s.last, m.last + 14); k++) {
        const p = ctx.index.personOf[k]!;
        if (p >= 0) {
          if (!out.includes(p)) out.push(p);
          break;
        }
      }
    }
  }
  return out;
}

/**
 * Is person `p` named only inside a side clause of the sentence: a framing visit ("dans le cadre de la
 * visite ... conduite par X,", "as part of X's visit") or a recap of earlier talks ("the outcomes of his
 * working sessions with X")?
 */
function aside(ctx: ExtractContext, s: SentenceSpan, tr: Trigger, p: number, triggers: Trigger[]): boolean {
  const { t, data } = ctx;
  const at: number[] = [];
  for (let i = s.first; i < s.last; i++) if (ctx.index.personOf[i] === p) at.push(i);
  if (!at.length) return false;
  const clauses: [number, number][] = [];
  for (const v of triggers) {
    if (v.kind !== "visit" || v === tr) continue;
    // from a few words before the visit word to the next comma after a name
    let a = v.first;
    while (a > s.first && v.first - a < 10 && t.norm[a - 1] !== "," && ctx.index.personOf[a - 1]! < 0 && !data.reference.matchAt(t, a, s.last)) a--;
    while (a > s.first && v.first - a < 10 && ctx.index.personOf[a - 1]! >= 0) a--;
    let b = v.last;
    while (b < s.last && b - v.last < 25 && t.norm[b] !== ",") b++;
    if (!(tr.first >= a && tr.first < b)) clauses.push([a, b]);
  }
  for (const r of data.recap.scan(t, s.first, s.last)) if (r.first > tr.first) clauses.push([r.first, s.last]);
  // "selon Mme Hua", "according to the spokesperson X": the source, up to the next comma
  for (const r of data.attribution.scan(t, s.first, s.last)) {
    // the source is a person ("selon Mme Hua"), not a document whose authors took part ("according to a joint statement by ...")
    let named = false;
    for (let k = r.last; k < Math.min(s.last, r.last + 3) && !named; k++) {
      const v = data.titles.matchAt(t, k, s.last)?.value;
      named = ctx.index.personOf[k]! >= 0 || (v != null && v !== "modifier");
    }
    if (!named) continue;
    let b = r.last;
    while (b < s.last && b - r.last < 12 && t.norm[b] !== ",") b++;
    clauses.push([r.first, b]);
  }
  return at.every((i) => clauses.some(([a, b]) => i >= a && i < b));
}

/**
 * The visitors a visit word names itself: "visite (officielle) du président X", "visit by X", "X's visit";
 * "organization" when it names a body and nobody ("la visite d'une équipe du FMI"): the people of the
 * sentence are then not the visitors.
 */
function visitor(ctx: ExtractContext, s: SentenceSpan, tr: Trigger, triggers: Trigger[]): number[] | "organization" {
  const { t, data } = ctx;
  const next = triggers.find((o) => o.first > tr.first);
  const limit = Math.min(s.last, next ? next.first : s.last, tr.last + 14);
  let i = tr.last;
  // adjectives and complements of the visit itself: "officielle", "de travail", "d'État", "of two days"
  while (i < limit && !["de", "du", "d'", "des", "by", "of"].includes(t.norm[i]!) ) {
    if (t.norm[i] === "," || ctx.index.personOf[i]! >= 0) break;
    i++;
  }
  const out: number[] = [];
  if (i < limit && ["de", "du", "d'", "des", "by", "of"].includes(t.norm[i]!)) {
    for (let k = i + 1; k < limit; k++) {
      const p = ctx.index.personOf[k]!;
      if (p >= 0) {
        out.push(p);
        break;
      }
      // "d'une équipe du FMI": a body, its head not named; a title in between may still name one
      const o = ctx.index.orgOf[k]!;
      if (o >= 0 && ctx.orgs[o]!.sector === "IGO" && !peopleIn(ctx, k, limit).length) return "organization";
      if (t.norm[k] === "," || data.triggers.matchAt(t, k, s.last)) break;
    }
  }
  // "Tran Luu Quang's official friendly visit"
  for (let k = tr.first - 1; k >= Math.max(s.first, tr.first - 6) && !out.length; k--) {
    const p = ctx.index.personOf[k]!;
    if (p >= 0 && t.norm[k + 1] === "'" && t.norm[k + 2] === "s") out.push(p);
    if (t.norm[k] === ",") break;
  }
  return out;
}

function nearest<S extends { start: number }>(ctx: ExtractContext, dates: S[], tr: Trigger): S | undefined {
  let best: S | undefined;
  let bestGap = Infinity;
  for (const d of dates) {
    const i = tokenAt(ctx.t, d.start);
    const gap = i < tr.first ? tr.first - i : Math.max(0, i - tr.last);
    if (gap < bestGap) {
      best = d;
      bestGap = gap;
    }
  }
  return best;
}

/** Is a person (by name, office, state or delegation) the object right after a verb? */
function personFollows(ctx: ExtractContext, s: SentenceSpan, from: number): boolean {
  const { t, data } = ctx;
  // "a reçu le 14 mars à Rabat son homologue": a date and a place may come first
  for (let k = from; k < Math.min(s.last, from + 10); k++) {
    if (ctx.index.personOf[k]! >= 0 || data.titles.matchAt(t, k, s.last) || data.delegation.matchAt(t, k, s.last)) return true;
    // "received the Russian delegation": a demonym, not a country's name ("hosting the Russia-Africa Summit")
    const p = ctx.index.placeOf[k]!;
    if (p >= 0 && ctx.places[p]!.kind === "demonym") return true;
    if (ctx.index.orgOf[k]! >= 0 && ctx.orgs[ctx.index.orgOf[k]!]!.sector !== "IGO") return true;
    if (t.norm[k] === "." || t.norm[k] === ";") return false;
  }
  return false;
}

/** News reports what just happened: an event dated months before the article is recalled, so background. */
function markOld(ctx: ExtractContext, events: EventRecord[]): void {
  for (const e of events) if (e.date && isOld(ctx, e.date)) e.background = true;
}

function isOld(ctx: ExtractContext, date: string): boolean {
  const ref = ctx.published ?? null;
  if (!ref || !/^\d{4}/.test(ref) || !/^\d{4}/.test(date)) return false;
  const day = (iso: string) => {
    const [y, m, d] = iso.split("-").map(Number);
    return Date.UTC(y!, (m ?? 12) - 1, d ?? 28) / 86_400_000;
  };
  return day(ref.length === 4 ? `${ref}-01-01` : ref) - day(date) > 90;
}
