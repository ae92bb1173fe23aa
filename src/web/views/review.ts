// Editor controls: confirm or reject a record, correct its fields (the controls are in edit-fields.ts). Shown only
// to a signed-in editor; the server checks the role on every write anyway, so hiding them is for clarity, not for
// safety.
import { h } from "../dom.js";
import { api, ApiError, areaIndex, dropCaches, isEditor } from "../api.js";
import { t, term } from "../i18n.js";
import { refresh } from "../router.js";
import { AGREEMENT_KINDS, AGREEMENT_STATUSES, EVENT_KINDS } from "../components.js";
import { areasControl, countriesControl, DATE_ATTRS, periodControl, selectControl, textControl, type EditControl } from "./edit-fields.js";
import type { AgreementRow, EventRow, Review } from "../types.js";

type Kind = "events" | "agreements";

export async function editorPanel(kind: Kind, id: string, review: Review | undefined, record?: EventRow | AgreementRow): Promise<HTMLElement | null> {
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

  const ev = kind === "events" ? (record as EventRow | undefined) : undefined;
  const ag = kind === "agreements" ? (record as AgreementRow | undefined) : undefined;
  const areaCodes = [...(await areaIndex()).keys()];
  const controls: EditControl[] =
    kind === "events"
      ? [
          selectControl("kind", EVENT_KINDS, "kind", ev?.kind),
          textControl("date", ev?.date, DATE_ATTRS()),
          textControl("end_date", ev?.end_date, DATE_ATTRS()),
          textControl("place_name", ev?.place_name),
          textControl("place_country", ev?.place_country, { pattern: "[A-Za-z]{3}", size: 4, placeholder: "ISO3" }, true),
          countriesControl(ev?.countries ?? []),
          areasControl(ev?.areas ?? [], areaCodes),
        ]
      : [
          selectControl("kind", AGREEMENT_KINDS, "akind", ag?.kind),
          textControl("title", ag?.title, { size: 40 }),
          selectControl("status", AGREEMENT_STATUSES, "status", ag?.status),
          textControl("date", ag?.date, DATE_ATTRS()),
          periodControl(ag?.period ?? null),
          countriesControl(ag?.countries ?? []),
          areasControl(ag?.areas ?? [], areaCodes),
        ];
  // the areas are two dozen boxes: they get a row of their own below the other fields
  const wide = new Set(["areas"]);
  const editForm = h(
    "form",
    { class: "edit-form", "aria-labelledby": "h-edit" },
    h("h3", { id: "h-edit" }, t("edit.title")),
    h("div", { class: "grid" }, controls.filter((c) => !wide.has(c.name)).map((c) => c.node)),
    controls.filter((c) => wide.has(c.name)).map((c) => c.node),
    h("div", { class: "actions" }, h("button", { type: "submit", "data-action": "save" }, t("edit.save"))),
  );
  editForm.addEventListener("submit", async (e) => {
    e.preventDefault();
    if (!editForm.reportValidity()) return;
    const body: Record<string, unknown> = {};
    for (const c of controls) {
      const v = c.changed();
      if (v !== undefined) body[c.name] = v;
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
