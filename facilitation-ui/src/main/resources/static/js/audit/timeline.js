/* Every event of the assembly as a line of the timeline; choosing one shows the board after it. */
import { el } from "../lib/dom.js";
import { t } from "../lib/words.js";
import { $, audited, tableLabel } from "./assembly.js";
import { timeEl } from "./format.js";
import { currentMoment, goTo, markTimeline } from "./moment.js";

const timeline = $("timeline");
const REGISTRATION = "participant-registered";
const DECISIONS = ["spokesperson-elected", "table-pinned", "agenda-approved", "assembly-closed"];

/** The colour family of an entry's kind (its stripe in the timeline and the trails). */
export function family(kind) {
  const [subject] = String(kind).split("-");
  if (["need", "solution", "plan", "step"].includes(subject)) return subject;
  return DECISIONS.includes(kind) ? "decision" : "other";
}

export function renderTimeline() {
  const hideRegistrations = $("hide-registrations").checked;
  timeline.replaceChildren(...audited.history.map(entry => {
    const li = el("li", { "data-sequence": entry.sequence, "data-type": entry.type, "data-kind": entry.kind,
      class: "entry kind-" + family(entry.kind) });
    li.hidden = hideRegistrations && entry.kind === REGISTRATION;
    li.append(el("button", { type: "button", class: "entry-button",
      onclick: () => goTo(entry.sequence, { scroll: false }) },
    el("span", { class: "visually-hidden", text: t("audit.showBoardAfter") + " " }),
    el("span", { class: "entry-meta" },
      el("span", { class: "seq", text: t("audit.seq", { seq: entry.sequence }) }),
      timeEl(entry.at),
      entry.tableId ? el("span", { class: "table-tag", "data-table": entry.tableId, text: tableLabel(entry.tableId) }) : null),
    el("span", { class: "summary", text: entry.summary })));
    return li;
  }));
  markTimeline(currentMoment());
}

$("hide-registrations").addEventListener("change", () => {
  const hide = $("hide-registrations").checked;
  for (const li of timeline.children) li.hidden = hide && li.dataset.kind === REGISTRATION;
});
