// The person's alert rules ("Cảnh báo"): what each watches, what is firing now, add and delete.
//   GET /api/v1/alerts → [{ id, kind, unitCode|null, threshold|null, createdAt, firing: [{ unitCode, since }] }]
//   POST /api/v1/alerts { kind, unitCode?, threshold? } → 201 rule | 400 { detail } | 403
//   DELETE /api/v1/alerts/{id} → 204 | 404
// kind: bandDrop | onTimeBelow (threshold 0–100 %) | overdueAbove (whole number ≥ 0) | dossierOverdue.
// unitCode null: every commune the person reads figures of, or (dossierOverdue) the person's own unit.
// A server without alerts answers 404: the card says so and offers no form.
import { getJson, postJson, problemDetail } from "./api.js";
import { antiforgery, isDepartmentHead, me } from "./auth.js";
import { h } from "./dom.js";
import { dateTime, lang, t } from "./i18n.js";
import { units as allUnits } from "./unit.js";

const KINDS = ["bandDrop", "onTimeBelow", "overdueAbove", "dossierOverdue"];
const THRESHOLD = { onTimeBelow: "percent", overdueAbove: "count" };

function number(value, unit) {
  const text = new Intl.NumberFormat(lang() === "en" ? "en-GB" : "vi-VN", { maximumFractionDigits: 2 }).format(value);
  return unit === "percent" ? text + "%" : text;
}

/** 80 · 80,5 · 80.5 → a number; anything else → NaN. */
function parseThreshold(text) {
  const trimmed = text.trim().replace(",", ".");
  return /^\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : NaN;
}

