// The shell (header, navigation, language, session) and the router that draws one view at a time into <main>.
import { h, replace } from "./dom.js";
import { api, areaIndex, countryIndex, currentUser, setSession, token } from "./api.js";
import { lang, learnAreas, learnCountries, setLang, t, type Lang } from "./i18n.js";
import { current, href, navigate } from "./router.js";
import { errorBox, loading } from "./components.js";
import type { View } from "./views/view.js";
import { networkView } from "./views/network.js";
import { timelineView } from "./views/timeline.js";
import { pairView } from "./views/pair.js";
import { agreementsView, agreementView } from "./views/agreements.js";
import { eventView } from "./views/event.js";
import { countryView, organizationView, personView } from "./views/entities.js";
import { articleView, searchView } from "./views/search.js";
import { organizationsView, peopleView } from "./views/directory.js";
import { loginView } from "./views/login.js";
import type { User } from "./types.js";

const header = document.getElementById("top")!;
const main = document.getElementById("main")!;
let seq = 0;

function drawHeader(): void {
  const r = current();
  const section = r.parts[0] ?? "network";
  const nav = (path: string, key: string, match: string[]) =>
    h("li", null, h("a", { href: href(path), "aria-current": match.includes(section) ? "page" : null }, t(key)));
  const search = h("input", { id: "q", name: "q", type: "search", value: section === "search" ? (r.query.get("q") ?? "") : "", placeholder: t("search.placeholder") });
  const searchForm = h("form", { class: "search-box", role: "search" }, h("label", { for: "q", class: "sr-only" }, t("search.label")), search, h("button", { type: "submit" }, t("search.go")));
  searchForm.addEventListener("submit", (e) => {
    e.preventDefault();
    if (search.value.trim()) navigate("/search", { q: search.value.trim() });
  });
  const langSel = h("select", { id: "lang", "aria-label": t("lang.label") }, (["en", "fr"] as Lang[]).map((l) => h("option", { value: l, selected: l === lang() }, t(`lang.${l}`))));
  langSel.addEventListener("change", () => {
    setLang(langSel.value as Lang);
    draw();
  });
  const user = currentUser();
  const auth = user
    ? h("span", { class: "auth", "data-user": user.username }, t("auth.signedIn", { user: user.username, role: t(`role.${user.role}`) }), " ",
        h("button", { type: "button", class: "linkish", onclick: () => void signOut() }, t("auth.signOut")))
    : h("a", { class: "auth", href: href("/login", r.parts[0] === "login" ? {} : { next: `${r.path}${r.query.toString() ? `?${r.query}` : ""}` }) }, t("auth.signIn"));
  replace(
    header,
    h("a", { class: "skip", href: "#main", onclick: (e: Event) => { e.preventDefault(); main.focus(); } }, t("nav.skip")),
    h("div", { class: "bar" },
      h("a", { class: "brand", href: href("/network") }, "Entente"),
      h("nav", { "aria-label": t("nav.label") }, h("ul", null,
        nav("/network", "nav.network", ["network", "countries", "pairs"]),
        nav("/timeline", "nav.timeline", ["timeline", "events"]),
        nav("/agreements", "nav.agreements", ["agreements"]),
        nav("/people", "nav.people", ["people"]),
        nav("/organizations", "nav.organizations", ["organizations"]),
      )),
      searchForm,
      h("div", { class: "tools" }, langSel, auth),
    ),
  );
}

async function signOut(): Promise<void> {
  try {
    await api("/auth/logout", { method: "POST" });
  } catch {
    // the token is dropped here whatever the server says: signing out must always work
  }
  setSession(null, null);
  draw();
}

async function route(onSession: () => void): Promise<View> {
  const r = current();
  const [a, b, c] = r.parts;
  switch (a) {
    case undefined:
    case "network": return networkView(r.query);
    case "timeline": return timelineView(r.query);
    case "agreements": return b ? agreementView(b) : agreementsView(r.query);
    case "events": if (b) return eventView(b); return timelineView(r.query);
    case "pairs": if (b && c) return pairView(b.toUpperCase(), c.toUpperCase(), r.query); break;
    case "countries": if (b) return countryView(b.toUpperCase()); break;
    case "people": return b ? personView(b) : peopleView(r.query);
    case "organizations": return b ? organizationView(b) : organizationsView(r.query);
    case "articles": if (b) return articleView(b); break;
    case "search": return searchView(r.query);
    case "login": return loginView(r.query, onSession);
  }
  return { title: t("notFound.title"), node: h("div", { class: "view" }, h("h1", null, t("notFound.title")), h("p", null, h("a", { href: href("/network") }, t("notFound.back")))) };
}

async function draw(): Promise<void> {
  const mine = ++seq;
  drawHeader();
  main.setAttribute("aria-busy", "true");
  replace(main, loading());
  try {
    const [countries, areas] = await Promise.all([countryIndex(), areaIndex()]);
    learnCountries(countries.values());
    learnAreas(areas.values());
    const view = await route(drawHeader);
    if (mine !== seq) return;
    document.title = `${view.title} · Entente`;
    replace(main, view.node);
  } catch (e) {
    if (mine !== seq) return;
    document.title = `${t("common.error")} · Entente`;
    replace(main, h("div", { class: "view" }, errorBox(e)));
  } finally {
    if (mine === seq) main.removeAttribute("aria-busy");
  }
}

async function checkSession(): Promise<void> {
  if (!currentUser()) return;
  try {
    const me = await api<User>("/me");
    setSession(token(), me);
  } catch {
    setSession(null, null);
  }
}

let first = true;
window.addEventListener("hashchange", () => {
  void draw().then(() => {
    // moving focus to the new view tells screen reader users that the page changed
    if (!first) main.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  });
});

setLang(lang());
void checkSession().finally(() => {
  void draw().then(() => {
    first = false;
  });
});
