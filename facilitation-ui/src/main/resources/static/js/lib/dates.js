/* Dates and times as every page writes them: local time, the catalogue's language.locale for names. */
import { t } from "./words.js";

const pad = n => String(n).padStart(2, "0");

/** Local HH:MM:SS of an instant, or HH:MM without the seconds. */
export function clock(iso, { seconds = true } = {}) {
  if (!iso) return "";
  const d = new Date(iso);
  if (isNaN(d)) return "";
  return pad(d.getHours()) + ":" + pad(d.getMinutes()) + (seconds ? ":" + pad(d.getSeconds()) : "");
}

/** Local date and time of an instant, in the page language ("14 de marzo de 2026 10:05:30"). */
export function dateTime(iso, { seconds = true } = {}) {
  if (!iso) return "";
  const d = new Date(iso);
  if (isNaN(d)) return String(iso);
  return d.toLocaleDateString(t("language.locale"), { day: "numeric", month: "long", year: "numeric" })
    + " " + clock(iso, { seconds });
}

/** A calendar date such as 2026-03-14, in the page language, without time-zone shifts. */
export function calendarDate(day) {
  if (!day) return "";
  const d = new Date(day + "T00:00:00Z");
  if (isNaN(d)) return String(day);
  return d.toLocaleDateString(t("language.locale"), { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
}
