// The people and organization lists: by name, filtered by a piece of any written form and by country, one page of
// the API at a time.
import { h } from "../dom.js";
import { api, countryIndex } from "../api.js";
import { country, t, term } from "../i18n.js";
import { href, navigate } from "../router.js";
import { countryLink, empty } from "../components.js";
import { keptPaging, needsPaging, pageParams, pager } from "../paging.js";
import type { OrganizationSummary, Page, PersonSummary } from "../types.js";
import type { View } from "./view.js";

const PAGE_SIZE = 50;
const SECTORS = ["GOV", "COP", "MIL", "SPY", "JUD", "LEG", "PTY", "IGO"];

/** name and country (and sector) filters; sending them starts again at the first page, at the same page size */
async function directoryForm(path: string, q: URLSearchParams, sectors: boolean): Promise<HTMLFormElement> {
  const countries = [...(await countryIndex()).values()].sort((a, b) => country(a.code).localeCompare(country(b.code)));
  const field = (name: string, label: string, input: HTMLElement) => h("div", { class: "field" }, h("label", { for: `d-${name}` }, label), input);
  const select = (name: string, options: [string, string][]) =>
    h("select", { id: `d-${name}`, name }, h("option", { value: "" }, t("filter.any")), options.map(([v, l]) => h("option", { value: v, selected: q.get(name) === v }, l)));
  const form = h(
    "form",
    { class: "filters", role: "search", "aria-label": t("filter.title") },
    field("q", t("directory.name"), h("input", { id: "d-q", name: "q", type: "search", value: q.get("q") ?? "", size: 24 })),
    field("country", t("filter.country"), select("country", countries.map((c) => [c.code, country(c.code)]))),
    sectors ? field("sector", t("directory.sector"), select("sector", SECTORS.map((s) => [s, term("sector", s)]))) : null,
    h("div", { class: "field actions" }, h("button", { type: "submit" }, t("filter.apply")), h("a", { href: href(path, keptPaging(q)), class: "button secondary" }, t("filter.reset"))),
  );
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const next: Record<string, string> = keptPaging(q);
    for (const [k, v] of new FormData(form)) if (typeof v === "string" && v.trim()) next[k] = v.trim();
    navigate(path, next);
  });
  return form;
}

function listed<T>(path: string, q: URLSearchParams, page: Page<T>, countKey: string, table: (items: T[]) => HTMLElement): HTMLElement[] {
  const paged = needsPaging(page);
  return [
    h("p", { class: "count", role: "status" }, t(countKey, { n: page.items.length, total: page.total })),
    paged ? pager(path, q, page) : null,
    page.items.length ? table(page.items) : empty(t("directory.none")),
    paged && page.items.length ? pager(path, q, page) : null,
  ].filter((x): x is HTMLElement => x !== null);
}

const th = (key: string, num = false) => h("th", { scope: "col", class: num ? "num" : null }, t(key));

export async function peopleView(q: URLSearchParams): Promise<View> {
  const { limit, offset } = pageParams(q, PAGE_SIZE);
  const [page, form] = await Promise.all([
    api<Page<PersonSummary>>("/people", { query: { q: q.get("q"), country: q.get("country"), limit, offset } }),
    directoryForm("/people", q, false),
  ]);
  const table = (items: PersonSummary[]) =>
    h(
      "table",
      { class: "data directory" },
      h("caption", { class: "sr-only" }, t("directory.people")),
      h("thead", null, h("tr", null, th("directory.name"), th("filter.country"), th("person.variants"), th("network.events", true))),
      h(
        "tbody",
        null,
        items.map((p) =>
          h(
            "tr",
            { "data-person": p.id },
            h("td", null, h("a", { href: href(`/people/${p.id}`) }, p.name)),
            h("td", null, countryLink(p.country)),
            h("td", { class: "muted small" }, p.variants.filter((v) => v !== p.name).join(" · ")),
            h("td", { class: "num" }, p.event_count),
          ),
        ),
      ),
    );
  return {
    title: t("directory.people"),
    node: h("div", { class: "view directory" }, h("h1", null, t("directory.people")), form, listed("/people", q, page, "directory.peopleCount", table)),
  };
}

export async function organizationsView(q: URLSearchParams): Promise<View> {
  const { limit, offset } = pageParams(q, PAGE_SIZE);
  const [page, form] = await Promise.all([
    api<Page<OrganizationSummary>>("/organizations", { query: { q: q.get("q"), country: q.get("country"), sector: q.get("sector"), limit, offset } }),
    directoryForm("/organizations", q, true),
  ]);
  const table = (items: OrganizationSummary[]) =>
    h(
      "table",
      { class: "data directory" },
      h("caption", { class: "sr-only" }, t("directory.organizations")),
      h("thead", null, h("tr", null, th("directory.name"), th("filter.country"), th("directory.sector"), th("network.events", true), th("network.agreements", true))),
      h(
        "tbody",
        null,
        items.map((o) =>
          h(
            "tr",
            { "data-organization": o.id },
            h("td", null, h("a", { href: href(`/organizations/${o.id}`) }, o.name)),
            h("td", null, o.country ? countryLink(o.country) : h("span", { class: "muted" }, "—")),
            h("td", null, o.sector ? term("sector", o.sector) : h("span", { class: "muted" }, "—")),
            h("td", { class: "num" }, o.event_count),
            h("td", { class: "num" }, o.agreement_count),
          ),
        ),
      ),
    );
  return {
    title: t("directory.organizations"),
    node: h("div", { class: "view directory" }, h("h1", null, t("directory.organizations")), form, listed("/organizations", q, page, "directory.organizationsCount", table)),
  };
}
