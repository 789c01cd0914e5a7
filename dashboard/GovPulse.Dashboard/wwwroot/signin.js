// The sign-in screen. Wrong credentials (401) and a locked account (423) are said in words; the
// server's own detail is shown when it gives one.
import { login } from "./auth.js";
import { h } from "./dom.js";
import { t } from "./i18n.js";

export function render({ root, onSignedIn }) {
  const username = h("input", { id: "si-user", name: "username", autocomplete: "username", autocapitalize: "none", spellcheck: "false", required: true, dataset: { testid: "signin-username" } });
  const password = h("input", { id: "si-pass", name: "password", type: "password", autocomplete: "current-password", required: true, dataset: { testid: "signin-password" } });
  const error = h("p", { class: "form-error", role: "alert", hidden: true, dataset: { testid: "signin-error" } });
  const submit = h("button", { type: "submit", class: "button primary", dataset: { testid: "signin-submit" } }, t("signin.submit"));
  const form = h("form", { class: "signin", novalidate: true, dataset: { testid: "signin-form" }, "aria-labelledby": "si-title" },
    h("div", { class: "field" }, h("label", { for: "si-user" }, t("signin.username")), username),
    h("div", { class: "field" }, h("label", { for: "si-pass" }, t("signin.password")), password),
    error, submit);

  const fail = message => {
    error.textContent = message;
    error.hidden = false;
  };

  form.addEventListener("submit", async e => {
    e.preventDefault();
    error.hidden = true;
    if (!username.value.trim() || !password.value) {
      fail(t("signin.required"));
      (username.value.trim() ? password : username).focus();
      return;
    }
    submit.disabled = true;
    submit.textContent = t("signin.busy");
    const result = await login(username.value.trim(), password.value);
    submit.disabled = false;
    submit.textContent = t("signin.submit");
    if (result.ok) {
      password.value = "";
      onSignedIn();
      return;
    }
    const fallback = { wrong: "signin.wrong", locked: "signin.locked" }[result.reason] || "signin.failed";
    // The server's detail says how long a lock lasts; for wrong credentials our own words are enough.
    fail(result.reason === "locked" && result.detail ? `${t(fallback)} ${result.detail}` : t(fallback));
    password.value = "";
    password.focus();
  });

  root.replaceChildren(h("section", { class: "card signin-card" },
    h("h1", { id: "si-title" }, t("signin.title")), form));
  username.focus();
  return () => {};
}
