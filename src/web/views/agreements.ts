// The agreement registry and an agreement's page. Periods are drawn on one year scale shared by the whole table,
// so that durations can be compared down the column.
import { h, s } from "../dom.js";
import { api } from "../api.js";
import { country, fmtDate, t, term, yearOf } from "../i18n.js";
import { href } from "../router.js";
import {
  areaChips, conflictsBox, correctionsList, countriesOf, empty, fieldCorrections, fieldsTable, filterForm, kindBadge, reviewBadge, sourcesSection,
} from "../components.js";
import { keptPaging, needsPaging, pageParams, pager } from "../paging.js";
import { editorPanel } from "./review.js";
import type { AgreementRow, Page } from "../types.js";
import type { View } from "./view.js";

// the period bars share one scale down the table, so a page holds as many agreements as the API gives at once
const PAGE_SIZE = 1000;

export async function agreementsView(q: URLSearchParams): Promise<View> {
  const { limit, offset } = pageParams(q, PAGE_SIZE);
  const query: Record<string, string | number | null> = { limit, offset, order: "asc" };
  for (const k of ["country", "with", "status", "kind", "area", "from", "to"]) query[k] = q.get(k);
  const [page, form] = await Promise.all([
    api<Page<AgreementRow>>("/agreements", { query }),
    filterForm("/agreements", ["country", "with", "agreementKind", "status", "area", "from", "to"], q, keptPaging(q)),
  ]);
  const paged = needsPaging(page);
  return {
    title: t("agreements.title"),
    node: h(
      "div",
      { class: "view agreements" },
      h("h1", null, t("agreements.title")),
      form,
      h("p", { class: "count", role: "status" }, t("agreements.count", { n: page.items.length, total: page.total })),
      paged ? pager("/agreements", q, page) : null,
      page.items.length ? agreementTable(page.items) : empty(t("agreements.empty")),
      paged && page.items.length ? pager("/agreements", q, page) : null,
    ),
  };
}

export function agreementTable(items: AgreementRow[]): HTMLElement {
  const years: number[] = [];
  for (const g of items) {
    if (g.period?.from) years.push(g.period.from);
    if (g.period?.to) years.push(g.period.to);
    const y = yearOf(g.date);
    if (y) years.push(y);
  }
  const y0 = years.length ? Math.min(...years) : 0;
  const y1 = years.length ? Math.max(...years) + 1 : 1;
  return h(
    "div",
    { class: "scroll-x" },
    h(
      "table",
      { class: "data registry" },
      h("caption", { class: "sr-only" }, t("agreements.title")),
      h(
        "thead",
        null,
        h(
          "tr",
          null,
          ["agreements.kind", "agreements.agreement", "agreements.parties", "agreements.signed", "agreements.period", "agreements.status", "agreements.sources"].map((k) =>
            h("th", { scope: "col", class: k === "agreements.sources" ? "num" : null }, t(k)),
          ),
        ),
        years.length ? h("tr", { class: "scale-row" }, h("td", { colspan: 4 }), h("td", null, scale(y0, y1)), h("td", { colspan: 2 })) : null,
      ),
      h(
        "tbody",
        null,
        items.map((g) =>
          h(
            "tr",
            { "data-agreement": g.id },
            h("td", null, kindBadge(g.kind, "akind")),
            h("td", { class: "title-cell" }, h("a", { href: href(`/agreements/${g.id}`) }, g.title ?? term("akind", g.kind)), g.review && g.review.status !== "unreviewed" ? [" ", reviewBadge(g.review)] : null),
            h("td", null, countriesOf(g.countries), g.parties.length ? h("div", { class: "muted small" }, g.parties.map((p) => p.name).join(", ")) : null),
            h("td", { class: "nowrap" }, fmtDate(g.date)),
            h("td", { class: "period-cell" }, periodBar(g, y0, y1)),
            h("td", null, h("span", { class: `badge status-${g.status}` }, term("status", g.status))),
            h("td", { class: "num" }, String(g.sources.length)),
          ),
        ),
      ),
    ),
  );
}

const W = 220, PAD = 4;
const px = (y: number, y0: number, y1: number) => PAD + ((y - y0) / (y1 - y0)) * (W - 2 * PAD);

