// The controls of the correction form, one per field. Each knows the value it started from and says whether the
// editor changed it, so that a PATCH carries only changed fields: an untouched field must not become a
// correction (it would then override what later extractions find).
import { h } from "../dom.js";
import { area, country, t, term } from "../i18n.js";

export interface EditControl {
  name: string;
  node: HTMLElement;
  /** the value to send, or undefined when it is the one the record holds */
  changed(): unknown;
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

const field = (name: string, input: HTMLElement, ...after: HTMLElement[]) =>
  h("div", { class: "field" }, h("label", { for: `edit-${name}` }, term("field", name)), input, ...after);

export function selectControl(name: string, values: string[], group: string, cur: string | null | undefined): EditControl {
  const input = h("select", { id: `edit-${name}`, name }, values.map((v) => h("option", { value: v, selected: v === cur }, term(group, v))));
  const original = input.value;
  return { name, node: field(name, input), changed: () => (input.value !== original ? input.value : undefined) };
}

/** a text field; emptied, it sends null (the field is cleared) */
export function textControl(name: string, cur: string | null | undefined, attrs: Record<string, string | number> = {}, upper = false): EditControl {
  const input = h("input", { id: `edit-${name}`, name, type: "text", value: cur ?? "", ...attrs });
  const original = input.value;
  return {
    name,
    node: field(name, input),
    changed: () => {
      const v = input.value.trim();
      if (v === original) return undefined;
      return v === "" ? null : upper ? v.toUpperCase() : v;
    },
  };
}

export const DATE_ATTRS = () => ({ pattern: "\\d{4}(-\\d{2}(-\\d{2})?)?", placeholder: t("filter.datePlaceholder"), size: 11, title: t("filter.dateHint") });

/** "mar, SEN fra" → ["MAR", "SEN", "FRA"]: the order typed, each code once */
export function parseCodes(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).filter(Boolean).map((c) => c.toUpperCase()))];
}

/**
 * ISO3 codes typed as text: the quickest way for analysts who know the codes. The names of the codes typed show
 * under the field as a check; the server decides which codes exist (its gazetteer knows more countries than the
 * data holds), and its message says which one it refused.
 */
export function countriesControl(cur: string[]): EditControl {
  const input = h("input", {
    id: "edit-countries", name: "countries", type: "text", value: cur.join(", "), size: 28, autocomplete: "off", spellcheck: "false",
    pattern: "[\\s,;]*[A-Za-z]{3}([\\s,;]+[A-Za-z]{3})*[\\s,;]*", title: t("edit.countriesHint"), placeholder: "MAR, SEN", "aria-describedby": "edit-countries-names",
  });
  const names = h("span", { id: "edit-countries-names", class: "hint", "aria-live": "polite" });
  const show = () => {
    names.textContent = input.validity.valid ? parseCodes(input.value).map((c) => country(c)).join(", ") : t("edit.countriesHint");
  };
  input.addEventListener("input", show);
  show();
  return {
    name: "countries",
    node: field("countries", input, names),
    changed: () => {
      const next = parseCodes(input.value);
      return sameList(next, cur) ? undefined : next;
    },
  };
}

/** one checkbox per area of the codebook (and any other code the record holds), labelled in the page's language */
export function areasControl(cur: string[], known: string[]): EditControl {
  const codes = [...known, ...cur.filter((c) => !known.includes(c))];
  const boxes = codes.map((c) => h("input", { type: "checkbox", id: `edit-area-${c}`, name: "areas", value: c, checked: cur.includes(c) }));
  const node = h(
    "fieldset",
    { class: "field areas-field" },
    h("legend", null, term("field", "areas")),
    h("div", { class: "checks" }, boxes.map((b) => h("label", { for: b.id }, b, " ", area(b.value)))),
  );
  return {
    name: "areas",
    node,
    changed: () => {
      const on = new Set(boxes.filter((b) => b.checked).map((b) => b.value));
      // the record's order first: extraction lists the main areas of an article first
      const next = [...cur.filter((c) => on.has(c)), ...codes.filter((c) => on.has(c) && !cur.includes(c))];
      return sameList(next, cur) ? undefined : next;
    },
  };
}

export type Period = { from: number | null; to: number | null } | null;

/** from and to years; both empty is no period at all (null), as the API takes it */
export function periodControl(cur: Period): EditControl {
  const year = (end: "from" | "to") =>
    h("input", {
      id: `edit-period-${end}`, name: `period-${end}`, type: "text", inputmode: "numeric", pattern: "\\d{4}", size: 5, maxlength: 4,
      placeholder: t("edit.yearPlaceholder"), title: t("edit.yearHint"), value: cur?.[end] ?? "",
    });
  const from = year("from"), to = year("to");
  const value = (): Period => {
    const f = from.value.trim(), tt = to.value.trim();
    return f || tt ? { from: f ? Number(f) : null, to: tt ? Number(tt) : null } : null;
  };
  // a period that ends before it starts is a typo, not a correction
  const check = () => {
    const v = value();
    to.setCustomValidity(v && v.from !== null && v.to !== null && v.to < v.from ? t("edit.periodOrder") : "");
  };
  from.addEventListener("input", check);
  to.addEventListener("input", check);
  const node = h(
    "fieldset",
    { class: "field period-field" },
    h("legend", null, term("field", "period")),
    h("div", { class: "years" },
      h("label", { for: from.id }, t("edit.periodFrom")), from,
      h("label", { for: to.id }, t("edit.periodTo")), to),
  );
  return {
    name: "period",
    node,
    changed: () => {
      const v = value();
      const same = v === null ? cur === null || (cur.from === null && cur.to === null) : cur !== null && cur.from === v.from && cur.to === v.to;
      return same ? undefined : v;
    },
  };
}
