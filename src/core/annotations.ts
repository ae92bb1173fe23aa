// The annotation layers stages add to a Doc. Offsets are into Doc.text.
import type { AgreementKind, EventKind, Sector } from "../lang/index.js";

export type ZoneKind = "title" | "title-repeat" | "lead-repeat" | "caption" | "teaser" | "body" | "related" | "meta";

export interface Zone {
  start: number;
  end: number;
  kind: ZoneKind;
}

export interface SentenceSpan {
  start: number;
  end: number;
  zone: ZoneKind;
  /** token index range [first, last) */
  first: number;
  last: number;
}

export interface Place {
  start: number;
  end: number;
  kind: "country" | "demonym" | "prefix" | "city" | "region" | "igo";
  iso3: string | null;
  id: string;
  name: string;
}

export interface DateSpan {
  start: number;
  end: number;
  value: string | null;
  endValue?: string | null;
  kind: string;
  periodFrom?: number;
  periodTo?: number;
  relative?: "past" | "future" | "same-day" | null;
}

export interface Dateline {
  start: number;
  end: number;
  place: string | null;
  country: string | null;
  date: string | null;
  /** the state of the national news agency that signs it ("(VNA)": VNM), when known */
  agencyCountry: string | null;
}

export interface OrgEntity {
  name: string;
  country: string | null;
  sector: Sector;
  mentions: { start: number; end: number }[];
}

export interface OrgMention {
  start: number;
  end: number;
  org: number;
}

export interface PersonEntity {
  name: string;
  aliases: string[];
  country: string | null;
  /** how the country was found, strongest first: title, org, shape, context */
  countryBy: "title" | "org" | "apposition" | "shape" | "context" | null;
  titles: string[];
  organization: number | null;
  mentions: { start: number; end: number }[];
  /** normalized name tokens, for matching later mentions */
  keys: string[];
}

export interface PersonMention {
  start: number;
  end: number;
  person: number;
}

export interface EventRecord {
  kind: EventKind;
  date: string | null;
  endDate: string | null;
  place: { name: string; country: string | null } | null;
  participants: number[];
  organizations: number[];
  countries: string[];
  background: boolean;
  evidence: { start: number; end: number }[];
  /** sentence index of the trigger */
  sentence: number;
}

export interface AgreementRecord {
  kind: AgreementKind;
  title: string | null;
  status: "signed" | "referenced" | "planned";
  date: string | null;
  period: { from: number | null; to: number | null } | null;
  countries: string[];
  parties: number[];
  areas: string[];
  background: boolean;
  evidence: { start: number; end: number }[];
  sentence: number;
}

export interface AreaRecord {
  code: string;
  evidence: { start: number; end: number }[];
}

export interface Annotations {
  zones: Zone[];
  title: { start: number; end: number } | null;
  sentences: SentenceSpan[];
  places: Place[];
  dates: DateSpan[];
  dateline: Dateline | null;
  /** the state the outlet writes from (see recognize/home-country.ts) */
  home: { country: string; by: "agency" | "dateline" | "outlet" | "place" } | null;
  orgs: OrgEntity[];
  orgMentions: OrgMention[];
  people: PersonEntity[];
  personMentions: PersonMention[];
  events: EventRecord[];
  agreements: AgreementRecord[];
  areas: AreaRecord[];
}
