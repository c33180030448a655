/* Times, dates and the plenary's decision as the auditor's page writes them, in the page's language. */
import { clock, dateTime } from "../lib/dates.js";
import { el } from "../lib/dom.js";
import { t } from "../lib/words.js";

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
