// What rests on missing data, said in words: a unit or the city that received no dossier in the
// period has no score to show or rank, and points awarded by a no-data rule are labelled as such, so
// a leader does not read a group as weak (or strong) because its figures are missing [issue 12].
import { h, setText } from "./dom.js";
import { count, points, t } from "./i18n.js";

/** No dossier was received in the period: the total is no score (the server's noDossiers). */
export function hasNoDossiers(scorecard) {
  return !!scorecard && (scorecard.noDossiers ?? scorecard.counts?.received === 0);
}

/** A row of /rankings or of the movers' units that has a place: unranked ones carry rank null. */
export const isRanked = row => row.rank !== null && row.rank !== undefined;

/** "Chưa có số liệu — tính 0 điểm" / "… — tính đủ điểm theo quy định" for a no-data indicator. */
export function ruleLabel(indicator) {
  if (indicator.noDataRule === "full") return t("nodata.ruleFull");
  if (indicator.noDataRule === "zero") return t("nodata.ruleZero");
  return t("score.noData");
}

/** The indicators of a group scored 0 because they have no data: they hold its points down. */
export function zeroScored(group) {
  return (group.indicators || []).filter(i => i.noData && i.noDataRule === "zero");
}

/** "2 chỉ số chưa có số liệu (0 điểm)" under a group held down by missing data, or null. */
export function heldDownNote(group, testid = "group-nodata") {
  const n = zeroScored(group).length;
  return n > 0 ? h("span", { class: "nodata-note small muted", dataset: { testid } }, t("nodata.heldDown", { n: count(n) })) : null;
}

/**
 * Under a total: "12,5 điểm dựa trên chỉ số chưa có số liệu" when no-data rules awarded points;
 * "Chưa có hồ sơ trong kỳ" stands in the total itself (scoreLine), so nothing is said here then.
 */
export function restingLine(testid) {
  const el = h("p", { class: "nodata-note small muted", dataset: { testid }, hidden: true });
  el.update = scorecard => {
    const resting = scorecard.noDataPoints ?? 0;
    el.hidden = hasNoDossiers(scorecard) || !(resting > 0);
    setText(el, el.hidden ? "" : t("nodata.resting", { n: points(resting) }));
  };
  return el;
}

/** A card's one muted line where there is nothing to draw or score. */
export function emptyLine(key, testid) {
  return h("p", { class: "muted nodata-empty", dataset: { testid } }, t(key));
}
