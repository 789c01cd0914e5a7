// The unit page's button to its dossiers to chase, with the count of OPEN overdue dossiers — the
// count the list's "Quá hạn" tab shows (GET /api/v1/units/{code}/chase?status=overdue&pageSize=1 →
// counts.overdue), not the scorecard's finished-late ones. Shown only to those who may read the
// unit's dossiers: a 403 hides it.
import { getJson } from "./api.js";
import { h } from "./dom.js";
import { count, t } from "./i18n.js";
import { href } from "./router.js";

/** At most one count request per this many ms, however often the unit's scorecard is pushed. */
const REFRESH_MS = 5000;

export function chaseLink(code, period, signal) {
  const link = h("a", { href: href(`/units/${encodeURIComponent(code)}/late`, { period }), class: "button", hidden: true, dataset: { testid: "late-link" } }, t("unit.late"));
  let last = 0, timer = 0, forbidden = false;

  const load = async () => {
    last = Date.now();
    try {
      const answer = await getJson(`/api/v1/units/${encodeURIComponent(code)}/chase?status=overdue&pageSize=1`, { signal });
      if (signal.aborted) return;
      link.textContent = t("unit.lateCount", { n: count(answer.counts.overdue) });
      link.dataset.count = String(answer.counts.overdue);
      link.hidden = false;
    } catch (error) {
      if (signal.aborted) return;
      if (error.status === 403) {
        forbidden = true;
        link.hidden = true;
        return;
      }
      // Count unknown (offline, an older server): the list itself says what it can.
      if (error.status !== 401) link.hidden = false;
    }
  };

  /** Reads the count again (the unit's figures moved), no more often than REFRESH_MS. */
  link.refresh = () => {
    if (forbidden || timer || signal.aborted) return;
    const wait = Math.max(0, last + REFRESH_MS - Date.now());
    timer = setTimeout(() => { timer = 0; load(); }, wait);
  };
  signal.addEventListener("abort", () => clearTimeout(timer));
  load();
  return link;
}
