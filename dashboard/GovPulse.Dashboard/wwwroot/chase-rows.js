// A dossier to chase as one row, for the unit's list (late.js) and the city-wide view (city-chase.js):
// its status in a short true phrase, channel, procedure, received and due dates, and a link to the
// city's one-stop system when the server names one. Also the tabs and the pager both screens share.
// Rows follow the chase contract: { dossierId, procedureCode, procedureName, channel, receivedAt,
// dueAt, status: "overdue"|"onTime", workingDaysLate, workingDaysLeft, supplementRequests,
// overdueReason: "duePassed"|"secondSupplementRequest"|null, overdueSince, sourceUrl }.
import { ApiError } from "./api.js";
import { h } from "./dom.js";
import { count, date, shortTime, t } from "./i18n.js";
import { href } from "./router.js";
import { failure } from "./widgets.js";

const ZONE = "Asia/Ho_Chi_Minh";

/** The statuses a list shows, as the API names them and as the counts object names them. */
export const STATUSES = [
  { status: "overdue", countKey: "overdue", tabKey: "late.overdueTab" },
  { status: "due-soon", countKey: "dueSoon", tabKey: "late.dueSoonTab" },
  { status: "in-progress", countKey: "inProgress", tabKey: "late.inProgressTab" },
];

/** ?show=due-soon|in-progress (default overdue). */
export function statusOf(query) {
  const show = query.get("show");
  return STATUSES.some(s => s.status === show) ? show : "overdue";
}

/** ?page=N, a whole number from 1 (anything else is page 1). */
export function pageOf(query) {
  const page = Number(query.get("page"));
  return Number.isInteger(page) && page >= 1 ? page : 1;
}

/** The local calendar day (yyyy-mm-dd) of an instant, in Vietnam time. */
const dayOf = value => new Intl.DateTimeFormat("en-CA", { year: "numeric", month: "2-digit", day: "2-digit", timeZone: ZONE }).format(new Date(value));

/** 04/12: a day within the list's own weeks needs no year (vi-VN alone would write 04-12). */
function dayMonth(value) {
  const parts = new Intl.DateTimeFormat("en-GB", { day: "2-digit", month: "2-digit", timeZone: ZONE }).formatToParts(new Date(value));
  const part = type => parts.find(p => p.type === type)?.value;
  return `${part("day")}/${part("month")}`;
}

/**
 * What is true of the dossier now (asOf: the answer's evaluation time), in as few words as a phone
 * line holds. The server decides overdue and counts the working days; this only words it.
 */
export function statusPhrase(d, asOf) {
  const today = dayOf(asOf || Date.now());
  if (d.status === "overdue") {
    if (d.overdueReason === "secondSupplementRequest") {
      return t("late.phrase.supplements", { n: count(d.supplementRequests ?? 2), date: dayMonth(d.dueAt) });
    }
    const since = d.overdueSince || d.dueAt;
    if (d.workingDaysLate >= 1) return t(d.workingDaysLate === 1 ? "late.phrase.dayLate" : "late.phrase.daysLate", { n: count(d.workingDaysLate), date: dayMonth(since) });
    // 0 working days late: due earlier today, or due on a day since which only days off have passed.
    if (dayOf(since) === today) return t("late.phrase.sinceToday", { time: shortTime(since) });
    return t("late.phrase.sinceDay", { date: dayMonth(since) });
  }
  if (d.workingDaysLeft >= 1) return t(d.workingDaysLeft === 1 ? "late.dayLeft" : "late.daysLeft", { n: count(d.workingDaysLeft) });
  if (dayOf(d.dueAt) === today) return t("late.phrase.dueToday", { time: shortTime(d.dueAt) });
  return t("late.phrase.dueOn", { date: dayMonth(d.dueAt) });
}

/** Trực tuyến / Trực tiếp / Bưu chính công ích (the API writes Online / InPerson / Postal). */
export function channelName(channel) {
  const key = { online: "Online", inperson: "InPerson", direct: "InPerson", postal: "Postal" }[String(channel || "").toLowerCase()];
  return key ? t("late.channel." + key) : (channel || "");
}

