// UI strings live in i18n/*.json; this picks the language, fills {placeholders}, and formats dates and the
// labels the API gives in both languages (country names, areas).
import en from "./i18n/en.json";
import fr from "./i18n/fr.json";
import type { AreaItem, CountryItem, Named } from "./types.js";

export type Lang = "en" | "fr";
const dicts: Record<Lang, Record<string, string>> = { en, fr };
const LANG_KEY = "entente.lang";

function initialLang(): Lang {
  const saved = localStorage.getItem(LANG_KEY);
  if (saved === "en" || saved === "fr") return saved;
  return navigator.language.toLowerCase().startsWith("fr") ? "fr" : "en";
}

let current: Lang = initialLang();

export function lang(): Lang {
  return current;
}

export function setLang(l: Lang): void {
  current = l;
  localStorage.setItem(LANG_KEY, l);
  document.documentElement.lang = l;
}

export function t(key: string, params?: Record<string, string | number>): string {
  const s = dicts[current][key] ?? dicts.en[key] ?? key;
  if (!params) return s;
  return s.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

/** a kind, status, field name ... from a fixed vocabulary; unknown values show as they are */
export function term(group: string, value: string): string {
  const key = `${group}.${value}`;
  return dicts[current][key] ?? dicts.en[key] ?? value;
}

// ------------------------------------------------------------------------------------------------- labels

const countryNames = new Map<string, Named>();
const areaLabels = new Map<string, Named>();

export function learnCountries(items: Iterable<CountryItem | { code: string; name: Named | string }>): void {
  for (const c of items) if (typeof c.name === "object" && c.name) countryNames.set(c.code, c.name);
}

export function learnAreas(items: Iterable<AreaItem>): void {
  for (const a of items) areaLabels.set(a.code, a.label);
}

export function country(code: string | null | undefined, given?: Named | string): string {
  if (!code) return t("common.unknown");
  if (given && typeof given === "object") return given[current] || given.en || code;
  if (typeof given === "string" && given) return given;
  const n = countryNames.get(code);
  return n ? n[current] || n.en : code;
}

export function area(code: string): string {
  const n = areaLabels.get(code);
  return n ? n[current] || n.en : code.replace(/_/g, " ");
}

// ------------------------------------------------------------------------------------------------- dates

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const YEARLESS = /^--(\d{2})(?:-(\d{2}))?$/;

/**
 * Dates come as the extraction found them: YYYY, YYYY-MM, YYYY-MM-DD, or without a year ("--09-08", "--11")
 * when the article named only a day or month.
 */
export function fmtDate(d: string | null | undefined): string {
  if (!d) return t("date.undated");
  const loc = current === "fr" ? "fr-FR" : "en-GB";
  let m = DATE.exec(d);
  if (m) {
    const [, y, mo, da] = m;
    if (!mo) return y!;
    const date = new Date(Date.UTC(Number(y), Number(mo) - 1, da ? Number(da) : 1));
    const opts: Intl.DateTimeFormatOptions = da ? { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" } : { month: "long", year: "numeric", timeZone: "UTC" };
    return new Intl.DateTimeFormat(loc, opts).format(date);
  }
  m = YEARLESS.exec(d);
  if (m) {
    const [, mo, da] = m;
    const date = new Date(Date.UTC(2000, Number(mo) - 1, da ? Number(da) : 1));
    const opts: Intl.DateTimeFormatOptions = da ? { day: "numeric", month: "short", timeZone: "UTC" } : { month: "long", timeZone: "UTC" };
    return t("date.yearless", { date: new Intl.DateTimeFormat(loc, opts).format(date) });
  }
  return d;
}

export function fmtRange(from: string | null, to: string | null): string {
  if (from && to && to !== from) return t("date.range", { from: fmtDate(from), to: fmtDate(to) });
  return fmtDate(from);
}

export function fmtTimestamp(iso: string | null | undefined): string {
  if (!iso) return "";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(current === "fr" ? "fr-FR" : "en-GB", { dateStyle: "medium", timeStyle: "short" }).format(d);
}

/** the year of a full or partial date, or null when there is none */
export function yearOf(d: string | null | undefined): number | null {
  const m = d ? DATE.exec(d) : null;
  return m ? Number(m[1]) : null;
}

/** sortable key: dated first in order, year-less and undated after */
export function dateKey(d: string | null | undefined): string {
  if (!d) return "~";
  if (DATE.test(d)) return d;
  return `}${d}`;
}
