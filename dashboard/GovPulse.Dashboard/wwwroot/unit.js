// Unit detail: every group and indicator (numerator / denominator / ratio / points / max), compared
// with the previous period and with the city, the trends, and a link to the unit's late dossiers.
import { getJson } from "./api.js";
import { canReadDossiers } from "./auth.js";
import { h } from "./dom.js";
import { count, groupName, indicatorName, percent, periodLabel, points, t } from "./i18n.js";
import * as live from "./live.js";
import { containsToday, previous, runningLabel, today } from "./period.js";
import { href } from "./router.js";
import { chaseLink } from "./chase-link.js";
import { standingLines } from "./standing.js";
import { emptyLine, hasNoDossiers, heldDownNote, restingLine, ruleLabel } from "./nodata.js";
import { attainmentBand, comparisonLine, countTiles, delta, failure, historyToday, loading, scoreLine, todayChart, trendChart, updatedMark } from "./widgets.js";
import { scorecardMenu } from "./downloads.js";
import { explanationHref } from "./drilldown.js";

const CITY = "79";
let unitsCache = null;

/** GET /api/v1/units once per page load: names and kinds of the 186 units. */
export async function units(signal) {
  unitsCache ??= getJson("/api/v1/units", { signal }).catch(e => { unitsCache = null; throw e; });
  return unitsCache;
}

export function render({ root, route, period, signal }) {
  const code = route.code;
  const isCity = code === CITY;
  const withCity = !isCity;
  const previousPeriod = previous(period);
  const name = h("h1", { id: "unit-title", dataset: { testid: "unit-name" } }, "…");
  const kind = h("p", { class: "period-label", dataset: { testid: "period-label" } }, `${t("period.label")}: ${runningLabel(period)}`);
  const score = scoreLine("unit");
  const resting = restingLine("unit-nodata-points");
  const vsPrevious = comparisonLine("compare.previous", null, null, periodLabel(previousPeriod.label), "unit-change-previous");
  const vsCity = withCity ? comparisonLine("compare.city", null, null, t("compare.cityShort"), "unit-change-city") : null;
  const standing = standingLines();
  const updated = updatedMark();
  const lateLink = isCity || !canReadDossiers(code) ? null : chaseLink(code, route.query.get("period"), signal);
  const crumbs = h("nav", { class: "crumbs", "aria-label": t("nav.label") },
    h("a", { href: isCity ? href("/", { period: route.query.get("period") }) : href("/rankings", { period: route.query.get("period") }), dataset: { testid: "unit-back" } },
      "← " + (isCity ? t("nav.overview") : t("unit.back"))));
  const tiles = countTiles();
  const groupsArea = h("div", { class: "groups-area" }, loading());
  const trendCard = h("section", { class: "card", "aria-labelledby": "un-trend" }, h("h2", { id: "un-trend" }, t("chart.trend")), loading());
  const todayCard = h("section", { class: "card", "aria-labelledby": "un-today" }, h("h2", { id: "un-today" }, t("chart.today")), loading());
  const hero = h("section", { class: "card hero", "aria-labelledby": "unit-title", dataset: { testid: "unit-card" } },
    crumbs, name, kind, score, resting, vsPrevious, vsCity, standing, updated, lateLink ? h("p", { class: "more" }, lateLink) : null,
    scorecardMenu(code, period));
  // The dossiers behind a figure: the city pools its units (open one unit), and a department head reads their own unit's only.
  const explain = isCity || !canReadDossiers(code) ? null : indicator => explanationHref(code, indicator, route.query.get("period"));
  root.replaceChildren(h("div", { class: "grid unit-grid" },
    hero,
    h("section", { class: "card", "aria-labelledby": "un-counts" }, h("h2", { id: "un-counts" }, t("counts.title")), tiles),
    groupsArea, trendCard, todayCard));

  units(signal).then(all => {
    const unit = all.find(u => u.code === code);
    if (!unit || signal.aborted) return;
    name.textContent = isCity ? t("city.name") : unit.name;
    kind.textContent = `${t("unit.kind." + unit.kind)} · ${t("period.label")}: ${runningLabel(period)}`;
    document.title = `${name.textContent} — GovPulse`;
  }).catch(() => {});

  let current = null, before = null, city = null;
  const show = flash => {
    score.update(current, flash);
    resting.update(current);
    tiles.update(current.counts, flash);
    const comparable = other => other && current.counts.received > 0 && other.counts.received > 0;
    vsPrevious.update(comparable(before) ? round2(current.total - before.total) : null, before);
    vsCity?.update(city && !hasNoDossiers(current) && !hasNoDossiers(city) ? round2(current.total - city.total) : null, city);
    if (flash) lateLink?.refresh(); // the unit's dossiers moved: the open overdue count may have too
    // Without a dossier every indicator is a no-data rule's: no group is shown as a score.
    groupsArea.replaceChildren(...(hasNoDossiers(current)
      ? [h("section", { class: "card" }, h("h2", null, t("groups.title")), emptyLine("nodata.groups", "groups-empty"))]
      : current.groups.map(g => groupSection(g, before, city, explain))));
    updated.stamp();
  };

  const loadScores = async () => {
    try {
      const comparison = await getJson(`/api/v1/units/${encodeURIComponent(code)}/comparison?period=${encodeURIComponent(period.label)}`, { signal });
      before = comparison.previous;
      if (live.isNotOlder(comparison.current, current)) current = comparison.current;
      if (live.isNotOlder(comparison.city, city)) city = comparison.city;
      standing.update(comparison.standing, route.query.get("period"));
      if (signal.aborted) return;
      if (name.textContent === "…") name.textContent = isCity ? t("city.name") : current.name;
      show(false);
    } catch (error) {
      if (signal.aborted || error.status === 401) return;
      if (error.status === 404) {
        root.replaceChildren(h("section", { class: "card", role: "alert" }, h("h1", null, t("unit.unknown", { code })),
          h("p", null, h("a", { href: "#/" }, t("app.home")))));
        return;
      }
      groupsArea.replaceChildren(failure(error, loadScores));
    }
  };

  const loadCharts = async () => {
    const [trend, hours] = await Promise.allSettled([
      getJson(`/api/v1/units/${encodeURIComponent(code)}/trend?months=12&period=${encodeURIComponent(period.label)}`, { signal }),
      getJson(historyToday(code, today()), { signal }),
    ]);
    if (signal.aborted) return;
    trendCard.replaceChildren(trendCard.firstChild, trend.status === "fulfilled" ? trendChart(code, period, trend.value) : failure(trend.reason, loadCharts));
    todayCard.replaceChildren(todayCard.firstChild, hours.status === "fulfilled" ? todayChart(code, hours.value) : failure(hours.reason, loadCharts));
  };

  const loadAll = () => Promise.all([loadScores(), loadCharts()]);
  loadAll();

  let refetchTimer = 0;
  const stops = [
    live.on("scorecard", s => {
      if (s.unitCode !== code && !(withCity && s.unitCode === CITY)) return;
      if (s.period === period.label && current) {
        if (!live.isNotOlder(s, s.unitCode === code ? current : city)) return;
        if (s.unitCode === code) current = s;
        else city = s;
        show(s.unitCode === code);
      } else if (containsToday(period) && !refetchTimer) {
        refetchTimer = setTimeout(() => { refetchTimer = 0; loadScores(); }, 15000);
      }
    }),
    live.on("hourly", loadCharts),
    live.on("resumed", loadAll),
  ];
  live.watch(withCity ? [code, CITY] : [code]);
  return () => { stops.forEach(stop => stop()); clearTimeout(refetchTimer); };
}

