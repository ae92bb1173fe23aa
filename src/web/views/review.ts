// Editor controls: confirm or reject a record, correct a field. Shown only to a signed-in editor; the server
// checks the role on every write anyway, so hiding them is for clarity, not for safety.
import { h } from "../dom.js";
import { api, ApiError, dropCaches, isEditor } from "../api.js";
import { t, term } from "../i18n.js";
import { refresh } from "../router.js";
import { AGREEMENT_KINDS, AGREEMENT_STATUSES, EVENT_KINDS } from "../components.js";
import type { AgreementRow, EventRow, Review } from "../types.js";

type Kind = "events" | "agreements";

export function editorPanel(kind: Kind, id: string, review: Review | undefined, record?: EventRow | AgreementRow): HTMLElement | null {
  if (!isEditor()) return null;
  const status = h("p", { class: "form-status", role: "status", "aria-live": "polite" });
  const fail = (e: unknown) => {
    status.className = "form-status error";
    status.textContent = e instanceof ApiError ? `${t("common.error")} ${e.message}` : String(e);
  };
  const note = h("input", { id: "review-note", name: "note", type: "text", size: 40 });
  const send = async (s: "confirmed" | "rejected") => {
    try {
      await api(`/${kind}/${encodeURIComponent(id)}/review`, { method: "POST", body: note.value.trim() ? { status: s, note: note.value.trim() } : { status: s } });
      dropCaches();
      refresh();
    } catch (e) {
      fail(e);
    }
  };
  const reviewForm = h(
    "form",
    { class: "review-form", "aria-labelledby": "h-review", onsubmit: (e: Event) => e.preventDefault() },
    h("p", null, t("review.current"), " ", h("strong", { "data-review": review?.status ?? "unreviewed" }, term("review", review?.status ?? "unreviewed")), review?.by ? ` (${review.by})` : "", review?.note ? ` — ${review.note}` : ""),
    h("div", { class: "field" }, h("label", { for: "review-note" }, t("review.note")), note),
    h("div", { class: "actions" },
      h("button", { type: "button", class: "confirm", "data-action": "confirm", onclick: () => void send("confirmed") }, t("review.confirm")),
      h("button", { type: "button", class: "reject danger", "data-action": "reject", onclick: () => void send("rejected") }, t("review.reject")),
    ),
  );

  const inputs: Record<string, HTMLInputElement | HTMLSelectElement> = {};
  const sel = (name: string, values: string[], group: string, cur: string | null | undefined) =>
    (inputs[name] = h("select", { id: `edit-${name}`, name }, values.map((v) => h("option", { value: v, selected: v === cur }, term(group, v)))));
  const txt = (name: string, cur: string | null | undefined, extra: Record<string, string | number> = {}) =>
    (inputs[name] = h("input", { id: `edit-${name}`, name, type: "text", value: cur ?? "", ...extra }));
  const dateAttrs = { pattern: "\\d{4}(-\\d{2}(-\\d{2})?)?", placeholder: t("filter.datePlaceholder"), size: 11, title: t("filter.dateHint") };
  const ev = kind === "events" ? (record as EventRow | undefined) : undefined;
  const ag = kind === "agreements" ? (record as AgreementRow | undefined) : undefined;
  const controls =
    kind === "events"
      ? [
          ["kind", sel("kind", EVENT_KINDS, "kind", ev?.kind)],
          ["date", txt("date", ev?.date, dateAttrs)],
          ["end_date", txt("end_date", ev?.end_date, dateAttrs)],
          ["place_name", txt("place_name", ev?.place_name)],
          ["place_country", txt("place_country", ev?.place_country, { pattern: "[A-Za-z]{3}", size: 4, placeholder: "ISO3" })],
        ] as const
      : [
          ["kind", sel("kind", AGREEMENT_KINDS, "akind", ag?.kind)],
          ["title", txt("title", ag?.title, { size: 40 })],
          ["status", sel("status", AGREEMENT_STATUSES, "status", ag?.status)],
          ["date", txt("date", ag?.date, dateAttrs)],
        ] as const;
  const original: Record<string, string> = {};
  for (const [name] of controls) original[name] = inputs[name]!.value;
  const editForm = h(
    "form",
    { class: "edit-form", "aria-labelledby": "h-edit" },
    h("h3", { id: "h-edit" }, t("edit.title")),
    h("div", { class: "grid" }, controls.map(([name, input]) => h("div", { class: "field" }, h("label", { for: `edit-${name}` }, term("field", name)), input))),
    h("div", { class: "actions" }, h("button", { type: "submit", "data-action": "save" }, t("edit.save"))),
  );
  editForm.addEventListener("submit", async (e) => {
    e.preventDefault();
    if (!editForm.reportValidity()) return;
    const body: Record<string, string | null> = {};
    for (const [name] of controls) {
      const v = inputs[name]!.value.trim();
      if (v !== original[name]) body[name] = v === "" ? null : name === "place_country" ? v.toUpperCase() : v;
    }
    if (!Object.keys(body).length) {
      status.className = "form-status";
      status.textContent = t("edit.nothing");
      return;
    }
    try {
      await api(`/${kind}/${encodeURIComponent(id)}`, { method: "PATCH", body });
      dropCaches();
      refresh();
    } catch (err) {
      fail(err);
    }
  });
  return h(
    "section",
    { class: "edit-controls", "aria-labelledby": "h-review" },
    h("h2", { id: "h-review" }, t("review.title")),
    reviewForm,
    editForm,
    status,
  );
}
