// Pieces several views share: links, badges, filter forms, source articles with highlighted evidence,
// field support tables, corrections.
import { h, replace, safeUrl, type Child } from "./dom.js";
import { api, areaIndex, countryIndex } from "./api.js";
import { area, country, fmtDate, fmtRange, fmtTimestamp, t, term } from "./i18n.js";
import { href, navigate } from "./router.js";
import type { Correction, EventRow, Evidence, FieldSupport, Review, SourceRow, StoredArticle } from "./types.js";

export const EVENT_KINDS = ["meeting", "visit", "call", "conference", "signing", "other"];
export const AGREEMENT_KINDS = ["programme", "memorandum", "agreement", "declaration", "other"];
export const AGREEMENT_STATUSES = ["signed", "referenced", "planned"];

export const countryLink = (code: string | null | undefined, name?: string) =>
  code ? h("a", { href: href(`/countries/${code}`), class: "country" }, name ?? country(code)) : h("span", { class: "muted" }, t("common.unknown"));

export function pairHref(a: string, b: string): string {
  const [x, y] = [a, b].sort();
  return href(`/pairs/${x}/${y}`);
}

export const pairLabel = (a: string, b: string) => `${country(a)} – ${country(b)}`;

export const kindBadge = (kind: string, group = "kind") => h("span", { class: `badge kind-${kind.replace(/[^a-z_]/g, "")}` }, term(group, kind));

export const areaChips = (codes: string[]) =>
  codes.length ? h("ul", { class: "chips", "aria-label": t("field.areas") }, codes.map((c) => h("li", null, h("a", { href: href("/timeline", { area: c }) }, area(c))))) : null;

export function reviewBadge(r: Review | undefined): HTMLElement | null {
  if (!r || r.status === "unreviewed") return h("span", { class: "badge review-unreviewed" }, term("review", "unreviewed"));
  return h("span", { class: `badge review-${r.status}`, title: r.by ? t("review.by", { user: r.by, at: fmtTimestamp(r.at) }) : null }, term("review", r.status));
}

export function countriesOf(codes: string[]): Child[] {
  const out: Child[] = [];
  codes.forEach((c, i) => {
    if (i) out.push(", ");
    out.push(countryLink(c));
  });
  return out;
}

/** one line of an event list: date, kind, who, where; the whole line leads to the event page */
export function eventItem(e: EventRow, opts: { showCountries?: boolean } = {}): HTMLElement {
  const who = e.participants.map((p) => p.name).join(", ");
  return h(
    "li",
    { class: `event-item${e.background ? " background" : ""}`, "data-event": e.id },
    h("span", { class: "when" }, fmtRange(e.date, e.end_date)),
    " ",
    kindBadge(e.kind),
    " ",
    h(
      "a",
      { href: href(`/events/${e.id}`), class: "event-link" },
      [opts.showCountries === false ? "" : e.countries.map((c) => country(c)).join(" – "), e.place_name ?? ""].filter(Boolean).join(" · ") || term("kind", e.kind),
    ),
    who ? h("span", { class: "who" }, ` · ${who}`) : null,
    e.background ? [" ", h("span", { class: "badge muted" }, t("event.background"))] : null,
    e.review?.status === "confirmed" || e.review?.status === "rejected" ? [" ", reviewBadge(e.review)] : null,
  );
}

export function loading(): HTMLElement {
  return h("p", { class: "loading", role: "status" }, t("common.loading"));
}

export function errorBox(e: unknown): HTMLElement {
  const msg = e instanceof Error ? e.message : String(e);
  return h("div", { class: "error", role: "alert" }, h("strong", null, t("common.error")), " ", msg);
}

export function empty(text = t("common.none")): HTMLElement {
  return h("p", { class: "empty" }, text);
}

// ------------------------------------------------------------------------------------------ filter forms

export type FilterField = "country" | "with" | "area" | "kind" | "agreementKind" | "status" | "from" | "to";

