// People, organizations and countries: who they are, what they were called, what they took part in.
import { h } from "../dom.js";
import { api } from "../api.js";
import { country, fmtDate, learnCountries, t, term } from "../i18n.js";
import { href } from "../router.js";
import { correctionsList, empty, eventItem, pairHref, personCorrectionNotes, sourceHeader } from "../components.js";
import { personEditPanel, takeNotice } from "./person-edit.js";
import { agreementTable } from "./agreements.js";
import type { CountryDetail, OrganizationRow, PersonRow } from "../types.js";
import type { View } from "./view.js";

export async function personView(id: string): Promise<View> {
  const p = await api<PersonRow>(`/people/${encodeURIComponent(id)}`);
  const variants = p.variants.filter((v) => v !== p.name);
  // a split's new person carries no correction of its own (the split is recorded on the person it came from)
  const splitOff = /^p-split-\d+$/.test(p.id);
  return {
    title: p.name,
    node: h(
      "div",
      { class: "view entity" },
      h("p", { class: "crumb" }, h("a", { href: href("/people") }, t("directory.people")), " › ", t("person.crumb")),
      takeNotice(p.id),
      h("h1", null, p.name),
      h("p", { class: "lede" }, p.country ? [t("person.serves"), " ", h("a", { href: href(`/countries/${p.country}`) }, country(p.country))] : t("person.noCountry")),
      splitOff ? h("p", { class: "correction-note" }, h("span", { class: "badge corrected" }, t("correction.badge")), " ", t("person.splitOff")) : null,
      personCorrectionNotes(p.corrections),
      h("section", { "aria-labelledby": "h-variants" }, h("h2", { id: "h-variants" }, t("person.variants")), variants.length ? h("ul", { class: "chips plain" }, variants.map((v) => h("li", null, v))) : empty()),
      personEditPanel(p),
      h(
        "section",
        { "aria-labelledby": "h-offices" },
        h("h2", { id: "h-offices" }, t("person.offices")),
        p.offices.length ? h("ol", { class: "offices" }, p.offices.map((o) => h("li", null, h("span", { class: "when" }, fmtDate(o.date)), " ", o.title))) : empty(),
      ),
      h(
        "section",
        { "aria-labelledby": "h-events" },
        h("h2", { id: "h-events" }, t("person.events", { n: p.event_count })),
        p.events.length ? h("ol", { class: "events" }, p.events.map((e) => eventItem(e))) : empty(),
        p.event_count > p.events.length ? h("p", null, h("a", { href: href("/timeline", { person: p.id }) }, t("person.allEvents", { n: p.event_count }))) : null,
      ),
      correctionsList(p.corrections),
      h(
        "section",
        { "aria-labelledby": "h-psources" },
        h("h2", { id: "h-psources" }, t("person.sources", { n: p.sources.length })),
        p.sources.length ? h("div", { class: "sources compact" }, p.sources.map((s, i) => h("article", { class: "source" }, sourceHeader(s, i), s.evidence.length ? h("ul", { class: "quotes" }, s.evidence.map((e) => h("li", null, h("q", null, e.text)))) : null))) : empty(),
      ),
    ),
  };
}

export async function organizationView(id: string): Promise<View> {
  const o = await api<OrganizationRow>(`/organizations/${encodeURIComponent(id)}`);
  return {
    title: o.name,
    node: h(
      "div",
      { class: "view entity" },
      h("p", { class: "crumb" }, h("a", { href: href("/organizations") }, t("directory.organizations")), " › ", t("org.crumb")),
      h("h1", null, o.name),
      h("p", { class: "lede" }, o.country ? h("a", { href: href(`/countries/${o.country}`) }, country(o.country)) : t("person.noCountry"), o.sector ? ` · ${term("sector", o.sector)}` : ""),
      h("section", { "aria-labelledby": "h-events" }, h("h2", { id: "h-events" }, t("org.events", { n: o.events.length })), o.events.length ? h("ol", { class: "events" }, o.events.map((e) => eventItem(e))) : empty()),
      h("section", { "aria-labelledby": "h-agreements" }, h("h2", { id: "h-agreements" }, t("org.agreements", { n: o.agreements.length })), o.agreements.length ? agreementTable(o.agreements) : empty()),
    ),
  };
}

export async function countryView(code: string): Promise<View> {
  const c = await api<CountryDetail>(`/countries/${encodeURIComponent(code)}`);
  learnCountries([c, ...c.partners]);
  const name = country(c.code, c.name);
  const partners = [...c.partners].sort((a, b) => b.events - a.events || b.agreements - a.agreements);
  return {
    title: name,
    node: h(
      "div",
      { class: "view entity" },
      h("p", { class: "crumb" }, h("a", { href: href("/network") }, t("nav.network")), " › ", t("country.crumb")),
      h("h1", null, name),
      h("p", { class: "lede" }, t("country.summary", { events: c.events, agreements: c.agreements, partners: partners.length }), " ",
        h("a", { href: href("/timeline", { country: c.code }) }, t("country.timeline")), " · ",
        h("a", { href: href("/agreements", { country: c.code }) }, t("country.agreements"))),
      h(
        "section",
        { "aria-labelledby": "h-partners" },
        h("h2", { id: "h-partners" }, t("country.partners")),
        partners.length
          ? h(
              "table",
              { class: "data" },
              h("thead", null, h("tr", null, h("th", { scope: "col" }, t("country.partner")), h("th", { scope: "col", class: "num" }, t("network.events")), h("th", { scope: "col", class: "num" }, t("network.agreements")))),
              h("tbody", null, partners.map((p) => h("tr", null, h("td", null, h("a", { href: pairHref(c.code, p.code) }, country(p.code, p.name))), h("td", { class: "num" }, p.events), h("td", { class: "num" }, p.agreements)))),
            )
          : empty(),
      ),
    ),
  };
}
