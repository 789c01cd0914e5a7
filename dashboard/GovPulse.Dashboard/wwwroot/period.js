// Evaluation periods as the API writes them (PeriodQuery / Period.TryParse): 2026-11, 2026-Q4,
// 2026, 2026-11-01..2026-11-15. Days are Vietnam days.
import { h } from "./dom.js";
import { dayMonth, periodLabel, t } from "./i18n.js";

const dayFormat = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh", year: "numeric", month: "2-digit", day: "2-digit" });
const FIRST_YEAR = 2024;

/** Today in Vietnam, "2026-11-23". */
export function today() {
  return dayFormat.format(new Date());
}

/** This month, "2026-11": the default period. */
export function currentMonth() {
  return today().slice(0, 7);
}

const pad = n => String(n).padStart(2, "0");
const iso = d => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const utc = (y, m, d) => new Date(Date.UTC(y, m - 1, d));

/** { kind, label, first, last } or null when the text is not a period. */
export function parse(label) {
  let m;
  if (!label) return null;
  if ((m = /^(\d{4})-(\d{2})$/.exec(label))) {
    const y = +m[1], mo = +m[2];
    if (mo < 1 || mo > 12) return null;
    return { kind: "month", label, first: iso(utc(y, mo, 1)), last: iso(utc(y, mo + 1, 0)) };
  }
  if ((m = /^(\d{4})-Q([1-4])$/.exec(label))) {
    const y = +m[1], q = +m[2];
    return { kind: "quarter", label, first: iso(utc(y, q * 3 - 2, 1)), last: iso(utc(y, q * 3 + 1, 0)) };
  }
  if ((m = /^(\d{4})$/.exec(label))) {
    return { kind: "year", label, first: `${m[1]}-01-01`, last: `${m[1]}-12-31` };
  }
  if ((m = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(label))) {
    if (m[2] < m[1] || Number.isNaN(Date.parse(m[1])) || Number.isNaN(Date.parse(m[2]))) return null;
    return { kind: "custom", label, first: m[1], last: m[2] };
  }
  return null;
}

/** The period of the URL, or this month. */
export function fromQuery(query) {
  return parse(query.get("period")) ?? parse(currentMonth());
}

/** The previous period as the server computes it (PreviousPeriod.cs). */
export function previous(period) {
  const [y, m] = period.first.split("-").map(Number);
  switch (period.kind) {
    case "month": return parse(iso(utc(y, m - 1, 1)).slice(0, 7));
    case "quarter": {
      const d = utc(y, m - 3, 1);
      return parse(`${d.getUTCFullYear()}-Q${Math.floor(d.getUTCMonth() / 3) + 1}`);
    }
    case "year": return parse(String(y - 1));
    default: {
      const first = Date.parse(period.first + "T00:00:00Z");
      const days = Math.round((Date.parse(period.last + "T00:00:00Z") - first) / 86400000) + 1;
      return parse(`${iso(new Date(first - days * 86400000))}..${iso(new Date(first - 86400000))}`);
    }
  }
}

/** The period is running: live figures move it. */
export function containsToday(period) {
  const day = today();
  return period.first <= day && day <= period.last;
}

/** The period's words, marked partial while it runs: "Tháng 12/2026 (lũy kế đến 06/12)". */
export function runningLabel(period) {
  const label = periodLabel(period.label);
  return containsToday(period) ? t("period.toDate", { label, day: dayMonth(today()) }) : label;
}

/** "06/12/2026" → "2026-12-06", or null when it is not a real day. */
export function isoFromDayText(text) {
  const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(text ?? "");
  if (!m) return null;
  const value = iso(utc(+m[3], +m[2], +m[1]));
  return value === `${m[3]}-${pad(+m[2])}-${pad(+m[1])}` ? value : null;
}

/** "2026-12-06" → "06/12/2026". */
export const dayTextFromIso = value => `${value.slice(8, 10)}/${value.slice(5, 7)}/${value.slice(0, 4)}`;

export function isCurrentMonth(period) {
  return period.kind === "month" && period.label === currentMonth();
}

/**
 * The period picker: Kỳ đánh giá [Tháng|Quý|Năm|Tùy chọn] and the inputs of the chosen kind.
 * onPick(label) is called with a valid period.
 */