/** A GET-like form whose values become the route's query, so that a filtered view can be bookmarked and shared. */
export async function filterForm(path: string, fields: FilterField[], q: URLSearchParams, extra: Record<string, string> = {}): Promise<HTMLFormElement> {
  const [countries, areas] = await Promise.all([countryIndex(), areaIndex()]);
  const countryOpts = [...countries.values()].sort((a, b) => country(a.code).localeCompare(country(b.code)));
  const select = (name: string, options: [string, string][]) =>
    h("select", { id: `f-${name}`, name }, h("option", { value: "" }, t("filter.any")), options.map(([v, l]) => h("option", { value: v, selected: q.get(name) === v }, l)));
  const control = (f: FilterField): HTMLElement => {
    const key = f === "agreementKind" ? "kind" : f;
    let input: HTMLElement;
    if (f === "country" || f === "with") input = select(key, countryOpts.map((c) => [c.code, country(c.code)]));
    else if (f === "area") input = select(key, [...areas.values()].map((a) => [a.code, area(a.code)]));
    else if (f === "kind") input = select(key, EVENT_KINDS.map((k) => [k, term("kind", k)]));
    else if (f === "agreementKind") input = select(key, AGREEMENT_KINDS.map((k) => [k, term("akind", k)]));
    else if (f === "status") input = select(key, AGREEMENT_STATUSES.map((k) => [k, term("status", k)]));
    else
      input = h("input", {
        id: `f-${key}`, name: key, type: "text", inputmode: "numeric", value: q.get(key) ?? "", placeholder: t("filter.datePlaceholder"),
        pattern: "\\d{4}(-\\d{2}(-\\d{2})?)?", size: 11, title: t("filter.dateHint"),
      });
    return h("div", { class: "field" }, h("label", { for: `f-${key}` }, t(`filter.${f}`)), input);
  };
  const form = h(
    "form",
    { class: "filters", role: "search", "aria-label": t("filter.title") },
    fields.map(control),
    h("div", { class: "field actions" }, h("button", { type: "submit" }, t("filter.apply")), h("a", { href: href(path, extra), class: "button secondary" }, t("filter.reset"))),
  );
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    if (!form.reportValidity()) return;
    const next: Record<string, string> = { ...extra };
    for (const [k, v] of new FormData(form)) if (typeof v === "string" && v.trim()) next[k] = v.trim();
    navigate(path, next);
  });
  return form;
}

// ---------------------------------------------------------------------------------- evidence highlighting

/**
 * The article text as text nodes, with each evidence span inside a <mark>. Offsets index the raw text; a span
 * whose offsets do not match its text (the article changed since) is looked up by its text instead, and dropped
 * when it cannot be found, so that a mark never shows words the source did not say.
 */
export function highlighted(text: string, spans: Evidence[]): { node: HTMLElement; missing: Evidence[] } {
  const placed: { start: number; end: number }[] = [];
  const missing: Evidence[] = [];
  for (const sp of spans) {
    if (text.slice(sp.start, sp.end) === sp.text) placed.push({ start: sp.start, end: sp.end });
    else {
      const at = sp.text ? text.indexOf(sp.text) : -1;
      if (at >= 0) placed.push({ start: at, end: at + sp.text.length });
      else missing.push(sp);
    }
  }
  placed.sort((a, b) => a.start - b.start || b.end - a.end);
  // overlapping spans are joined: nested <mark>s would read as two claims where the source makes one
  const merged: { start: number; end: number }[] = [];
  for (const p of placed) {
    const last = merged[merged.length - 1];
    if (last && p.start < last.end) last.end = Math.max(last.end, p.end);
    else merged.push({ ...p });
  }
  const node = h("div", { class: "article-text" });
  let pos = 0;
  for (const m of merged) {
    if (m.start > pos) node.appendChild(document.createTextNode(text.slice(pos, m.start)));
    node.appendChild(h("mark", { "data-start": m.start, "data-end": m.end }, text.slice(m.start, m.end)));
    pos = m.end;
  }
  if (pos < text.length) node.appendChild(document.createTextNode(text.slice(pos)));
  return { node, missing };
}

export function sourceLabel(i: number): string {
  return t("source.n", { n: i + 1 });
}

