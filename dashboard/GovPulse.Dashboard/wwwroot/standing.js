// Where a unit stands among the units of its level, from GET /api/v1/units/{code}/comparison's
// standing { level, rank, of, peerAverage, cityTotal }: "Hạng 5/17 sở, ban, ngành" (a link to that
// ranking, one tap away) and "Bình quân các sở, ban, ngành: 78,12" — a department head's benchmark.
import { h, setText } from "./dom.js";
import { count, points, t } from "./i18n.js";
import { href } from "./router.js";

/** The standing lines of a unit's hero card; update(standing, periodQuery) fills them, hidden for the city (null). */
export function standingLines() {
  const rank = h("a", { class: "standing-rank", dataset: { testid: "unit-rank" } });
  const average = h("p", { class: "compare", dataset: { testid: "unit-peer-average" } });
  const el = h("div", { class: "standing", dataset: { testid: "unit-standing" }, hidden: true }, h("p", { class: "compare" }, rank), average);
  el.update = (standing, period) => {
    el.hidden = !standing;
    if (!standing) return;
    const level = t(`standing.level.${standing.level}`);
    rank.href = href("/rankings", { level: standing.level === "commune" ? undefined : standing.level, period });
    setText(rank, standing.rank == null
      ? t("standing.unranked", { level })
      : t("standing.rank", { rank: count(standing.rank), of: count(standing.of), level }));
    average.hidden = standing.peerAverage == null;
    setText(average, standing.peerAverage == null ? "" : t("standing.average", { level, value: points(standing.peerAverage) }));
  };
  return el;
}
