/* Where each agenda item came from, and the needs written that did not reach the agenda. */
import { clock } from "../lib/dates.js";
import { el } from "../lib/dom.js";
import { t } from "../lib/words.js";
import { $, audited, axisTitle, tableInfo, tableLabel } from "./assembly.js";
import { decisionText } from "./format.js";
import { goTo } from "./moment.js";
import { family } from "./timeline.js";

/** One line of a trail: a button that shows the board after the event, its time and the server's sentence. */
function trailItem(entry) {
  return el("li", { "data-sequence": entry.sequence, "data-type": entry.type, "data-kind": entry.kind, class: "kind-" + family(entry.kind) },
    el("button", { type: "button", class: "jump", onclick: () => { goTo(entry.sequence); $("board-then").scrollIntoView({ block: "start" }); } },
      el("span", { class: "visually-hidden", text: t("audit.showBoardAfter") + " " }),
      t("audit.seq", { seq: entry.sequence }) + " · " + clock(entry.at)),
    el("span", { class: "summary", text: entry.summary }));
}

function fact(label, ...values) {
  return [el("dt", { text: label }), el("dd", {}, ...values)];
}

/** The events that made one need: its own, its table's spokesperson, pins and unpins, and the plenary. */
const TABLE_TRAIL = ["spokesperson-elected", "table-pinned", "table-unpinned"];
function trailOf(pieceId, tableId) {
  return audited.history.filter(e => e.pieceId === pieceId
    || (e.tableId === tableId && TABLE_TRAIL.includes(e.kind))
    || e.kind === "agenda-approved");
}

function provenanceArticle(item, index) {
  const { history, agenda } = audited;
  const pieceEvents = history.filter(e => e.pieceId === item.needPieceId);
  const added = pieceEvents.find(e => e.kind === "need-written");
  const label = tableLabel(item.tableId);
  const elections = history.filter(e => e.tableId === item.tableId && e.kind === "spokesperson-elected");
  // The pin that put it on the agenda: the last one, when the puzzle was unpinned and pinned again.
  const pin = history.findLast(e => e.tableId === item.tableId && e.kind === "table-pinned");
  const election = elections.filter(e => !pin || e.sequence <= pin.sequence).pop() || elections[elections.length - 1];
  const orgs = item.cooperatingOrganizations || [];
  const who = item.who || [];

  return el("article", { class: "item", "data-piece": item.needPieceId, "data-table": item.tableId, "data-axis": item.axisId },
    el("header", {},
      el("p", { class: "item-number", text: t("audit.item", { n: index + 1 }) }),
      el("h3", { class: "need-text", text: item.need })),
    el("dl", { class: "facts" },
      fact(t("audit.axis"), el("span", { class: "axis-name", text: axisTitle(item.axisId) })),
      fact(t("audit.table"), el("span", { class: "table-name", text: label })),
      fact(t("audit.proposedBy"), el("span", { class: "proposed",
        text: added ? t("audit.proposedSentence", { table: label, time: clock(added.at) })
          : t("audit.proposedUnknown", { table: label }) })),
      fact(t("audit.solution"), el("span", { text: item.solution || t("audit.none") }),
        orgs.length ? el("span", { class: "orgs-line", text: t("audit.orgs", { orgs: orgs.join(", ") }) }) : null),
      fact(t("audit.plan"), el("span", { text: item.when
        ? t("audit.planValue", { who: who.length ? who.join(", ") : t("audit.none"), from: item.when.from, to: item.when.to })
        : (who.length ? who.join(", ") : t("audit.none")) })),
      // Whether and when, never who: the item's spokesperson is a participant's id.
      fact(t("audit.spokesperson"), el("span", { class: "spokesperson", "data-elected": item.spokespersonId ? "true" : "false",
        text: !item.spokespersonId ? t("audit.noSpokesperson")
          : election ? t("audit.spokespersonElected", { time: clock(election.at) })
            : t("audit.spokespersonValue") })),
      fact(t("audit.pin"), el("span", { class: "pin",
        text: pin ? t("audit.pinnedAt", { table: label, time: clock(pin.at) }) : t("audit.notPinned") })),
      fact(t("audit.plenary"), el("span", { class: "plenary", "data-status": agenda.status,
        text: decisionText(agenda.approval, agenda.status) }))),
    el("h4", { text: t("audit.trail") }),
    el("ol", { class: "trail" }, trailOf(item.needPieceId, item.tableId).map(trailItem)));
}

/** Needs written during the assembly that are not on the agenda: withdrawn, or their table never pinned. */
function leftOutArticles() {
  const { history, agenda } = audited;
  const onAgenda = new Set((agenda.items || []).map(i => i.needPieceId));
  const pieces = [];
  for (const e of history) {
    if (e.kind === "need-written" && e.pieceId && !onAgenda.has(e.pieceId)
      && !pieces.some(p => p.pieceId === e.pieceId)) pieces.push({ pieceId: e.pieceId, tableId: e.tableId });
  }
  return pieces.map(({ pieceId, tableId }) => {
    const events = history.filter(e => e.pieceId === pieceId);
    const text = events.map(e => e.need).filter(Boolean).pop(); // as last written
    const withdrawn = events.some(e => e.kind === "need-withdrawn");
    const table = tableInfo(tableId);
    const pinned = history.some(e => e.tableId === tableId && e.kind === "table-pinned");
    return el("article", { class: "item left-out", "data-piece": pieceId, "data-table": tableId || "" },
      el("header", {},
        el("h3", { class: "need-text", text: text || t("audit.needUntold", { table: tableLabel(tableId) }) })),
      el("dl", { class: "facts" },
        fact(t("audit.axis"), el("span", { text: table ? axisTitle(table.axisId) : t("audit.none") })),
        fact(t("audit.table"), el("span", { text: tableLabel(tableId) }))),
      el("p", { class: "reason", text: withdrawn ? t("audit.withdrawn") : !pinned ? t("audit.tableNotPinned") : "" }),
      el("h4", { text: t("audit.trail") }),
      el("ol", { class: "trail" }, events.map(trailItem)));
  });
}

export function renderProvenance() {
  const { agenda } = audited;
  if (!agenda) return;
  const decision = $("decision");
  decision.textContent = t("audit.decisionTitle", { decision: decisionText(agenda.approval, agenda.status) });
  decision.dataset.status = agenda.status;
  const items = agenda.items || [];
  $("provenance-items").replaceChildren(...(items.length
    ? items.map(provenanceArticle) : [el("p", { class: "muted", text: t("audit.noItems") })]));
  const leftOut = leftOutArticles();
  $("not-on-agenda").hidden = leftOut.length === 0;
  $("not-on-agenda-items").replaceChildren(...leftOut);
}