export function sourceHeader(src: SourceRow, i: number): HTMLElement {
  const url = safeUrl(src.url);
  return h(
    "header",
    { class: "source-head" },
    h("h3", null, h("span", { class: "source-n" }, sourceLabel(i)), " ", src.title ?? src.uri ?? src.url ?? t("source.untitled")),
    h(
      "p",
      { class: "meta" },
      [src.outlet, src.published ? fmtDate(src.published) : null].filter(Boolean).join(" · "),
      url ? [" · ", h("a", { href: url, rel: "noopener noreferrer", target: "_blank" }, t("source.original"))] : null,
      !url && src.uri ? [" · ", h("code", null, src.uri)] : null,
      src.superseded ? [" · ", h("span", { class: "badge warn" }, t("source.superseded"))] : null,
    ),
  );
}

/** Each source article in full, its supporting sentences highlighted; the texts load in parallel. */
export function sourcesSection(sources: SourceRow[]): HTMLElement {
  const list = h("div", { class: "sources" });
  sources.forEach((src, i) => {
    const body = h("div", { class: "source-body" }, loading());
    list.appendChild(h("article", { class: "source", id: `source-${src.articleId}`, tabindex: -1, "data-article": src.articleId }, sourceHeader(src, i), body));
    api<StoredArticle>(`/articles/${src.articleId}`)
      .then((a) => {
        const { node, missing } = highlighted(a.text ?? "", src.evidence);
        replace(
          body,
          h("p", { class: "meta" }, t("source.evidenceCount", { n: src.evidence.length })),
          node,
          missing.length ? h("div", { class: "warn-box" }, t("source.missing"), h("ul", null, missing.map((m) => h("li", null, h("q", null, m.text))))) : null,
        );
      })
      .catch((e) => replace(body, errorBox(e)));
  });
  return h("section", { "aria-labelledby": "h-sources" }, h("h2", { id: "h-sources" }, t("source.title", { n: sources.length })), list);
}

// --------------------------------------------------------------------------------------- fields, conflicts

export function showValue(field: string, v: unknown, people?: Map<string, string>): string {
  if (v === null || v === undefined) return "—";
  if (field === "kind" && typeof v === "string") return term("kind", v);
  if (field === "status" && typeof v === "string") return term("status", v);
  if ((field === "date" || field === "end_date") && typeof v === "string") return fmtDate(v);
  if (field === "countries" && Array.isArray(v)) return v.map((c) => country(String(c))).join(", ");
  if (field === "areas" && Array.isArray(v)) return v.map((c) => area(String(c))).join(", ");
  if (field === "participants" && typeof v === "string") return people?.get(v) ?? v;
  if (field === "place_country" && typeof v === "string") return country(v);
  if (field === "background" && typeof v === "boolean") return v ? t("common.yes") : t("common.no");
  if (field === "period" && v && typeof v === "object") {
    const p = v as { from?: number | null; to?: number | null };
    return `${p.from ?? "?"}–${p.to ?? "?"}`;
  }
  if (field === "place" && v && typeof v === "object") {
    const p = v as { name?: string | null; country?: string | null };
    return [p.name, p.country ? country(p.country) : null].filter(Boolean).join(", ");
  }
  if (Array.isArray(v)) return v.map((x) => showValue(field, x, people)).join(", ");
  if (typeof v === "object") return JSON.stringify(v);
  return String(v);
}

export interface FieldCorrection {
  field: string;
  value: unknown;
  original: unknown;
  by: string;
  at: string;
}

const ORIGINAL_KEYS = ["original", "originals", "before", "previous", "old", "from"];
const VALUE_KEYS = ["set", "changes", "fields", "values", "after", "new", "to", "patch"];

/**
 * Which fields editors changed, from the edit corrections (latest wins). The payload keeps the new values and the
 * originals; its exact nesting is the server's, so both the flat form and the usual nestings are read.
 */