export function picker(period, onPick) {
  const thisYear = Number(today().slice(0, 4));
  const years = [];
  for (let y = thisYear; y >= FIRST_YEAR; y--) years.push(y);
  const [py, pm] = period.first.split("-").map(Number);

  const kind = h("select", { id: "period-kind", dataset: { testid: "period-kind" } },
    ["month", "quarter", "year", "custom"].map(k => h("option", { value: k, selected: k === period.kind }, t("period." + k))));

  // Months as a list ("Tháng 11/2026", newest first) rather than a month input, whose words
  // follow the phone's language instead of the page's.
  const months = [];
  for (let y = thisYear; y >= FIRST_YEAR; y--) {
    for (let m = 12; m >= 1; m--) {
      const label = `${y}-${pad(m)}`;
      if (label <= currentMonth()) months.push(label);
    }
  }
  const month = h("select", { id: "period-month", dataset: { testid: "period-month" } },
    months.map(label => h("option", { value: label, selected: label === period.first.slice(0, 7) }, label === currentMonth() ? runningLabel(parse(label)) : periodLabel(label))));
  const quarterYear = h("select", { id: "period-quarter-year", dataset: { testid: "period-quarter-year" } }, years.map(y => h("option", { value: y, selected: y === py }, String(y))));
  const quarter = h("select", { id: "period-quarter", dataset: { testid: "period-quarter" } },
    [1, 2, 3, 4].map(q => h("option", { value: q, selected: q === Math.floor((pm - 1) / 3) + 1 }, ["I", "II", "III", "IV"][q - 1])));
  const year = h("select", { id: "period-year", dataset: { testid: "period-year" } }, years.map(y => h("option", { value: y, selected: y === py }, String(y))));
  // Days as text, dd/mm/yyyy: a date input writes its days in the browser's language (mm/dd/yyyy
  // on an English phone), not the page's. The URL keeps the ISO days.
  const dayInput = (id, value) => h("input", {
    type: "text", id, inputmode: "numeric", pattern: "\\d{1,2}/\\d{1,2}/\\d{4}", placeholder: t("period.dateHint"), autocomplete: "off",
    value: dayTextFromIso(value), required: true, "aria-describedby": "period-hint period-error", dataset: { testid: id },
  });
  const from = dayInput("period-from", period.first);
  const to = dayInput("period-to", period.last);
  const error = h("p", { id: "period-error", class: "field-error", role: "alert", dataset: { testid: "period-error" }, hidden: true });
  const apply = h("button", { type: "submit", class: "button", dataset: { testid: "period-apply" } }, t("period.apply"));

  const groups = {
    month: h("span", { class: "period-inputs" }, h("label", { for: "period-month", class: "vh" }, t("period.month")), month),
    quarter: h("span", { class: "period-inputs" },
      h("label", { for: "period-quarter", class: "vh" }, t("period.quarter")), quarter,
      h("label", { for: "period-quarter-year", class: "vh" }, t("period.year")), quarterYear),
    year: h("span", { class: "period-inputs" }, h("label", { for: "period-year", class: "vh" }, t("period.year")), year),
    custom: h("span", { class: "period-inputs" },
      h("label", { for: "period-from" }, t("period.from")), from,
      h("label", { for: "period-to" }, t("period.to")), to,
      h("span", { id: "period-hint", class: "vh" }, t("period.dateHint")), error),
  };

  const chosen = () => {
    switch (kind.value) {
      case "month": return month.value;
      case "quarter": return `${quarterYear.value}-Q${quarter.value}`;
      case "year": return year.value;
      default: {
        const [first, last] = [isoFromDayText(from.value), isoFromDayText(to.value)];
        from.setAttribute("aria-invalid", String(!first));
        to.setAttribute("aria-invalid", String(!last));
        const wrong = !first || !last ? "period.badDate" : last < first || first > today() ? "period.badRange" : null;
        error.hidden = !wrong;
        error.textContent = wrong ? t(wrong) : "";
        return wrong ? "" : `${first}..${last}`;
      }
    }
  };

  const form = h("form", { class: "period-picker", novalidate: true, dataset: { testid: "period-picker" }, "aria-label": t("period.label") },
    h("label", { for: "period-kind" }, t("period.label")), kind,
    Object.values(groups), apply);

  const showKind = () => {
    for (const [k, el] of Object.entries(groups)) el.hidden = k !== kind.value;
    // Month, quarter and year apply as soon as they are picked; a range waits for its button.
    apply.hidden = kind.value !== "custom";
  };
  const pick = () => {
    const label = chosen();
    const parsed = parse(label);
    if (parsed && parsed.label !== period.label) onPick(parsed.label);
  };

  kind.addEventListener("change", () => { showKind(); if (kind.value !== "custom") pick(); });
  for (const el of [month, quarter, quarterYear, year]) el.addEventListener("change", pick);
  form.addEventListener("submit", e => { e.preventDefault(); pick(); });
  showKind();
  return form;
}
