// The download menu of the rankings and the unit page ("Xuất CSV / Excel / biểu đồ"): links to the
// exports API for the period on screen and the page's language, as known at now or at a time the
// auditor types ("Số liệu tại thời điểm", Vietnam time), so a file can be downloaded again later
// byte for byte. The server names each file (Content-Disposition); the links only carry `download`.
//   GET /api/v1/exports/rankings?level=&period=&asOf=&format=csv|xlsx|pdf|png|svg&lang=vi|en
//   GET /api/v1/exports/units/{code}/scorecard?period=&asOf=&format=…&lang=…
import { h } from "./dom.js";
import { lang, t } from "./i18n.js";
import { isoFromDayText } from "./period.js";

/** The five formats, in the order the menu lists them. */
export const FORMATS = [
  { format: "csv", label: "downloads.csv" },
  { format: "xlsx", label: "downloads.xlsx" },
  { format: "pdf", label: "downloads.pdf" },
  { format: "png", label: "downloads.png" },
  { format: "svg", label: "downloads.svg" },
];

const VIETNAM_MS = 7 * 3600 * 1000;
const pad = n => String(n).padStart(2, "0");

/**
 * path?name=value&… with the parameters sorted by name, empty ones left out: the order of the
 * export manifest's "request", so a link reads like what the file's manifest records.
 */
export function fileUrl(path, params) {
  const query = new URLSearchParams();
  for (const name of Object.keys(params).sort()) {
    const value = params[name];
    if (value !== undefined && value !== null && value !== "") query.set(name, value);
  }
  return `${path}?${query}`;
}

/** An instant as Vietnam local time with its offset, to the second: "2026-11-30T17:00:00+07:00". */
export function vietnamTime(ms) {
  const d = new Date(ms + VIETNAM_MS);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}+07:00`;
}

/**
 * What the "as known at" field holds: { asOf: null } when empty (the server takes now), { asOf:
 * "2026-11-30T17:00:00+07:00" } for "30/11/2026 17:00" (seconds optional, Vietnam time) or for an
 * ISO 8601 time with an offset pasted from a file's X-GovPulse-As-Of, else { error: "bad" | "future" }.
 */
export function readAsOf(text, now = Date.now()) {
  const value = (text ?? "").trim();
  if (!value) return { asOf: null };
  let ms = NaN;
  let m;
  if ((m = /^(\d{1,2}\/\d{1,2}\/\d{4})[ ,]+(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(value))) {
    const day = isoFromDayText(m[1]);
    const [hours, minutes, seconds] = [Number(m[2]), Number(m[3]), Number(m[4] ?? 0)];
    if (day && hours <= 23 && minutes <= 59 && seconds <= 59) {
      const [y, mo, d] = day.split("-").map(Number);
      ms = Date.UTC(y, mo - 1, d, hours, minutes, seconds) - VIETNAM_MS;
    }
  } else if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) {
    ms = Date.parse(value);
  }
  if (Number.isNaN(ms)) return { error: "bad" };
  // The server refuses a future instant too; said here before anything is downloaded.
  if (ms > now) return { error: "future" };
  return { asOf: vietnamTime(Math.floor(ms / 1000) * 1000) };
}

/** One file link: a real link with `download`, the server's file name kept. */
export function fileLink(href, format, label, testid) {
  return h("a", { href, download: true, class: "button ghost download-link", dataset: { format, testid } }, label);
}

/**
 * The menu: a <details> whose <summary> says "Xuất CSV / Excel / biểu đồ", the optional time field,
 * and a link per format. path: the export endpoint; params: its query but format, lang and asOf.
 */
export function downloadMenu(path, params) {
  const links = FORMATS.map(f => fileLink("", f.format, t(f.label), `download-${f.format}`));
  const input = h("input", {
    type: "text", id: "dl-as-of", inputmode: "text", autocomplete: "off", spellcheck: "false", placeholder: t("downloads.asOfHint"),
    "aria-describedby": "dl-as-of-help dl-as-of-error", dataset: { testid: "downloads-as-of" },
  });
  const error = h("p", { id: "dl-as-of-error", class: "field-error", role: "alert", dataset: { testid: "downloads-as-of-error" }, hidden: true });

  const point = asOf => {
    FORMATS.forEach((f, i) => {
      const link = links[i];
      if (asOf === undefined) {
        // A time that cannot be read: no link rather than a file of another time.
        link.removeAttribute("href");
        link.setAttribute("aria-disabled", "true");
      } else {
        link.href = fileUrl(path, { ...params, asOf, format: f.format, lang: lang() });
        link.removeAttribute("aria-disabled");
      }
    });
  };
  const check = say => {
    const read = readAsOf(input.value);
    if (read.error) {
      point(undefined);
      // While typing, the links wait; the words come when the field is left.
      if (say) {
        error.hidden = false;
        error.textContent = t(read.error === "future" ? "downloads.asOfFuture" : "downloads.asOfBad");
        input.setAttribute("aria-invalid", "true");
      }
      return;
    }
    error.hidden = true;
    error.textContent = "";
    input.removeAttribute("aria-invalid");
    point(read.asOf);
  };
  input.addEventListener("input", () => check(false));
  input.addEventListener("change", () => check(true));
  point(null);

  return h("details", { class: "downloads", dataset: { testid: "downloads" } },
    h("summary", { dataset: { testid: "downloads-toggle" } }, t("downloads.title")),
    h("div", { class: "downloads-body" },
      h("div", { class: "field" },
        h("label", { for: "dl-as-of" }, t("downloads.asOf")),
        input,
        h("p", { id: "dl-as-of-help", class: "small muted" }, t("downloads.asOfHelp")),
        error),
      h("ul", { class: "download-links", dataset: { testid: "download-links" } }, links.map(link => h("li", null, link)))));
}

/** The rankings of a level for the period on screen. */
export const rankingsMenu = (level, period) => downloadMenu("/api/v1/exports/rankings", { level, period: period.label });

/** A unit's scorecard (the city's too: "79") for the period on screen. */
export const scorecardMenu = (code, period) => downloadMenu(`/api/v1/exports/units/${encodeURIComponent(code)}/scorecard`, { period: period.label });
