// The shapes the merger reads (one article's extraction, see ../output/to-json.ts) and writes (merged records).
// Extraction items are typed `unknown` in ExtractionJson; `read*` below turn them into checked views.
import type { ExtractionJson } from "../output/to-json.js";

export interface ArticleInput {
  id: string;
  outlet?: string | null;
  url?: string | null;
  published?: string | null;
  /** the article's text; used for near-duplicate detection (falls back to the extraction's body spans) */
  text?: string;
  extraction: ExtractionJson;
}

export interface PlaceRef {
  name: string;
  country: string | null;
}
export interface OrgRef {
  name: string;
  country: string | null;
  sector: string | null;
}
export interface PersonRef {
  name: string;
  country: string | null;
}

export interface PersonView {
  name: string;
  aliases: string[];
  country: string | null;
  titles: string[];
}
export interface EventView {
  kind: string;
  date: string | null;
  end_date: string | null;
  place: PlaceRef | null;
  participants: PersonRef[];
  organizations: OrgRef[];
  countries: string[];
  background: boolean;
  /** the event's evidence texts (used to tell a stated place from an inferred one); null when not given */
  evidence: string[] | null;
}
export interface AgreementView {
  kind: string;
  title: string | null;
  status: string;
  date: string | null;
  period: { from: number | null; to: number | null } | null;
  countries: string[];
  parties: OrgRef[];
  background: boolean;
}

/** Which articles support one value of a field. */
export interface FieldValue {
  value: unknown;
  articles: string[];
}
export interface SourceRef {
  article: string;
  index: number;
}

export interface TitleAt {
  title: string;
  date: string | null;
  article: string;
}
export interface MergedPerson {
  id: string;
  /** the fullest form seen */
  name: string;
  variants: string[];
  country: string | null;
  titles: TitleAt[];
  articles: string[];
}

export interface MergedEvent {
  id: string;
  kind: string;
  date: string | null;
  end_date: string | null;
  place: PlaceRef | null;
  countries: string[];
  /** ids of MergedPerson */
  participants: string[];
  /** true when every report of it is a background mention */
  background: boolean;
  sources: SourceRef[];
  fields: Record<string, FieldValue[]>;
  conflicts: string[];
  /** why the reports were put together: one line per link */
  links: string[];
}

export interface StatusAt {
  status: string;
  article: string;
  date: string | null;
}
export interface MergedAgreement {
  id: string;
  kind: string;
  title: string | null;
  /** the furthest status reached: signed > referenced > planned */
  status: string;
  history: StatusAt[];
  date: string | null;
  period: { from: number | null; to: number | null } | null;
  countries: string[];
  parties: OrgRef[];
  /** merged signing events reported in the articles that report its signing */
  signings: string[];
  sources: SourceRef[];
  fields: Record<string, FieldValue[]>;
  conflicts: string[];
  links: string[];
}

export interface Duplicate {
  a: string;
  b: string;
  similarity: number;
}

export interface MergeResult {
  people: MergedPerson[];
  events: MergedEvent[];
  agreements: MergedAgreement[];
  duplicates: Duplicate[];
  /** id of the merged event that article's events[index] belongs to (throws for an unknown item) */
  eventIdOf(article: string, index: number): string;
  agreementIdOf(article: string, index: number): string;
}

// ---------- checked views of extraction items ----------

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x);
const str = (x: unknown): string | null => (typeof x === "string" && x.trim() !== "" ? x : null);
const strs = (x: unknown): string[] => (Array.isArray(x) ? x.filter((s): s is string => typeof s === "string" && s !== "") : []);
const iso = (x: unknown): string | null => (typeof x === "string" && /^[A-Z]{3}$/.test(x) ? x : null);
const int = (x: unknown): number | null => (typeof x === "number" && Number.isInteger(x) ? x : null);

function personRef(x: unknown): PersonRef | null {
  if (!isObj(x)) return null;
  const name = str(x.name);
  return name ? { name, country: iso(x.country) } : null;
}
function orgRef(x: unknown): OrgRef | null {
  if (!isObj(x)) return null;
  const name = str(x.name);
  return name ? { name, country: iso(x.country), sector: str(x.sector) } : null;
}
const nonNull = <T>(x: T | null): x is T => x !== null;
const countries = (x: unknown): string[] => [...new Set(strs(x).filter((c) => /^[A-Z]{3}$/.test(c)))].sort();

export function readPerson(x: unknown): PersonView | null {
  if (!isObj(x)) return null;
  const name = str(x.name);
  if (!name) return null;
  return { name, aliases: strs(x.aliases), country: iso(x.country), titles: strs(x.titles) };
}

export function readEvent(x: unknown): EventView | null {
  if (!isObj(x)) return null;
  const place = isObj(x.place) && str(x.place.name) ? { name: str(x.place.name)!, country: iso(x.place.country) } : null;
  const evidence = Array.isArray(x.evidence)
    ? x.evidence.map((s) => (isObj(s) && typeof s.text === "string" ? s.text : "")).filter((t) => t.trim() !== "")
    : null;
  return {
    kind: str(x.kind) ?? "other",
    date: str(x.date),
    end_date: str(x.end_date),
    place,
    participants: (Array.isArray(x.participants) ? x.participants : []).map(personRef).filter(nonNull),
    organizations: (Array.isArray(x.organizations) ? x.organizations : []).map(orgRef).filter(nonNull),
    countries: countries(x.countries),
    background: x.background === true,
    evidence: evidence && evidence.length ? evidence : null,
  };
}

export function readAgreement(x: unknown): AgreementView | null {
  if (!isObj(x)) return null;
  const period = isObj(x.period) ? { from: int(x.period.from), to: int(x.period.to) } : null;
  return {
    kind: str(x.kind) ?? "other",
    title: str(x.title),
    status: str(x.status) ?? "referenced",
    date: str(x.date),
    period: period && (period.from !== null || period.to !== null) ? period : null,
    countries: countries(x.countries),
    parties: (Array.isArray(x.parties) ? x.parties : []).map(orgRef).filter(nonNull),
    background: x.background === true,
  };
}
