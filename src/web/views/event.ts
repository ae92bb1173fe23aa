// An event's page: what the record says, which source supports each value, where sources disagree, what editors
// changed, and each source article with its supporting sentences marked.
import { h } from "../dom.js";
import { api } from "../api.js";
import { country, fmtRange, t, term } from "../i18n.js";
import { href } from "../router.js";
import {
  areaChips, conflictsBox, correctionsList, countriesOf, fieldCorrections, fieldsTable, kindBadge, reviewBadge, sourcesSection,
} from "../components.js";
import { editorPanel } from "./review.js";
import type { EventRow } from "../types.js";
import type { View } from "./view.js";

export async function eventView(id: string): Promise<View> {
  const e = await api<EventRow>(`/events/${encodeURIComponent(id)}`);
  const corr = fieldCorrections(e.corrections);
  const panel = await editorPanel("events", e.id, e.review, e);
  const people = new Map(e.participants.map((p) => [p.id, p.name]));
  const title = `${term("kind", e.kind)} · ${e.countries.map((c) => country(c)).join(" – ")}`;
  const shown: [string, unknown][] = [
    ["kind", e.kind], ["date", e.date], ["end_date", e.end_date], ["place_name", e.place_name], ["place_country", e.place_country],
    ["countries", e.countries], ["participants", e.participants.map((p) => p.id)], ["areas", e.areas], ["background", e.background],
  ];
  const pair = e.countries.length === 2 ? [...e.countries].sort() : null;
  return {
    title,
    node: h(
      "div",
      { class: "view record event", "data-event": e.id },
      h("p", { class: "crumb" }, h("a", { href: href("/timeline") }, t("nav.timeline")), " › ", t("event.crumb")),
      h("h1", null, title),
      h(
        "p",
        { class: "lede" },
        kindBadge(e.kind), " ", reviewBadge(e.review), " ",
        h("span", { class: "when" }, fmtRange(e.date, e.end_date)),
        e.place_name ? ` · ${e.place_name}` : "",
        e.place_country ? ` (${country(e.place_country)})` : "",
        e.background ? [" ", h("span", { class: "badge muted" }, t("event.background"))] : null,
      ),
      h("p", null, countriesOf(e.countries), pair ? [" · ", h("a", { href: href(`/pairs/${pair[0]}/${pair[1]}`) }, t("event.dossier"))] : null),
      e.participants.length
        ? h("p", null, h("strong", null, t("event.participants")), " ", e.participants.map((p, i) => [i ? ", " : "", h("a", { href: href(`/people/${p.id}`) }, p.name), p.country ? ` (${country(p.country)})` : ""]))
        : null,
      e.organizations.length
        ? h("p", null, h("strong", null, t("event.organizations")), " ", e.organizations.map((o, i) => [i ? ", " : "", h("a", { href: href(`/organizations/${o.id}`) }, o.name)]))
        : null,
      areaChips(e.areas),
      panel,
      conflictsBox(e.conflicts),
      h("section", { "aria-labelledby": "h-fields" }, h("h2", { id: "h-fields" }, t("fields.heading")), fieldsTable(shown, e.fields, e.sources, corr, people)),
      correctionsList(e.corrections),
      sourcesSection(e.sources),
    ),
  };
}
