// Events over time: one lane per kind on a shared time axis (dated events only), then the list by year, where
// events whose article gave no year or no date at all are kept apart rather than guessed.
import { h, s } from "../dom.js";
import { api } from "../api.js";
import { country, fmtRange, lang, t, term, yearOf } from "../i18n.js";
import { href } from "../router.js";
import { EVENT_KINDS, empty, eventItem, filterForm } from "../components.js";
import { keptPaging, needsPaging, pageParams, pager } from "../paging.js";
import type { EventRow, Page } from "../types.js";
import type { View } from "./view.js";

// the lanes compare events across years, so a page holds as many as the API gives at once
const PAGE_SIZE = 1000;

export async function timelineView(q: URLSearchParams): Promise<View> {
  const keys = ["country", "with", "area", "kind", "from", "to"] as const;
  const { limit, offset } = pageParams(q, PAGE_SIZE);
  const person = q.get("person");
  const query: Record<string, string | number | null> = { limit, offset, order: "asc", person };
  for (const k of keys) query[k] = q.get(k);
  const extra = { ...keptPaging(q), ...(person ? { person } : {}) };
  const [page, form] = await Promise.all([api<Page<EventRow>>("/events", { query }), filterForm("/timeline", [...keys], q, extra)]);
  const events = page.items;
  const who = person ? events.flatMap((e) => e.participants).find((p) => p.id === person)?.name ?? person : null;
  const sub = [q.get("country") && country(q.get("country")), q.get("with") && country(q.get("with")), who].filter(Boolean).join(" – ");
  const paged = needsPaging(page);
  return {
    title: t("timeline.title"),
    node: h(
      "div",
      { class: "view timeline" },
      h("h1", null, t("timeline.title"), sub ? h("span", { class: "sub" }, ` · ${sub}`) : null),
      form,
      h("p", { class: "count", role: "status" }, t("timeline.count", { n: events.length, total: page.total })),
      paged ? pager("/timeline", q, page) : null,
      events.length ? [lanes(events), list(events)] : empty(t("timeline.empty")),
      paged && events.length ? pager("/timeline", q, page) : null,
    ),
  };
}

/** fraction of a year, for placing a dated event; yearless and undated give null */
export function timeOf(d: string | null): number | null {
  const m = d ? /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(d) : null;
  if (!m) return null;
  const y = Number(m[1]), mo = m[2] ? Number(m[2]) - 1 : 6, da = m[3] ? Number(m[3]) - 1 : m[2] ? 14 : 0;
  return y + (mo + da / 31) / 12;
}

function lanes(events: EventRow[]): SVGSVGElement | HTMLElement {
  const dated = events.map((e) => ({ e, x: timeOf(e.date), x2: timeOf(e.end_date) })).filter((d) => d.x !== null) as { e: EventRow; x: number; x2: number | null }[];
  if (!dated.length) return h("p", { class: "muted" }, t("timeline.noDated"));
  const y0 = Math.floor(Math.min(...dated.map((d) => d.x)));
  const y1 = Math.floor(Math.max(...dated.map((d) => d.x2 ?? d.x))) + 1;
  const span = y1 - y0;
  const kinds = EVENT_KINDS.filter((k) => dated.some((d) => d.e.kind === k));
  for (const d of dated) if (!kinds.includes(d.e.kind)) kinds.push(d.e.kind);
  const left = 110, right = 20, width = 900, laneH = 28, top = 10;
  const axisY = top + kinds.length * laneH + 6;
  const x = (v: number) => left + ((v - y0) / span) * (width - left - right);
  const svg = s("svg", { class: "lanes", viewBox: `0 0 ${width} ${axisY + 28}`, role: "img", "aria-label": t("timeline.chartLabel", { from: y0, to: y1 - 1 }) });
  kinds.forEach((k, i) => {
    const y = top + i * laneH + laneH / 2;
    svg.append(
      s("line", { x1: left, x2: width - right, y1: y, y2: y, class: "lane" }),
      s("text", { x: left - 8, y: y + 4, "text-anchor": "end", class: "lane-label" }, term("kind", k)),
    );
  });
  // month ticks for short spans, year ticks for long ones, so that labels never crowd
  const monthFmt = new Intl.DateTimeFormat(lang() === "fr" ? "fr-FR" : "en-GB", { month: "short", timeZone: "UTC" });
  svg.appendChild(s("line", { x1: left, x2: width - right, y1: axisY, y2: axisY, class: "axis" }));
  const step = span <= 2 ? 1 / 12 : span <= 12 ? 1 : Math.ceil(span / 10);
  for (let v = y0; v <= y1 + 1e-9; v += step) {
    const isYear = Math.abs(v - Math.round(v)) < 1e-6;
    const month = Math.round((v - Math.floor(v + 1e-9)) * 12);
    svg.appendChild(s("line", { x1: x(v), x2: x(v), y1: axisY, y2: axisY + (isYear ? 6 : 3), class: "tick" }));
    const label = isYear ? String(Math.round(v)) : span <= 1 || month % 3 === 0 ? monthFmt.format(new Date(Date.UTC(2000, month, 1))) : "";
    if (label && v < y1 - 1e-9) svg.appendChild(s("text", { x: x(v) + 2, y: axisY + 18, class: isYear ? "tick-label year" : "tick-label" }, label));
  }
  for (const d of dated) {
    const y = top + kinds.indexOf(d.e.kind) * laneH + laneH / 2;
    const label = `${fmtRange(d.e.date, d.e.end_date)} · ${term("kind", d.e.kind)} · ${d.e.countries.map((c) => country(c)).join(" – ")}${d.e.place_name ? ` · ${d.e.place_name}` : ""}`;
    const mark = d.x2 !== null && d.x2 > d.x
      ? s("rect", { x: x(d.x) - 5, y: y - 5, width: Math.max(10, x(d.x2) - x(d.x) + 10), height: 10, rx: 5, class: `dot kind-${d.e.kind}` })
      : s("circle", { cx: x(d.x), cy: y, r: 5.5, class: `dot kind-${d.e.kind}` });
    svg.appendChild(s("a", { href: href(`/events/${d.e.id}`), "aria-label": label }, s("title", null, label), mark));
  }
  return svg;
}

function list(events: EventRow[]): HTMLElement {
  const groups = new Map<string, EventRow[]>();
  for (const e of events) {
    const y = yearOf(e.date);
    const k = y !== null ? String(y) : e.date ? "yearless" : "undated";
    const g = groups.get(k) ?? [];
    g.push(e);
    groups.set(k, g);
  }
  const order = [...groups.keys()].sort((a, b) => (a === "undated" ? 1 : b === "undated" ? -1 : a === "yearless" ? 1 : b === "yearless" ? -1 : a.localeCompare(b)));
  return h(
    "div",
    { class: "years" },
    order.map((k) =>
      h(
        "section",
        { class: "year" },
        h("h2", null, k === "yearless" ? t("timeline.yearless") : k === "undated" ? t("date.undated") : k, h("span", { class: "count" }, ` (${groups.get(k)!.length})`)),
        h("ol", { class: "events" }, [...groups.get(k)!].sort((x, y) => (x.date ?? "").localeCompare(y.date ?? "")).map((e) => eventItem(e))),
      ),
    ),
  );
}