function scale(y0: number, y1: number): SVGSVGElement {
  const svg = s("svg", { class: "period-scale", viewBox: `0 0 ${W} 16`, width: W, height: 16, "aria-hidden": "true" });
  const step = Math.max(1, Math.ceil((y1 - y0) / 5));
  // a year's label sits in the middle of its band, kept inside the drawing
  for (let y = y0; y < y1; y += step) {
    svg.appendChild(s("text", { x: Math.min(W - 14, Math.max(14, px(y + 0.5, y0, y1))), y: 12, "text-anchor": "middle" }, String(y)));
  }
  return svg;
}

function periodBar(g: AgreementRow, y0: number, y1: number): Node {
  const from = g.period?.from ?? null, to = g.period?.to ?? null;
  const signed = yearOf(g.date);
  const label = from || to ? `${from ?? "?"}–${to ?? "?"}` : "";
  if (!from && !to && !signed) return h("span", { class: "muted" }, "—");
  const svg = s("svg", { class: "period", viewBox: `0 0 ${W} 18`, width: W, height: 18, role: "img", "aria-label": label || t("agreements.signedIn", { year: signed ?? "?" }) });
  svg.appendChild(s("line", { x1: PAD, x2: W - PAD, y1: 9, y2: 9, class: "track" }));
  if (from || to) {
    const a = px(from ?? to!, y0, y1), b = px((to ?? from!) + 1, y0, y1);
    svg.appendChild(s("rect", { x: a, y: 3, width: Math.max(4, b - a), height: 12, rx: 3, class: `bar status-${g.status}` }));
  }
  if (signed) svg.appendChild(s("circle", { cx: px(signed + 0.5, y0, y1), cy: 9, r: 3.5, class: "signed" }));
  return h("span", { class: "period-wrap" }, svg, label ? h("span", { class: "small" }, ` ${label}`) : null);
}

export async function agreementView(id: string): Promise<View> {
  const g = await api<AgreementRow>(`/agreements/${encodeURIComponent(id)}`);
  const corr = fieldCorrections(g.corrections);
  const panel = await editorPanel("agreements", g.id, g.review, g);
  const title = g.title ?? term("akind", g.kind);
  const shown: [string, unknown][] = [
    ["kind", g.kind], ["title", g.title], ["status", g.status], ["date", g.date], ["period", g.period], ["countries", g.countries], ["areas", g.areas],
  ];
  return {
    title,
    node: h(
      "div",
      { class: "view record" },
      h("p", { class: "crumb" }, h("a", { href: href("/agreements") }, t("nav.agreements")), " › ", term("akind", g.kind)),
      h("h1", null, title),
      h(
        "p",
        { class: "lede" },
        kindBadge(g.kind, "akind"), " ", h("span", { class: `badge status-${g.status}` }, term("status", g.status)), " ", reviewBadge(g.review),
        " ", fmtDate(g.date), " · ", countriesOf(g.countries),
        g.countries.length === 2 ? [" · ", h("a", { href: href(`/pairs/${[...g.countries].sort().join("/")}`) }, t("event.dossier"))] : null,
      ),
      areaChips(g.areas),
      g.parties.length ? h("p", null, h("strong", null, t("agreements.parties")), " ", g.parties.map((p, i) => [i ? ", " : "", h("a", { href: href(`/organizations/${p.id}`) }, p.name), p.country ? ` (${country(p.country)})` : ""])) : null,
      panel,
      conflictsBox(g.conflicts),
      h("section", { "aria-labelledby": "h-fields" }, h("h2", { id: "h-fields" }, t("fields.heading")), fieldsTable(shown, g.fields, g.sources, corr)),
      g.status_history.length
        ? h(
            "section",
            { "aria-labelledby": "h-history" },
            h("h2", { id: "h-history" }, t("agreements.history")),
            h("ol", null, g.status_history.map((x) => h("li", null, fmtDate(x.date), " · ", term("status", x.status), x.articleId ? h("span", { class: "muted" }, ` · ${t("source.article", { id: x.articleId })}`) : null))),
          )
        : null,
      correctionsList(g.corrections),
      sourcesSection(g.sources),
    ),
  };
}