export function alertsCard({ signal }) {
  const error = h("p", { class: "form-error", role: "alert", hidden: true, dataset: { testid: "alert-error" } });
  const list = h("ul", { class: "notify-list alert-list", dataset: { testid: "alert-rules" } });
  const body = h("div", { class: "notify-body" }, h("p", { class: "loading", role: "status" }, t("app.loading")));
  const card = h("section", { class: "card", "aria-labelledby": "nt-alerts", dataset: { testid: "alerts-card" } },
    h("h2", { id: "nt-alerts" }, t("alerts.title")),
    h("p", { class: "muted small" }, t("alerts.intro")),
    body);
  if (!me()) {
    body.replaceChildren(h("p", null, t("notify.signIn")));
    return card;
  }

  let names = new Map();
  const unitName = code => names.get(code) ?? code;
  const fail = text => {
    error.textContent = text;
    error.hidden = false;
  };
  const unavailable = () => body.replaceChildren(h("p", { dataset: { testid: "alerts-unavailable" } }, t("alerts.unavailable")));

  function describe(rule) {
    const where = rule.unitCode ? unitName(rule.unitCode) : t(rule.kind === "dossierOverdue" ? "alerts.ownUnit" : "alerts.allCommunes");
    const what = t("alerts.rule." + rule.kind, { n: rule.threshold == null ? "" : number(rule.threshold, THRESHOLD[rule.kind]) });
    return `${where} — ${what}`;
  }

  function row(rule) {
    const firing = rule.firing ?? [];
    const text = describe(rule);
    const remove = h("button", { type: "button", class: "button ghost", "aria-label": t("alerts.deleteLabel", { rule: text }), dataset: { testid: "alert-delete" } }, t("alerts.delete"));
    remove.addEventListener("click", async () => {
      remove.disabled = true;
      error.hidden = true;
      try {
        const response = await fetch(`/api/v1/alerts/${encodeURIComponent(rule.id)}`, {
          method: "DELETE", credentials: "same-origin", headers: { Accept: "application/json", ...(await antiforgery()) },
        });
        if (!response.ok && response.status !== 404) fail(t("alerts.rejected", { reason: (await problemDetail(response)) || `HTTP ${response.status}` }));
      } catch (e) {
        fail(t("alerts.rejected", { reason: e.message }));
      }
      await load();
    });
    return h("li", { class: firing.length ? "alert-rule firing" : "alert-rule", dataset: { testid: "alert-rule", id: rule.id, kind: rule.kind, firing: String(firing.length) } },
      h("span", { class: "alert-what" },
        h("span", { dataset: { testid: "alert-text" } }, text),
        h("span", { class: firing.length ? "alert-state on" : "alert-state muted", dataset: { testid: "alert-firing" } },
          firing.length
            ? t("alerts.firing", { units: firing.map(f => t("alerts.firingUnit", { unit: unitName(f.unitCode), time: dateTime(f.since) })).join(", ") })
            : t("alerts.quiet"))),
      remove);
  }

  // The form.
  const kind = h("select", { id: "al-kind", dataset: { testid: "alert-kind" } }, KINDS.map(k => h("option", { value: k }, t("alerts.kind." + k))));
  const everyOption = h("option", { value: "" }, t("alerts.allCommunes"));
  const unit = h("select", { id: "al-unit", dataset: { testid: "alert-unit" } }, everyOption);
  const thresholdLabel = h("label", { for: "al-threshold" }, t("alerts.threshold"));
  const threshold = h("input", { id: "al-threshold", inputmode: "decimal", autocomplete: "off", dataset: { testid: "alert-threshold" } });
  const thresholdField = h("div", { class: "field" }, thresholdLabel, threshold);
  const add = h("button", { type: "submit", class: "button primary", dataset: { testid: "alert-add" } }, t("alerts.add"));
  const form = h("form", { class: "notify-form", novalidate: true, dataset: { testid: "alert-form" }, "aria-labelledby": "nt-alerts" },
    h("div", { class: "field" }, h("label", { for: "al-kind" }, t("alerts.kind")), kind),
    h("div", { class: "field" }, h("label", { for: "al-unit" }, t("alerts.unit")), unit),
    thresholdField, error, h("p", { class: "notify-actions" }, add));

  const fitForm = () => {
    const needs = THRESHOLD[kind.value];
    thresholdField.hidden = !needs;
    thresholdLabel.textContent = t(needs === "percent" ? "alerts.thresholdPercent" : needs === "count" ? "alerts.thresholdCount" : "alerts.threshold");
    everyOption.textContent = t(kind.value === "dossierOverdue" ? "alerts.ownUnit" : "alerts.allCommunes");
  };
  kind.addEventListener("change", fitForm);
  fitForm();

  form.addEventListener("submit", async e => {
    e.preventDefault();
    error.hidden = true;
    threshold.removeAttribute("aria-invalid");
    const needs = THRESHOLD[kind.value];
    const value = needs ? parseThreshold(threshold.value) : null;
    if (needs && (Number.isNaN(value) || (needs === "percent" && value > 100) || (needs === "count" && !Number.isInteger(value)))) {
      threshold.setAttribute("aria-invalid", "true");
      fail(t("alerts.badThreshold"));
      threshold.focus();
      return;
    }
    add.disabled = true;
    add.textContent = t("alerts.adding");
    try {
      const response = await postJson("/api/v1/alerts", { kind: kind.value, unitCode: unit.value || null, threshold: value }, await antiforgery());
      if (response.status === 404) { unavailable(); return; }
      if (response.status === 403) { fail(t("alerts.forbidden")); return; }
      if (!response.ok) { fail(t("alerts.rejected", { reason: (await problemDetail(response)) || `HTTP ${response.status}` })); return; }
      threshold.value = "";
      await load();
    } catch (err) {
      fail(t("alerts.rejected", { reason: err.message }));
    } finally {
      add.disabled = false;
      add.textContent = t("alerts.add");
    }
  });

  async function load() {
    let rules;
    try {
      rules = await getJson("/api/v1/alerts", { signal });
    } catch (e) {
      if (signal.aborted) return;
      if (e.status === 404) unavailable();
      else body.replaceChildren(h("p", { class: "form-error", role: "alert" }, t("alerts.failed")));
      return;
    }
    list.replaceChildren(...(rules.length === 0 ? [h("li", { class: "muted", dataset: { testid: "alerts-empty" } }, t("alerts.none"))] : rules.map(row)));
    if (!body.contains(form)) body.replaceChildren(list, form);
  }

  // The shared list may be a previous screen's fetch, aborted when it was left: then it is read anew.
  allUnits(signal).catch(() => allUnits(signal)).then(all => {
    names = new Map(all.map(u => [u.code, u.name]));
    const group = (kindName, label) => h("optgroup", { label },
      all.filter(u => u.kind === kindName).sort((a, b) => a.name.localeCompare(b.name, "vi")).map(u => h("option", { value: u.code }, u.name)));
    unit.append(group("commune", t("unit.kind.commune")), group("department", t("unit.kind.department")));
    // A department head watches their own unit first.
    if (isDepartmentHead()) unit.value = me().unitCode;
    return load();
  }).catch(() => load());

  return card;
}
