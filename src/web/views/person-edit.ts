// Editor controls of a person's page: merge another person into this one (the same official written two ways),
// or split off written forms that name somebody else (two officials who share a surname). Both are corrections
// the server records and applies again after every re-ingest. Shown only to editors; the server checks anyway.
import { h, replace } from "../dom.js";
import { api, ApiError, dropCaches, isEditor } from "../api.js";
import { country, t } from "../i18n.js";
import { href, navigate } from "../router.js";
import type { Page, PersonRow, PersonSummary } from "../types.js";

const CANDIDATES = 20;

/**
 * What the last merge or split did, shown once on the page it leads to: the write redraws the page, and a message
 * set before the redraw would be lost with it.
 */
let notice: { personId: string; node: () => HTMLElement } | null = null;

export function takeNotice(personId: string): HTMLElement | null {
  if (!notice || notice.personId !== personId) return null;
  const node = notice.node();
  notice = null;
  return node;
}

function statusLine(): { node: HTMLElement; fail(e: unknown): void; say(text: string): void } {
  const node = h("p", { class: "form-status", role: "status", "aria-live": "polite" });
  return {
    node,
    fail(e) {
      node.className = "form-status error";
      node.textContent = e instanceof ApiError ? `${t("common.error")} ${e.message}` : String(e);
    },
    say(text) {
      node.className = "form-status";
      node.textContent = text;
    },
  };
}

const who = (p: { name: string; country: string | null; id: string }) => `${p.name} (${p.country ? country(p.country) : t("common.unknown")}, ${p.id})`;

function mergeForm(p: PersonRow): HTMLElement {
  const status = statusLine();
  const input = h("input", { id: "merge-q", name: "q", type: "search", size: 30, autocomplete: "off", "aria-describedby": "merge-hint" });
  const results = h("div", { class: "merge-results" });
  let pending: AbortController | null = null;
  let timer: number | undefined;

  const confirmStep = (other: PersonSummary) => {
    replace(
      results,
      h(
        "div",
        { class: "confirm-box", role: "group", "aria-labelledby": "merge-confirm-text" },
        h("p", { id: "merge-confirm-text" }, t("merge.confirm", { other: who(other), keep: who(p) })),
        h("div", { class: "actions" },
          h("button", { type: "button", class: "danger", "data-action": "merge-confirm", onclick: () => void merge(other) }, t("merge.do")),
          h("button", { type: "button", class: "secondary", "data-action": "merge-cancel", onclick: () => void search() }, t("merge.cancel"))),
      ),
    );
    results.querySelector<HTMLButtonElement>("[data-action=merge-confirm]")?.focus();
  };

  const merge = async (other: PersonSummary) => {
    try {
      const kept = await api<PersonRow>("/people/merge", { method: "POST", body: { ids: [p.id, other.id] } });
      dropCaches();
      notice = { personId: kept.id, node: () => h("p", { class: "notice", role: "status" }, t("merge.done", { other: who(other) })) };
      navigate(`/people/${kept.id}`);
    } catch (e) {
      status.fail(e);
    }
  };

  const search = async () => {
    const q = input.value.trim();
    pending?.abort();
    if (!q) {
      replace(results);
      return;
    }
    const mine = (pending = new AbortController());
    try {
      const page = await api<Page<PersonSummary>>("/people", { query: { q, limit: CANDIDATES + 1 }, signal: mine.signal });
      if (mine.signal.aborted) return;
      const others = page.items.filter((x) => x.id !== p.id).slice(0, CANDIDATES);
      const more = page.total - others.length - (page.items.some((x) => x.id === p.id) ? 1 : 0);
      replace(
        results,
        others.length
          ? h(
              "ul",
              { class: "candidates", "aria-label": t("merge.candidates") },
              others.map((x) =>
                h(
                  "li",
                  { "data-person": x.id },
                  h("a", { href: href(`/people/${x.id}`) }, x.name),
                  " ", h("span", { class: "muted" }, x.country ? country(x.country) : t("common.unknown")),
                  " ", h("code", null, x.id),
                  x.variants.length > 1 ? h("span", { class: "muted small" }, ` · ${x.variants.filter((v) => v !== x.name).join(" · ")}`) : null,
                  " ", h("button", { type: "button", class: "secondary", "data-action": "merge-choose", onclick: () => confirmStep(x) }, t("merge.choose")),
                ),
              ),
            )
          : h("p", { class: "empty" }, t("merge.none")),
        more > 0 ? h("p", { class: "muted small" }, t("merge.more", { n: more })) : null,
      );
    } catch (e) {
      if (!mine.signal.aborted) status.fail(e);
    }
  };

  input.addEventListener("input", () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void search(), 250);
  });
  const form = h(
    "form",
    { class: "merge-form", role: "search", "aria-labelledby": "h-merge" },
    h("h3", { id: "h-merge" }, t("merge.title")),
    h("p", { id: "merge-hint", class: "hint" }, t("merge.hint", { name: p.name })),
    h("div", { class: "field" }, h("label", { for: "merge-q" }, t("merge.search")), h("div", { class: "actions" }, input, h("button", { type: "submit", "data-action": "merge-search" }, t("search.go")))),
    results,
    status.node,
  );
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    window.clearTimeout(timer);
    void search();
  });
  return form;
}

