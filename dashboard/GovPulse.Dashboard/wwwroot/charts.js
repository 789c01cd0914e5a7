// A chart as the server draws it (ScottPlot SVG, light or dark to match the system) with its text
// alternative beside it: a caption with the latest figure and a table of every figure. If the
// image cannot be loaded, the same figures are drawn here as a simple inline SVG.
import { h } from "./dom.js";
import { lang, t } from "./i18n.js";

const SVG = "http://www.w3.org/2000/svg";

function sizeFor(el) {
  const available = el.clientWidth || 320;
  const width = Math.max(240, Math.min(1200, Math.floor(available / 40) * 40 || 240));
  const height = Math.max(160, Math.min(300, Math.round(width * 0.5)));
  return { width, height };
}

function withParams(url, params) {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== "") query.set(k, v);
  return `${url}?${query}`;
}

/**
 * chartFigure({ testid, title, url, params, caption, columns, rows, points })
 *   url/params: the SVG endpoint and its query (width, height, theme and lang are added);
 *   columns/rows: the table of figures (strings); points: [{ label, value|null }] for the fallback.
 * Returns the <figure>; call .refresh() to fetch a newer drawing.
 */
export function chartFigure({ testid, title, url, params, caption, columns, rows, points }) {
  const source = h("source", { media: "(prefers-color-scheme: dark)" });
  const img = h("img", { alt: title + (caption ? ". " + caption : ""), decoding: "async" });
  const picture = h("picture", null, source, img);
  const table = h("table", { class: "figures-table" },
    h("caption", { class: "vh" }, title),
    h("thead", null, h("tr", null, columns.map(c => h("th", { scope: "col" }, c)))),
    h("tbody", null, rows.map(r => h("tr", null, h("th", { scope: "row" }, r[0]), r.slice(1).map(c => h("td", null, c))))));
  const figure = h("figure", { class: "chart", dataset: { testid } },
    h("div", { class: "chart-frame" }, picture),
    caption ? h("figcaption", null, caption) : null,
    h("details", { class: "chart-figures" }, h("summary", null, t("chart.figures")), table));

  let version = 0;
  const load = () => {
    const { width, height } = sizeFor(figure);
    const base = { ...params, width, height, lang: lang(), v: version || undefined };
    img.width = width;
    img.height = height;
    source.srcset = withParams(url, { ...base, theme: "dark" });
    img.src = withParams(url, { ...base, theme: "light" });
  };
  img.addEventListener("error", () => {
    if (figure.querySelector("svg.fallback")) return;
    picture.replaceWith(inlineChart(title, points || []));
  }, { once: true });
  figure.refresh = () => { version = Date.now(); load(); };
  requestAnimationFrame(load);
  return figure;
}

/** The figures as a plain line: used only when the server's drawing cannot be had. */
export function inlineChart(title, points) {
  const width = 320, height = 160, pad = 24;
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  svg.setAttribute("class", "fallback");
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", title);
  const known = points.map((p, i) => ({ ...p, i })).filter(p => typeof p.value === "number");
  if (known.length === 0) {
    const text = document.createElementNS(SVG, "text");
    text.setAttribute("x", width / 2);
    text.setAttribute("y", height / 2);
    text.setAttribute("text-anchor", "middle");
    text.textContent = t("chart.nothingYet");
    svg.append(text);
    return svg;
  }
  const min = Math.min(...known.map(p => p.value)) - 1;
  const max = Math.max(...known.map(p => p.value)) + 1;
  const x = i => pad + (points.length === 1 ? (width - 2 * pad) / 2 : (i * (width - 2 * pad)) / (points.length - 1));
  const y = v => height - pad - ((v - min) * (height - 2 * pad)) / (max - min || 1);
  const line = document.createElementNS(SVG, "polyline");
  line.setAttribute("points", known.map(p => `${x(p.i).toFixed(1)},${y(p.value).toFixed(1)}`).join(" "));
  line.setAttribute("class", "fallback-line");
  svg.append(line);
  for (const p of known) {
    const dot = document.createElementNS(SVG, "circle");
    dot.setAttribute("cx", x(p.i).toFixed(1));
    dot.setAttribute("cy", y(p.value).toFixed(1));
    dot.setAttribute("r", "3.5");
    dot.setAttribute("class", "fallback-dot");
    svg.append(dot);
  }
  return svg;
}