export function fieldCorrections(corrections: Correction[] | undefined): Map<string, FieldCorrection> {
  const out = new Map<string, FieldCorrection>();
  const sorted = [...(corrections ?? [])].filter((c) => c.action === "edit").sort((a, b) => String(a.at).localeCompare(String(b.at)));
  for (const c of sorted) {
    const p = (c.payload ?? {}) as Record<string, unknown>;
    const obj = (keys: string[]) => {
      for (const k of keys) if (p[k] && typeof p[k] === "object" && !Array.isArray(p[k])) return p[k] as Record<string, unknown>;
      return null;
    };
    const originals = obj(ORIGINAL_KEYS) ?? {};
    const values = obj(VALUE_KEYS) ?? Object.fromEntries(Object.entries(p).filter(([k]) => !ORIGINAL_KEYS.includes(k) && k !== "note"));
    for (const [field, raw] of Object.entries(values)) {
      let value = raw;
      let original = originals[field];
      // a period is itself {from, to} (years), not a before/after pair
      if (field !== "period" && raw && typeof raw === "object" && !Array.isArray(raw) && ("to" in raw || "new" in raw)) {
        const r = raw as Record<string, unknown>;
        value = "to" in r ? r.to : r.new;
        original = "from" in r ? r.from : r.old;
      }
      const prev = out.get(field);
      out.set(field, { field, value, original: prev ? prev.original : original, by: c.by, at: c.at });
    }
  }
  return out;
}

/**
 * A list field's change as what was added and what was removed: both whole lists again would hide the one area
 * that changed among six. Null when either side is not a list.
 */
export function listChange(field: string, original: unknown, value: unknown): Child[] | null {
  if (!Array.isArray(original) || !Array.isArray(value)) return null;
  const added = value.filter((x) => !original.includes(x));
  const removed = original.filter((x) => !value.includes(x));
  if (!added.length && !removed.length) return [t("correction.reordered")];
  return [
    added.length ? [t("correction.added"), " ", h("ins", null, showValue(field, added))] : null,
    added.length && removed.length ? " · " : null,
    removed.length ? [t("correction.removed"), " ", h("del", null, showValue(field, removed))] : null,
  ];
}

export function correctionNote(fc: FieldCorrection, field: string): HTMLElement {
  return h(
    "span",
    { class: "correction-note" },
    h("span", { class: "badge corrected" }, t("correction.badge")),
    " ",
    t("correction.by", { user: fc.by, at: fmtTimestamp(fc.at) }),
    fc.original !== undefined ? [" · ", listChange(field, fc.original, fc.value) ?? [t("correction.original"), " ", h("del", null, showValue(field, fc.original))]] : null,
  );
}

/**
 * One row per field: the value the record holds, and every value the sources gave with which source supports it.
 * `shown` lists the record's own values for the fields the table covers.
 */
export function fieldsTable(
  shown: [string, unknown][],
  fields: Record<string, FieldSupport[]>,
  sources: SourceRow[],
  corrections: Map<string, FieldCorrection>,
  people?: Map<string, string>,
): HTMLElement {
  const num = new Map(sources.map((s, i) => [s.articleId, i]));
  const cite = (ids: number[]) =>
    ids.map((id) => {
      const i = num.get(id);
      const label = i === undefined ? t("source.article", { id }) : sourceLabel(i);
      return h(
        "button",
        {
          type: "button", class: "cite",
          onclick: () => {
            const el = document.getElementById(`source-${id}`);
            el?.scrollIntoView({ block: "start" });
            el?.focus({ preventScroll: true });
          },
        },
        label,
      );
    });
  const fieldOf: Record<string, string> = { place_name: "place", place_country: "place" };
  const rows = shown.map(([field, value]) => {
    const support = fields[fieldOf[field] ?? field] ?? [];
    const fc = corrections.get(field);
    return h(
      "tr",
      { "data-field": field, class: fc ? "corrected" : null },
      h("th", { scope: "row" }, term("field", field)),
      h("td", null, h("span", { class: "value" }, showValue(field, value, people)), fc ? [" ", correctionNote(fc, field)] : null),
      h(
        "td",
        null,
        support.length
          ? h("ul", { class: "support" }, support.map((s) => h("li", null, h("span", { class: "sv" }, showValue(fieldOf[field] ?? field, s.value, people)), " ", cite(s.articles))))
          : h("span", { class: "muted" }, "—"),
      ),
    );
  });
  return h(
    "table",
    { class: "fields" },
    h("caption", { class: "sr-only" }, t("field.caption")),
    h("thead", null, h("tr", null, h("th", { scope: "col" }, t("field.field")), h("th", { scope: "col" }, t("field.value")), h("th", { scope: "col" }, t("field.support")))),
    h("tbody", null, rows),
  );
}