function splitForm(p: PersonRow): HTMLElement {
  const status = statusLine();
  const forms = p.variants.length ? p.variants : [p.name];
  if (forms.length < 2) {
    return h("div", { class: "split-form" }, h("h3", { id: "h-split" }, t("split.title")), h("p", { class: "empty" }, t("split.single")));
  }
  const boxes = forms.map((v, i) => h("input", { type: "checkbox", id: `split-${i}`, name: "variants", value: v }));
  const button = h("button", { type: "submit", class: "danger", "data-action": "split", disabled: true }, t("split.do"));
  // some but not all forms: a split that moves every form would only rename the person
  const sync = () => {
    const n = boxes.filter((b) => b.checked).length;
    button.disabled = n === 0 || n === boxes.length;
    status.say(n === boxes.length ? t("split.notAll") : "");
  };
  for (const b of boxes) b.addEventListener("change", sync);
  const form = h(
    "form",
    { class: "split-form", "aria-labelledby": "h-split" },
    h("h3", { id: "h-split" }, t("split.title")),
    h("p", { class: "hint" }, t("split.hint")),
    h("fieldset", { class: "field" }, h("legend", null, t("split.forms")), h("div", { class: "checks" }, boxes.map((b) => h("label", { for: b.id }, b, " ", b.value)))),
    h("div", { class: "actions" }, button),
    status.node,
  );
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const variants = boxes.filter((b) => b.checked).map((b) => b.value);
    if (!variants.length || variants.length === boxes.length) return;
    try {
      const r = await api<{ people: PersonRow[] }>(`/people/${encodeURIComponent(p.id)}/split`, { method: "POST", body: { variants } });
      dropCaches();
      const made = r.people[1];
      notice = made
        ? { personId: p.id, node: () => h("p", { class: "notice", role: "status" }, t("split.done"), " ", h("a", { href: href(`/people/${made.id}`), "data-new-person": made.id }, who(made))) }
        : null;
      navigate(`/people/${p.id}`);
    } catch (err) {
      status.fail(err);
    }
  });
  return form;
}

export function personEditPanel(p: PersonRow): HTMLElement | null {
  if (!isEditor()) return null;
  return h(
    "section",
    { class: "edit-controls person-edit", "aria-labelledby": "h-person-edit" },
    h("h2", { id: "h-person-edit" }, t("personEdit.title")),
    h("div", { class: "cols-2" }, mergeForm(p), splitForm(p)),
  );
}
