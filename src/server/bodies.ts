// JSON bodies of the write routes: size-limited, an object with declared keys only, each field checked by type
// (and codes against the code book) before it reaches the store.
import type { Context } from "hono";
import { ApiError, badRequest } from "./errors.js";
import { AGREEMENT_KINDS, AGREEMENT_STATUSES, EVENT_KINDS, isDate, type CodeBook } from "./params.js";

const MAX_BODY = 64 * 1024;

export async function readBody(c: Context, allowed: readonly string[]): Promise<Record<string, unknown>> {
  const type = c.req.header("content-type") ?? "";
  if (!/^application\/json\b/i.test(type)) throw badRequest("the body must be JSON (Content-Type: application/json)");
  const length = Number(c.req.header("content-length") ?? 0);
  if (length > MAX_BODY) throw new ApiError("payload_too_large", `the body is larger than ${MAX_BODY} bytes`);
  const text = await c.req.text();
  if (text.length > MAX_BODY) throw new ApiError("payload_too_large", `the body is larger than ${MAX_BODY} bytes`);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw badRequest("the body is not valid JSON");
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw badRequest("the body must be a JSON object");
  for (const k of Object.keys(body)) if (!allowed.includes(k)) throw badRequest(`unknown field ${JSON.stringify(k)} (the body takes ${allowed.join(", ")})`);
  return body as Record<string, unknown>;
}

export function str(body: Record<string, unknown>, k: string, opts: { optional?: boolean; max?: number } = {}): string | undefined {
  const v = body[k];
  if (v === undefined && opts.optional) return undefined;
  if (typeof v !== "string" || !v.length) throw badRequest(`${k} must be a non-empty string`);
  if (v.length > (opts.max ?? 1000)) throw badRequest(`${k} is longer than ${opts.max ?? 1000} characters`);
  return v;
}

export function stringList(body: Record<string, unknown>, k: string, max = 100): string[] {
  const v = body[k];
  if (!Array.isArray(v) || !v.length || v.length > max || !v.every((x) => typeof x === "string" && x.length > 0 && x.length <= 500)) {
    throw badRequest(`${k} must be a list of 1 to ${max} non-empty strings`);
  }
  return v as string[];
}

const nullableDate = (k: string, v: unknown) => {
  if (v !== null && !(typeof v === "string" && isDate(v))) throw badRequest(`${k} must be a date YYYY, YYYY-MM or YYYY-MM-DD, or null`);
  return v;
};
const nullableText = (k: string, v: unknown) => {
  if (v !== null && !(typeof v === "string" && v.trim() && v.length <= 500)) throw badRequest(`${k} must be a non-empty string of at most 500 characters, or null`);
  return v;
};
const oneOf = (k: string, list: readonly string[]) => (v: unknown) => {
  if (typeof v !== "string" || !list.includes(v)) throw badRequest(`${k} must be one of ${list.join(", ")}`);
  return v;
};

async function codes(k: string, v: unknown, check: (x: string) => Promise<boolean>, what: string, upper: boolean): Promise<string[]> {
  if (!Array.isArray(v) || v.length > 50 || !v.every((x) => typeof x === "string")) throw badRequest(`${k} must be a list of ${what}`);
  const out: string[] = [];
  for (const x of v as string[]) {
    const code = upper ? x.toUpperCase() : x;
    if (!(await check(code))) throw badRequest(`${k}: ${JSON.stringify(x)} is not ${what === "area codes" ? "an area code of GET /api/areas" : "an ISO 3166-1 alpha-3 country code"}`);
    out.push(code);
  }
  return [...new Set(out)];
}

export const EVENT_FIELDS = ["kind", "date", "end_date", "place_name", "place_country", "countries", "areas"] as const;
export const AGREEMENT_FIELDS = ["kind", "title", "status", "date", "period", "countries", "areas"] as const;

/** The fields of a PATCH of an event or an agreement, checked. */
export async function editFields(rec: "event" | "agreement", body: Record<string, unknown>, book: CodeBook): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(body)) {
    if (k === "kind") out[k] = oneOf(k, rec === "event" ? EVENT_KINDS : AGREEMENT_KINDS)(v);
    else if (k === "status") out[k] = oneOf(k, AGREEMENT_STATUSES)(v);
    else if (k === "date" || k === "end_date") out[k] = nullableDate(k, v);
    else if (k === "place_name" || k === "title") out[k] = nullableText(k, v);
    else if (k === "place_country") {
      if (v !== null && !(typeof v === "string" && /^[A-Za-z]{3}$/.test(v) && (await book.country(v.toUpperCase())))) throw badRequest(`${k} must be an ISO 3166-1 alpha-3 country code, or null`);
      out[k] = v === null ? null : (v as string).toUpperCase();
    } else if (k === "countries") out[k] = await codes(k, v, book.country, "ISO 3166-1 alpha-3 country codes", true);
    else if (k === "areas") out[k] = await codes(k, v, book.area, "area codes", false);
    else if (k === "period") {
      const year = (x: unknown) => x === null || (Number.isInteger(x) && (x as number) >= 1000 && (x as number) <= 9999);
      if (v !== null && !(typeof v === "object" && !Array.isArray(v) && Object.keys(v as object).every((x) => x === "from" || x === "to") && year((v as { from?: unknown }).from ?? null) && year((v as { to?: unknown }).to ?? null))) {
        throw badRequest("period must be {from: year|null, to: year|null}, or null");
      }
      out[k] = v === null ? null : { from: (v as { from?: number | null }).from ?? null, to: (v as { to?: number | null }).to ?? null };
    }
  }
  if (!Object.keys(out).length) throw badRequest(`the body must change at least one of ${(rec === "event" ? EVENT_FIELDS : AGREEMENT_FIELDS).join(", ")}`);
  return out;
}