export function conflictsBox(conflicts: unknown[]): HTMLElement | null {
  if (!conflicts.length) return null;
  return h(
    "section",
    { class: "conflicts", "aria-labelledby": "h-conflicts" },
    h("h2", { id: "h-conflicts" }, t("conflict.title", { n: conflicts.length })),
    h("p", null, t("conflict.hint")),
    h("ul", null, conflicts.map((c) => h("li", null, typeof c === "string" ? c : JSON.stringify(c)))),
  );
}

/** a correction in words: "Date: 14 Mar 2024 → 15 Mar 2024", "confirmed (note)" */
function describe(c: Correction): Child {
  const p = (c.payload ?? {}) as Record<string, unknown>;
  if (c.action === "review") {
    const st = typeof p.status === "string" ? term("review", p.status) : "";
    return [h("strong", null, st), typeof p.note === "string" && p.note ? ` — ${p.note}` : ""];
  }
  if (c.action === "edit") {
    const fcs = fieldCorrections([c]);
    return [...fcs.values()].map((fc, i) => [
      i ? "; " : "",
      h("strong", null, term("field", fc.field)), ": ",
      listChange(fc.field, fc.original, fc.value) ?? [
        fc.original !== undefined ? [h("del", null, showValue(fc.field, fc.original)), " → "] : null,
        h("ins", null, showValue(fc.field, fc.value)),
      ],
    ]);
  }
  if (c.action === "merge") {
    const people = Array.isArray(p.people) ? (p.people as { id?: unknown; name?: unknown; country?: unknown }[]) : [];
    return [
      t("correction.merged"), " ",
      people.map((x, i) => [i ? ", " : "", h("strong", null, String(x.name ?? x.id ?? "")), typeof x.country === "string" ? ` (${country(x.country)})` : "", " ", h("code", null, String(x.id ?? ""))]),
    ];
  }
  if (c.action === "split") {
    const forms = Array.isArray(p.variants) ? p.variants.map(String) : [];
    // the server names the new person after the correction (docs/api.md): p-split-<correction id>
    return [t("correction.split"), " ", forms.map((v, i) => [i ? ", " : "", h("q", null, v)]), " → ", h("a", { href: href(`/people/p-split-${c.id}`) }, t("correction.newPerson"))];
  }
  return h("code", null, JSON.stringify(p));
}

/** merges and splits of a person, each marked as a correction, for the top of the person's page */
export function personCorrectionNotes(corrections: Correction[] | undefined): HTMLElement | null {
  const changes = (corrections ?? []).filter((c) => c.action === "merge" || c.action === "split");
  if (!changes.length) return null;
  return h(
    "ul",
    { class: "correction-notes" },
    changes.map((c) =>
      h("li", { class: "correction-note", "data-correction": c.action }, h("span", { class: "badge corrected" }, t("correction.badge")), " ", describe(c), " ", h("span", { class: "muted" }, t("correction.by", { user: c.by, at: fmtTimestamp(c.at) }))),
    ),
  );
}

export function correctionsList(corrections: Correction[] | undefined): HTMLElement | null {
  if (!corrections?.length) return null;
  return h(
    "section",
    { class: "corrections", "aria-labelledby": "h-corrections" },
    h("h2", { id: "h-corrections" }, t("correction.title", { n: corrections.length })),
    h(
      "ol",
      null,
      corrections.map((c) =>
        h("li", null, h("span", { class: "badge" }, term("action", c.action)), " ", describe(c), " ", h("span", { class: "muted" }, t("correction.by", { user: c.by, at: fmtTimestamp(c.at) }))),
      ),
    ),
  );
}
