/* Times, dates and the plenary's decision as the auditor's page writes them, in the page's language. */
import { el } from "../lib/dom.js";
import { t } from "../lib/words.js";

const pad = n => String(n).padStart(2, "0");

/** Local HH:MM:SS of an instant. */
export function clock(iso) {
  if (!iso) return "";
  const d = new Date(iso);
  if (isNaN(d)) return "";
  return pad(d.getHours()) + ":" + pad(d.getMinutes()) + ":" + pad(d.getSeconds());
}

/** Local date and time of an instant, in the page language. */
export function dateTime(iso) {
  if (!iso) return "";
  const d = new Date(iso);
  if (isNaN(d)) return String(iso);
  return d.toLocaleDateString(t("language.locale"), { day: "numeric", month: "long", year: "numeric" })
    + " " + clock(iso);
}

/** A calendar date such as 2026-03-14, in the page language, without time-zone shifts. */
export function calendarDate(day) {
  if (!day) return "";
  const d = new Date(day + "T00:00:00Z");
  if (isNaN(d)) return String(day);
  return d.toLocaleDateString(t("language.locale"),
    { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
}

export function timeEl(iso) {
  return el("time", { class: "time", datetime: iso, title: dateTime(iso), text: clock(iso) });
}

export function decisionText(approval, status) {
  if (!approval || status !== "approved") return t("audit.draft");
  const at = dateTime(approval.approvedAt);
  if (approval.method === "vote") {
    return t("audit.approvedVote", { at, inFavor: approval.inFavor ?? 0, against: approval.against ?? 0,
      abstentions: approval.abstentions ?? 0 });
  }
  return t("audit.approvedConsensus", { at });
}
