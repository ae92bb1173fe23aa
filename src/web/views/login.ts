// Sign-in for editors. The token goes to sessionStorage: it lasts as long as the tab, and is sent only in the
// Authorization header of our own API calls.
import { h } from "../dom.js";
import { api, ApiError, setSession } from "../api.js";
import { t } from "../i18n.js";
import { navigate } from "../router.js";
import type { User } from "../types.js";
import type { View } from "./view.js";

export function loginView(q: URLSearchParams, onChange: () => void): View {
  const user = h("input", { id: "login-user", name: "username", type: "text", autocomplete: "username", required: true });
  const pass = h("input", { id: "login-pass", name: "password", type: "password", autocomplete: "current-password", required: true });
  const status = h("p", { class: "form-status", role: "status", "aria-live": "polite" });
  const form = h(
    "form",
    { class: "login", "aria-labelledby": "h-login" },
    h("div", { class: "field" }, h("label", { for: "login-user" }, t("login.username")), user),
    h("div", { class: "field" }, h("label", { for: "login-pass" }, t("login.password")), pass),
    h("div", { class: "actions" }, h("button", { type: "submit" }, t("login.submit"))),
    status,
  );
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    status.textContent = "";
    try {
      const r = await api<{ token: string; user: User }>("/auth/login", { method: "POST", body: { username: user.value.trim(), password: pass.value } });
      setSession(r.token, r.user);
      onChange();
      const back = q.get("next");
      if (back && back.startsWith("/")) navigate(back);
      else navigate("/network");
    } catch (err) {
      status.className = "form-status error";
      status.textContent = err instanceof ApiError && err.status === 401 ? t("login.bad") : `${t("common.error")} ${(err as Error).message}`;
    }
  });
  return { title: t("login.title"), node: h("div", { class: "view narrow" }, h("h1", { id: "h-login" }, t("login.title")), h("p", null, t("login.hint")), form) };
}