/** One dossier as a list item (li): phrase first, so a glance down the list reads the urgency; compact for a phone. */
export function dossierItem(d, asOf) {
  const overdue = d.status === "overdue";
  const extraSupplements = d.supplementRequests > 0 && d.overdueReason !== "secondSupplementRequest";
  const link = d.sourceUrl && /^https?:\/\//i.test(d.sourceUrl)
    ? h("a", { href: d.sourceUrl, target: "_blank", rel: "noopener noreferrer", class: "d-source", dataset: { testid: "late-source" } }, t("late.source"))
    : null;
  return h("li", { class: "dossier" + (overdue ? " is-overdue" : ""), dataset: { testid: "late-row", dossierId: d.dossierId, status: d.status, reason: d.overdueReason || "" } },
    h("p", { class: "d-phrase" + (overdue ? " late-days" : ""), dataset: { testid: "late-phrase" } }, statusPhrase(d, asOf)),
    h("p", { class: "d-id" }, h("span", { class: "d-code" }, d.dossierId), " · ",
      h("span", { dataset: { testid: "late-channel" } }, channelName(d.channel))),
    // Long procedure names are cut at two lines (the full name is in the one-stop system).
    h("p", { class: "d-procedure", title: d.procedureName || null }, d.procedureName || d.procedureCode || "",
      d.procedureName && d.procedureCode ? h("span", { class: "muted" }, ` · ${d.procedureCode}`) : null),
    h("div", { class: "d-foot" + (link ? " has-link" : "") },
      h("span", { class: "sub", dataset: { testid: "late-dates" } },
        `${t("late.received", { date: date(d.receivedAt) })} · ${t("late.due", { date: date(d.dueAt) })}`,
        extraSupplements ? ` · ${t("late.supplements", { n: count(d.supplementRequests) })}` : ""),
      link));
}

export function dossierList(rows, asOf) {
  return h("ol", { class: "dossier-list" }, rows.map(d => dossierItem(d, asOf)));
}

/**
 * The three status tabs, each with its count: links to path with ?show=, keeping the other
 * parameters given (the page goes back to 1: another tab has other pages).
 */
export function statusTabs(path, params, current, counts, label) {
  return h("div", { class: "tabs status-tabs", role: "group", "aria-label": label },
    STATUSES.map(s => {
      const n = counts?.[s.countKey];
      return h("a", {
        href: href(path, { ...params, show: s.status === "overdue" ? null : s.status }),
        "aria-current": s.status === current ? "page" : false,
        class: "tab",
        dataset: { testid: `late-show-${s.status}` },
      }, t(s.tabKey), n == null ? null : h("span", { class: "tab-count", dataset: { testid: `late-count-${s.status}` } }, count(n)));
    }));
}

/** "← Trang trước · Trang 2/3 · Trang sau →", or nothing when everything fits on one page. */
export function pager(path, params, page, pages) {
  if (!(pages > 1)) return null;
  const link = (target, key, testid) => target >= 1 && target <= pages
    ? h("a", { class: "button ghost", href: href(path, { ...params, page: target === 1 ? null : target }), dataset: { testid } }, t(key))
    : h("span", { class: "button ghost", "aria-disabled": "true", dataset: { testid } }, t(key));
  return h("nav", { class: "pager", "aria-label": t("late.paging") },
    link(page - 1, "late.prev", "late-prev"),
    h("span", { class: "pager-page", dataset: { testid: "late-page" } }, t("late.page", { page: count(page), pages: count(pages) })),
    link(page + 1, "late.next", "late-next"));
}

/**
 * Shows why a chase list could not be read: nothing for a page that has gone or a sign-in that
 * ended (the sign-in screen follows); a plain notice for 404 (an older server) or 403 (not this
 * person's dossiers); otherwise the failure with a retry.
 */
export function showListError(area, error, signal, retry, testid) {
  if (signal.aborted || error.status === 401) return;
  if (error instanceof ApiError && (error.status === 404 || error.status === 403)) {
    area.replaceChildren(h("p", { class: "notice", role: "status", dataset: { testid } }, t("late.unavailable")));
    return;
  }
  area.replaceChildren(failure(error, retry));
}
