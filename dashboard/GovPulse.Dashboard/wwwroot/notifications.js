// The notifications screen (#/notifications): this phone's push subscription and the person's alerts.
import { h } from "./dom.js";
import { t } from "./i18n.js";
import { alertsCard } from "./alert-rules.js";
import { pushCard } from "./push-setup.js";

export function render({ root, signal }) {
  root.replaceChildren(
    h("h1", { id: "nt-title", class: "notify-title" }, t("notify.title")),
    h("div", { class: "grid", dataset: { testid: "notifications" } }, pushCard({ signal }), alertsCard({ signal })));
  return () => {};
}
