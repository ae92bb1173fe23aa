// A country pair's dossier: what the two did together over time, in which fields, and who was involved.
import { h } from "../dom.js";
import { api } from "../api.js";
import { area, country, dateKey, fmtDate, learnCountries, t, term } from "../i18n.js";
import { href } from "../router.js";
import { empty, eventItem, filterForm, kindBadge } from "../components.js";
import { agreementTable } from "./agreements.js";
import type { AgreementRow, EventRow, PairDossier } from "../types.js";
import type { View } from "./view.js";

export async function pairView(a: string, b: string, q: URLSearchParams): Promise<View> {
  const path = `/pairs/${encodeURIComponent(a)}/${encodeURIComponent(b)}`;
  const query = { from: q.get("from"), to: q.get("to"), area: q.get("area") };
  const [d, form] = await Promise.all([api<PairDossier>(path, { query }), filterForm(`/pairs/${a}/${b}`, ["area", "from", "to"], q)]);
  learnCountries([d.a, d.b]);
  const na = country(d.a.code, d.a.name), nb = country(d.b.code, d.b.name);
  const title = `${na} – ${nb}`;
  return {
    title,
    node: h(
      "div",
      { class: "view pair" },
      h("p", { class: "crumb" }, h("a", { href: href("/network") }, t("nav.network")), " › ", t("pair.crumb")),
      h("h1", null, title),
      h(
        "p",
        { class: "lede" },
        t("pair.summary", { events: d.events.length, agreements: d.agreements.length, officials: d.officials.length }),
        " ",
        h("a", { href: href("/timeline", { country: d.a.code, with: d.b.code }) }, t("pair.onTimeline")),
      ),
      form,
      h("div", { class: "cols" },
        h("section", { class: "col-main", "aria-labelledby": "h-chrono" }, h("h2", { id: "h-chrono" }, t("pair.chronology")), chronology(d.events, d.agreements)),
        h("aside", { class: "col-side" },
          h("section", { "aria-labelledby": "h-officials" }, h("h2", { id: "h-officials" }, t("pair.officials")), officials(d)),
        ),
      ),
      h("section", { "aria-labelledby": "h-areas" }, h("h2", { id: "h-areas" }, t("pair.areasByYear")), areasByYear(d)),
      h("section", { "aria-labelledby": "h-agreements" }, h("h2", { id: "h-agreements" }, t("pair.agreements")), d.agreements.length ? agreementTable(d.agreements) : empty()),
    ),
  };
}

function chronology(events: EventRow[], agreements: AgreementRow[]): HTMLElement {
  const items = [
    ...events.map((e) => ({ key: dateKey(e.date), node: eventItem(e, { showCountries: false }) })),
    ...agreements.map((g) => ({
      key: dateKey(g.date),
      node: h(
        "li",
        { class: "event-item agreement-item" },
        h("span", { class: "when" }, fmtDate(g.date)),
        " ",
        kindBadge(g.kind, "akind"),
        " ",
        h("a", { href: href(`/agreements/${g.id}`) }, g.title ?? term("akind", g.kind)),
        " ",
        h("span", { class: `badge status-${g.status}` }, term("status", g.status)),
      ),
    })),
  ].sort((x, y) => x.key.localeCompare(y.key));
  return items.length ? h("ol", { class: "events chrono" }, items.map((i) => i.node)) : empty();
}

function officials(d: PairDossier): HTMLElement {
  if (!d.officials.length) return empty();
  const side = (code: string) => d.officials.filter((o) => o.country === code);
  const others = d.officials.filter((o) => o.country !== d.a.code && o.country !== d.b.code);
  const group = (label: string, list: PairDossier["officials"]) =>
    list.length
      ? h("div", { class: "officials" }, h("h3", null, label), h("ul", null, list.map((o) => h("li", null, h("a", { href: href(`/people/${o.id}`) }, o.name), h("span", { class: "muted" }, ` · ${t("pair.nEvents", { n: o.events })}`)))))
      : null;
  return h("div", null, group(country(d.a.code, d.a.name), side(d.a.code)), group(country(d.b.code, d.b.name), side(d.b.code)), group(t("pair.otherOfficials"), others));
}

/** a year × area grid, shaded by count: how the fields of cooperation shift from year to year */
function areasByYear(d: PairDossier): HTMLElement {
  const rows = [...d.areas_by_year].sort((x, y) => String(x.year).localeCompare(String(y.year)));
  const codes = [...new Set(rows.flatMap((r) => Object.keys(r.areas)))];
  const total = (c: string) => rows.reduce((n, r) => n + (r.areas[c] ?? 0), 0);
  codes.sort((x, y) => total(y) - total(x));
  if (!rows.length || !codes.length) return empty();
  const max = Math.max(1, ...rows.flatMap((r) => Object.values(r.areas)));
  return h(
    "div",
    { class: "scroll-x" },
    h(
      "table",
      { class: "heat" },
      h("caption", { class: "sr-only" }, t("pair.areasByYear")),
      h("thead", null, h("tr", null, h("th", { scope: "col" }, t("pair.area")), rows.map((r) => h("th", { scope: "col", class: "num" }, r.year === null || r.year === "" ? t("date.undated") : String(r.year))))),
      h(
        "tbody",
        null,
        codes.map((c) =>
          h(
            "tr",
            null,
            h("th", { scope: "row" }, h("a", { href: href("/timeline", { country: d.a.code, with: d.b.code, area: c }) }, area(c))),
            rows.map((r) => {
              const n = r.areas[c] ?? 0;
              return h("td", { class: `num heat-${n ? Math.min(4, Math.ceil((n / max) * 4)) : 0}` }, n ? String(n) : "");
            }),
          ),
        ),
      ),
    ),
  );
}
