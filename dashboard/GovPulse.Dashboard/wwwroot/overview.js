// City overview: how the city is doing (total, band, groups, dossiers), what changed (versus the
// previous period, trends by month and by hour) and who is falling behind — live.
import { getJson } from "./api.js";
import { h } from "./dom.js";
import { periodLabel, points, t } from "./i18n.js";
import * as live from "./live.js";
import { containsToday, previous, runningLabel, today } from "./period.js";
import { href } from "./router.js";
import { overviewLine } from "./city-chase.js";
import { emptyLine, hasNoDossiers, isRanked, restingLine } from "./nodata.js";
import { attainmentLegend, bandChip, comparisonLine, countTiles, delta, failure, groupBars, historyToday, loading, scoreLine, todayChart, trendChart, updatedMark } from "./widgets.js";

const CITY = "79";

export function render({ root, period, signal }) {
  const previousPeriod = previous(period);
  const score = scoreLine("city");
  const bars = groupBars();
  const legend = attainmentLegend();
  const groupsEmpty = emptyLine("nodata.groups", "groups-empty");
  groupsEmpty.hidden = true;
  const resting = restingLine("city-nodata-points");
  const tiles = countTiles();
  const change = comparisonLine("compare.previous", null, null, periodLabel(previousPeriod.label), "change-previous");
  const updated = updatedMark();
  const hero = h("section", { class: "card hero", "aria-labelledby": "ov-title", dataset: { testid: "city-card" } },
    h("h1", { id: "ov-title" }, t("city.name")),
    h("p", { class: "period-label", dataset: { testid: "period-label" } }, `${t("period.label")}: ${runningLabel(period)}`),
    score, resting, change, updated,
    h("p", { class: "more" }, h("a", { href: href(`/units/${CITY}`, { period: period.label }), dataset: { testid: "city-detail-link" } }, t("overview.detail"))),
    overviewLine(signal));
  const groupsCard = h("section", { class: "card", "aria-labelledby": "ov-groups" }, h("h2", { id: "ov-groups" }, t("groups.title")), groupsEmpty, bars, legend);
  const countsCard = h("section", { class: "card", "aria-labelledby": "ov-counts" }, h("h2", { id: "ov-counts" }, t("counts.title")), tiles);
  const behindCard = h("section", { class: "card", "aria-labelledby": "ov-behind", dataset: { testid: "behind-card" } }, h("h2", { id: "ov-behind" }, t("overview.behind")), loading());
  const trendCard = h("section", { class: "card", "aria-labelledby": "ov-trend" }, h("h2", { id: "ov-trend" }, t("chart.trend")), loading());
  const todayCard = h("section", { class: "card", "aria-labelledby": "ov-today" }, h("h2", { id: "ov-today" }, t("chart.today")), loading());
  root.replaceChildren(h("div", { class: "grid overview-grid" }, hero, groupsCard, countsCard, behindCard, trendCard, todayCard));

  let previousCard = null;
  let shownCard = null;
  const show = (scorecard, flash) => {
    if (!live.isNotOlder(scorecard, shownCard)) return;
    shownCard = scorecard;
    score.update(scorecard, flash);
    resting.update(scorecard);
    // Without a dossier the groups hold only no-data points: no bars to read as scores.
    const empty = hasNoDossiers(scorecard);
    bars.hidden = legend.hidden = empty;
    groupsEmpty.hidden = !empty;
    bars.update(scorecard.groups, flash);
    tiles.update(scorecard.counts, flash);
    const comparable = previousCard && scorecard.counts.received > 0 && previousCard.counts.received > 0;
    change.update(comparable ? round2(scorecard.total - previousCard.total) : null, previousCard);
    updated.stamp();
  };

  const loadCity = async () => {
    try {
      const comparison = await getJson(`/api/v1/units/${CITY}/comparison?period=${encodeURIComponent(period.label)}`, { signal });
      previousCard = comparison.previous;
      show(comparison.current, false);
    } catch (error) {
      if (!signal.aborted && error.status !== 401) hero.append(failure(error, loadCity));
    }
  };

  const loadCharts = async () => {
    const [trend, hours] = await Promise.allSettled([
      getJson(`/api/v1/units/${CITY}/trend?months=12&period=${encodeURIComponent(period.label)}`, { signal }),
      getJson(historyToday(CITY, today()), { signal }),
    ]);
    if (signal.aborted) return;
    trendCard.replaceChildren(trendCard.firstChild, trend.status === "fulfilled" ? trendChart(CITY, period, trend.value) : failure(trend.reason, loadCharts));
    todayCard.replaceChildren(todayCard.firstChild, hours.status === "fulfilled" ? todayChart(CITY, hours.value) : failure(hours.reason, loadCharts));
  };

  const loadBehind = async () => {
    try {
      const movers = await getJson(`/api/v1/rankings/movers?level=commune&period=${encodeURIComponent(period.label)}&count=3`, { signal });
      if (signal.aborted) return;
      const lowest = movers.units.filter(isRanked).slice(-5).reverse(); // units without dossiers are last but not lowest
      behindCard.replaceChildren(behindCard.firstChild,
        h("h3", null, t("overview.lowest")), lowest.length ? unitList(lowest, period, "behind-lowest", r => h("span", { class: "total" }, points(r.total)), true) : emptyLine("nodata.noneRanked", "behind-lowest"),
        h("h3", null, t("movers.down")), movers.fallers.length ? unitList(movers.fallers, period, "movers-down", r => delta(r.change)) : h("p", { class: "muted", dataset: { testid: "movers-down" } }, t("movers.none")),
        h("h3", null, t("movers.up")), movers.risers.length ? unitList(movers.risers, period, "movers-up", r => delta(r.change)) : h("p", { class: "muted", dataset: { testid: "movers-up" } }, t("movers.none")),
        h("p", { class: "more" }, h("a", { href: href("/rankings", { period: period.label }) }, t("overview.allRankings"))));
    } catch (error) {
      if (!signal.aborted && error.status !== 401) behindCard.replaceChildren(behindCard.firstChild, failure(error, loadBehind));
    }
  };

  const loadAll = () => Promise.all([loadCity(), loadCharts(), loadBehind()]);
  loadAll();

  // Live: this month's pushes are the figures themselves; a longer period that is still running is
  // fetched again (at most every 15 s); an ended period does not move.
  let refetchTimer = 0;
  const stops = [
    live.on("scorecard", s => {
      if (s.unitCode !== CITY) return;
      if (s.period === period.label) show(s, true);
      else if (containsToday(period) && !refetchTimer) refetchTimer = setTimeout(() => { refetchTimer = 0; loadCity(); }, 15000);
    }),
    live.on("hourly", () => { loadCharts(); loadBehind(); }),
    live.on("resumed", loadAll),
  ];
  live.watch([CITY]);
  return () => { stops.forEach(stop => stop()); clearTimeout(refetchTimer); };
}

function unitList(rows, period, testid, figure, showBand = false) {
  return h("ol", { class: "unit-list", dataset: { testid } }, rows.map(r =>
    h("li", null, h("a", { href: href(`/units/${encodeURIComponent(r.unitCode)}`, { period: period.label }), dataset: { unitCode: r.unitCode } },
      h("span", { class: "rank" }, "#" + r.rank),
      h("span", { class: "name" }, r.name),
      showBand ? bandChip(r.band) : null,
      figure(r)))));
}

const round2 = x => Math.round(x * 100) / 100;