/** One group: its score against its max, then a table of its indicators. */
function groupSection(group, before, city, explain) {
  const id = `grp-${group.code}`;
  const prior = before?.groups.find(g => g.code === group.code);
  const cityGroup = city?.groups.find(g => g.code === group.code);
  const share = group.max > 0 ? Math.max(0, Math.min(100, (100 * group.score) / group.max)) : 0;
  const comparable = before && before.counts.received > 0;
  return h("section", { class: "card group", "aria-labelledby": id, dataset: { testid: `unit-group-${group.code}`, group: group.code, band: attainmentBand(group.score, group.max) } },
    h("h2", { id }, h("span", null, groupName(group.code)), " ",
      h("span", { class: "group-score" }, `${points(group.score)} / ${count(group.max)}`)),
    h("span", { class: "g-bar", "aria-hidden": "true" }, h("span", { class: "g-fill", style: `width:${share}%` })),
    heldDownNote(group),
    comparable && prior ? h("p", { class: "small" }, `${t("compare.previous")}: `, delta(round2(group.score - prior.score))) : null,
    h("table", { class: "indicators" },
      h("caption", { class: "vh" }, groupName(group.code)),
      h("thead", null, h("tr", null,
        h("th", { scope: "col" }, t("unit.indicator")),
        h("th", { scope: "col", class: "num" }, t("score.ratio")),
        h("th", { scope: "col", class: "num" }, t("score.pointsMax")))),
      h("tbody", null, group.indicators.map(i => indicatorRow(i,
        prior?.indicators.find(p => p.code === i.code), comparable,
        cityGroup?.indicators.find(c => c.code === i.code), explain)))));
}

function indicatorRow(indicator, prior, comparable, cityIndicator, explain) {
  const isDays = indicator.code === "AVG_PROCESSING_DAYS";
  const ratio = i => isDays ? t("score.days", { n: points(i.ratio) }) : percent(i.ratio);
  const counts = indicator.noData || indicator.numerator == null
    ? ruleLabel(indicator)
    : t(isDays ? "unit.daysCounts" : "unit.numDen", { num: count(indicator.numerator), den: count(indicator.denominator) });
  return h("tr", { dataset: { testid: `indicator-row-${indicator.code}`, indicator: indicator.code } },
    h("th", { scope: "row" }, indicatorName(indicator.code), h("span", { class: "sub", dataset: { testid: "indicator-counts" } },
      explain && indicator.numerator != null
        ? h("a", { href: explain(indicator.code), class: "explain-link", dataset: { testid: "indicator-explain" }, "aria-label": t("explain.linkLabel", { counts, indicator: indicatorName(indicator.code) }) }, counts)
        : counts)),
    h("td", { class: "num" },
      h("span", { dataset: { testid: "indicator-ratio" } }, indicator.noData ? "—" : ratio(indicator)),
      prior && comparable && !prior.noData ? h("span", { class: "sub" }, `${t("compare.previousShort")} ${ratio(prior)}`) : null,
      cityIndicator && !cityIndicator.noData ? h("span", { class: "sub" }, `${t("compare.cityShort")} ${ratio(cityIndicator)}`) : null),
    h("td", { class: "num" },
      h("span", { dataset: { testid: "indicator-points" } }, indicator.max > 0 ? `${points(indicator.points)} / ${count(indicator.max)}` : "—"),
      prior && comparable && indicator.max > 0 ? h("span", { class: "sub" }, delta(round2(indicator.points - prior.points))) : null));
}

const round2 = x => Math.round(x * 100) / 100;
