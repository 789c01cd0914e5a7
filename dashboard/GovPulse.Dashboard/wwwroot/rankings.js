// Rankings: the 168 communes or the departments, sortable, filtered by band and by name (with or
// without diacritics), with each unit's change since the previous period and the biggest movers.
import { getJson } from "./api.js";
import { h } from "./dom.js";
import { BANDS, BAND_KEYS, bandName, count, lang, periodLabel, points, t } from "./i18n.js";
import * as live from "./live.js";
import { containsToday, previous, runningLabel } from "./period.js";
import { href, replaceQuery } from "./router.js";
import { matches } from "./search.js";
import { isRanked } from "./nodata.js";
import { bandChip, delta, failure, loading, updatedMark } from "./widgets.js";
import { rankingsMenu } from "./downloads.js";

const LEVELS = { commune: "rankings.communes", department: "rankings.departments" };
const COLUMNS = [
  { key: "rank", label: "rankings.rank", first: "asc" },
  { key: "name", label: "rankings.unit", first: "asc" },
  { key: "total", label: "score.total", first: "desc" },
  { key: "change", label: "compare.previous", first: "desc" },
  { key: "received", label: "counts.received", first: "desc", wide: true },
];
const REFRESH_MS = 60000;

export function render({ root, period, query, signal }) {
  const level = LEVELS[query.get("level")] ? query.get("level") : "commune";
  const state = {
    q: query.get("q") || "",
    band: Object.values(BAND_KEYS).includes(query.get("band")) ? query.get("band") : "",
    sort: COLUMNS.some(c => c.key === query.get("sort")) ? query.get("sort") : "rank",
    dir: query.get("dir") === "desc" || query.get("dir") === "asc" ? query.get("dir") : null,
  };
  let rows = [];
  let changes = new Map();

  const levelTabs = h("div", { class: "tabs", role: "group", "aria-label": t("rankings.level") },
    Object.entries(LEVELS).map(([key, label]) => h("a", {
      href: href("/rankings", { level: key === "commune" ? undefined : key, period: query.get("period") }),
      class: "tab", "aria-current": key === level ? "page" : false, dataset: { testid: `level-${key}` },
    }, t(label))));

  const search = h("input", { type: "search", id: "rk-search", value: state.q, placeholder: t("rankings.searchHint"), autocomplete: "off", spellcheck: "false", dataset: { testid: "ranking-search" } });
  const band = h("select", { id: "rk-band", dataset: { testid: "ranking-band-filter" } },
    h("option", { value: "" }, t("rankings.allBands")),
    BANDS.map(b => h("option", { value: BAND_KEYS[b], selected: BAND_KEYS[b] === state.band }, bandName(b))));
  const filters = h("div", { class: "filters" },
    h("div", { class: "field" }, h("label", { for: "rk-search" }, t("rankings.search")), search),
    h("div", { class: "field" }, h("label", { for: "rk-band" }, t("score.band")), band));

  const shown = h("p", { class: "muted", role: "status", dataset: { testid: "ranking-count" } });
  const headRow = h("tr");
  const body = h("tbody");
  const table = h("table", { class: "ranking", dataset: { testid: "ranking-table" } },
    h("caption", { class: "vh" }, `${t(LEVELS[level])} — ${periodLabel(period.label)}`),
    h("thead", null, headRow), body);
  const tableArea = h("div", { class: "table-area" }, loading());
  const updated = updatedMark();
  const moversArea = h("section", { class: "card movers", "aria-labelledby": "rk-movers" },
    h("h2", { id: "rk-movers", class: "vh" }, `${t("movers.up")} / ${t("movers.down")}`), loading());

  const unranked = h("section", { class: "unranked", "aria-labelledby": "rk-unranked", dataset: { testid: "unranked" }, hidden: true });
  const listCard = h("section", { class: "card", "aria-labelledby": "rk-title", dataset: { testid: "ranking-list" } }, shown, tableArea, unranked);
  root.replaceChildren(
    h("section", { class: "card", "aria-labelledby": "rk-title" },
      h("h1", { id: "rk-title" }, t("rankings.title")),
      h("p", { class: "period-label", dataset: { testid: "period-label" } }, `${t("period.label")}: ${runningLabel(period)}`),
      updated, levelTabs, filters, rankingsMenu(level, period)),
    moversArea,
    listCard);

  const direction = () => state.dir || COLUMNS.find(c => c.key === state.sort).first;

  const drawHead = () => {
    headRow.replaceChildren(...COLUMNS.map(c => {
      const active = c.key === state.sort;
      const sort = active ? (direction() === "asc" ? "ascending" : "descending") : null;
      return h("th", { scope: "col", class: c.wide ? "wide" : null, "aria-sort": sort || false },
        h("button", { type: "button", class: "sort", dataset: { sort: c.key, testid: `sort-${c.key}` },
          onclick: () => {
            if (state.sort === c.key) state.dir = direction() === "asc" ? "desc" : "asc";
            else { state.sort = c.key; state.dir = null; }
            replaceQuery({ sort: state.sort === "rank" ? null : state.sort, dir: state.dir });
            drawHead();
            drawBody();
          } },
          t(c.label), h("span", { class: "sort-mark", "aria-hidden": "true" }, active ? (direction() === "asc" ? " ↑" : " ↓") : "")));
    }));
  };

  const collator = new Intl.Collator(lang() === "en" ? "en" : "vi");
  const value = (row, key) => key === "change" ? changes.get(row.unitCode)?.change ?? null : row[key];
  const compare = (a, b) => {
    const sign = direction() === "asc" ? 1 : -1;
    if (state.sort === "name") return sign * collator.compare(a.name, b.name);
    const va = value(a, state.sort), vb = value(b, state.sort);
    if (va === null && vb === null) return a.position - b.position;
    if (va === null) return 1;
    if (vb === null) return -1;
    return sign * (va - vb) || a.position - b.position;
  };

  const drawBody = () => {
    const visible = rows
      .filter(isRanked) // units without dossiers have no place, total or band: listed apart, below
      .filter(r => !state.band || BAND_KEYS[r.band] === state.band)
      .filter(r => matches(r.name, state.q))
      .sort(compare);
    // A search or a band filter is answered right under its box; unfiltered, the movers come first.
    if (state.q.trim() || state.band) moversArea.before(listCard);
    else listCard.before(moversArea);
    const unplaced = state.band ? [] : rows.filter(r => !isRanked(r) && matches(r.name, state.q));
    shown.textContent = t("rankings.shown", { shown: count(visible.length + unplaced.length), all: count(rows.length) });
    drawUnranked(unplaced);
    table.hidden = visible.length === 0 && unplaced.length > 0;
    body.replaceChildren(...visible.map(r => h("tr", { dataset: { testid: "ranking-row", unitCode: r.unitCode, band: BAND_KEYS[r.band] || "none" } },
      h("td", { class: "num rank" }, String(r.rank)),
      h("th", { scope: "row", class: "name" },
        h("a", { href: href(`/units/${encodeURIComponent(r.unitCode)}`, { period: query.get("period") }) },
          h("span", { class: "unit-name" }, r.name), bandChip(r.band))),
      h("td", { class: "num", dataset: { testid: "ranking-total" } }, points(r.total)),
      h("td", { class: "num" }, delta(changes.get(r.unitCode)?.change ?? null)),
      h("td", { class: "num wide" }, count(r.received)))));
    if (visible.length === 0 && unplaced.length === 0) body.append(h("tr", null, h("td", { colspan: COLUMNS.length, class: "muted" }, t("rankings.noMatch"))));
  };

  const drawUnranked = list => {
    unranked.hidden = list.length === 0;
    unranked.replaceChildren(h("h2", { id: "rk-unranked" }, t("nodata.unranked", { n: count(list.length) })),
      h("ul", { class: "unit-list" }, list.map(r => h("li", { dataset: { testid: "unranked-row", unitCode: r.unitCode } },
        h("a", { href: href(`/units/${encodeURIComponent(r.unitCode)}`, { period: query.get("period") }) }, h("span", { class: "unit-name name" }, r.name))))));
  };

  let typing = 0;
  search.addEventListener("input", () => {
    clearTimeout(typing);
    typing = setTimeout(() => { state.q = search.value; replaceQuery({ q: state.q }); drawBody(); }, 120);
  });
  band.addEventListener("change", () => { state.band = band.value; replaceQuery({ band: state.band }); drawBody(); });

  const moverList = (list, testid) => list.length
    ? h("ol", { class: "unit-list", dataset: { testid } }, list.map(r => h("li", null,
      h("a", { href: href(`/units/${encodeURIComponent(r.unitCode)}`, { period: query.get("period") }), dataset: { unitCode: r.unitCode } },
        h("span", { class: "rank" }, "#" + r.rank), h("span", { class: "name" }, r.name), delta(r.change)))))
    : h("p", { class: "muted", dataset: { testid } }, t("movers.none"));

  const periodQuery = `level=${level}&period=${encodeURIComponent(period.label)}`;
  const loadRanking = async () => {
    try {
      const ranking = await getJson(`/api/v1/rankings?${periodQuery}`, { signal });
      if (signal.aborted) return;
      rows = ranking.map((r, i) => ({ ...r, position: i }));
      drawHead();
      drawBody();
      tableArea.replaceChildren(table);
      updated.stamp();
    } catch (error) {
      if (!signal.aborted && error.status !== 401) tableArea.replaceChildren(failure(error, loadRanking));
    }
  };
  const loadMovers = async () => {
    try {
      const movers = await getJson(`/api/v1/rankings/movers?${periodQuery}&count=5`, { signal });
      if (signal.aborted) return;
      changes = new Map(movers.units.map(u => [u.unitCode, u]));
      moversArea.replaceChildren(moversArea.firstChild,
        h("div", { class: "mover-col" }, h("h3", null, t("movers.up")), moverList(movers.risers, "movers-up")),
        h("div", { class: "mover-col" }, h("h3", null, t("movers.down")), moverList(movers.fallers, "movers-down")),
        h("p", { class: "muted small" }, `${t("compare.previous")}: ${periodLabel(previous(period).label)}`));
      if (rows.length) drawBody();
    } catch (error) {
      if (!signal.aborted && error.status !== 401) moversArea.replaceChildren(moversArea.firstChild, failure(error, loadMovers));
    }
  };
  const loadAll = () => Promise.all([loadRanking(), loadMovers()]);
  loadAll();

  // Rankings move with every unit; rather than follow 168 units live, fetch again every minute
  // while the period runs, at each hourly summary and after a reconnection.
  const timer = containsToday(period) ? setInterval(loadAll, REFRESH_MS) : 0;
  const stops = [live.on("hourly", loadAll), live.on("resumed", loadAll)];
  live.watch([]);
  return () => { clearInterval(timer); clearTimeout(typing); stops.forEach(stop => stop()); };
}
