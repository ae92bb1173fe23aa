// Strict reading of query strings and JSON bodies: every parameter is declared with its type, an undeclared or
// repeated one is an error (it catches typos such as ?contry=), and each message names the parameter at fault.
import { dayRange } from "../store/dates.js";
import { badRequest } from "./errors.js";

export type ParamType =
  | "iso3"
  | "date"
  | "limit"
  | "offset"
  | "order"
  | "bool"
  | "area"
  | "text"
  | "review"
  | { oneOf: readonly string[] };

export type ParamSpec = Record<string, ParamType>;

/** What a check needs from the store: whether a country or area code exists (the gazetteer's, or one in the data). */
export interface CodeBook {
  country(code: string): Promise<boolean>;
  area(code: string): Promise<boolean>;
}

export const EVENT_KINDS = ["meeting", "visit", "call", "conference", "signing", "other"] as const;
export const AGREEMENT_KINDS = ["programme", "memorandum", "agreement", "declaration", "other"] as const;
export const AGREEMENT_STATUSES = ["signed", "referenced", "planned"] as const;
export const REVIEW_FILTERS = ["all", "unreviewed", "confirmed", "rejected"] as const;

const ISO3 = /^[A-Za-z]{3}$/;
const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const INT = /^\d{1,9}$/;
const MAX_TEXT = 500;

export function isDate(s: string): boolean {
  return DATE.test(s) && dayRange(s) !== null;
}

/** One value checked against its type; returns it in the form the store takes. */
export async function checkValue(name: string, type: ParamType, raw: string, codes: CodeBook): Promise<unknown> {
  if (typeof type === "object") {
    if (!type.oneOf.includes(raw)) throw badRequest(`${name} must be one of ${type.oneOf.join(", ")}, not ${JSON.stringify(raw)}`);
    return raw;
  }
  switch (type) {
    case "iso3": {
      if (!ISO3.test(raw) || !(await codes.country(raw.toUpperCase()))) throw badRequest(`${name} must be an ISO 3166-1 alpha-3 country code such as VNM, not ${JSON.stringify(raw)}`);
      return raw.toUpperCase();
    }
    case "date":
      if (!isDate(raw)) throw badRequest(`${name} must be a date YYYY, YYYY-MM or YYYY-MM-DD, not ${JSON.stringify(raw)}`);
      return raw;
    case "limit": {
      const n = INT.test(raw) ? Number(raw) : NaN;
      if (!(n >= 1 && n <= 1000)) throw badRequest(`${name} must be an integer from 1 to 1000, not ${JSON.stringify(raw)}`);
      return n;
    }
    case "offset": {
      if (!INT.test(raw)) throw badRequest(`${name} must be an integer >= 0, not ${JSON.stringify(raw)}`);
      return Number(raw);
    }
    case "order":
      if (raw !== "asc" && raw !== "desc") throw badRequest(`${name} must be asc or desc, not ${JSON.stringify(raw)}`);
      return raw;
    case "bool":
      if (raw !== "true" && raw !== "false") throw badRequest(`${name} must be true or false, not ${JSON.stringify(raw)}`);
      return raw === "true";
    case "area":
      if (!/^[a-z][a-z0-9_]{0,63}$/.test(raw) || !(await codes.area(raw))) throw badRequest(`${name} must be an area code of GET /api/areas, not ${JSON.stringify(raw)}`);
      return raw;
    case "review":
      if (!(REVIEW_FILTERS as readonly string[]).includes(raw)) throw badRequest(`${name} must be one of ${REVIEW_FILTERS.join(", ")}, not ${JSON.stringify(raw)}`);
      return raw;
    case "text":
      if (!raw.trim()) throw badRequest(`${name} must not be empty`);
      if (raw.length > MAX_TEXT) throw badRequest(`${name} is longer than ${MAX_TEXT} characters`);
      return raw;
  }
}

/** The query string of `url` against `spec`; parameters absent stay undefined. */
export async function readQuery(url: string, spec: ParamSpec, codes: CodeBook): Promise<Record<string, unknown>> {
  const params = new URL(url).searchParams;
  const out: Record<string, unknown> = {};
  const seen = new Set<string>();
  for (const [name, raw] of params) {
    const type = spec[name];
    if (!type) {
      const known = Object.keys(spec);
      throw badRequest(`unknown parameter ${JSON.stringify(name)}${known.length ? ` (this route takes ${known.join(", ")})` : " (this route takes none)"}`);
    }
    if (seen.has(name)) throw badRequest(`parameter ${name} is given more than once`);
    seen.add(name);
    out[name] = await checkValue(name, type, raw, codes);
  }
  return out;
}

/** A path parameter that must be a country code. */
export async function pathCountry(name: string, raw: string, codes: CodeBook): Promise<string> {
  return (await checkValue(name, "iso3", raw, codes)) as string;
}
