/*
 * How far a table has got, read from the live board: needs written (of the assembly's limit),
 * solutions attached, work plans set, spokesperson elected, puzzle pinned. The console puts it on
 * each table's card; what the room's step says should be done by now and is not stands out, so a
 * facilitator scanning the panel finds the table to visit.
 */
import { STEPS } from "../lib/board.js";
import { el } from "../lib/dom.js";
import { t } from "../lib/words.js";

function boardTable(board, tableId) {
  for (const axis of (board && board.axes) || []) {
    const table = axis.tables.find(tb => tb.tableId === tableId);
    if (table) return table;
  }
  return null;
}

function countsOf(table) {
  const needs = table.pieces.filter(p => p.kind === "need");
  return { needs: needs.length, solutions: needs.filter(p => p.solution).length, plans: needs.filter(p => p.workPlan).length,
    spokesperson: Boolean(table.spokespersonId), pinned: table.pinned };
}

/** A stage is due once the room has moved past its step, or its step has closed. */
function due(step, stage) {
  const now = step && step.current ? STEPS.indexOf(step.current) : -1;
  const at = STEPS.indexOf(stage);
  return now > at || (now === at && !step.open);
}

function lateOf(counts, step) {
  return {
    needs: due(step, "needs") && counts.needs === 0,
    solutions: due(step, "solutions") && counts.solutions < counts.needs,
    plans: due(step, "work-plan") && counts.plans < counts.needs,
    spokesperson: due(step, "spokespeople") && !counts.spokesperson,
    pinned: due(step, "spokespeople") && !counts.pinned
  };
}

/** The progress line of one table ([data-progress]); empty until the board has arrived. */
export function line(tableId, board, step, maxNeeds) {
  const root = el("p", { class: "table-progress", "data-progress": tableId });
  const table = boardTable(board, tableId);
  if (!table) return root;
  const counts = countsOf(table);
  const late = lateOf(counts, step);
  const items = [
    ["needs", t("console.progress.needs", { count: counts.needs, n: maxNeeds })],
    ["solutions", t("console.progress.solutions", { n: counts.solutions })],
    ["plans", t("console.progress.plans", { n: counts.plans })],
    ["spokesperson", t(counts.spokesperson ? "console.progress.spokesperson" : "console.progress.noSpokesperson")],
    ["pinned", t(counts.pinned ? "console.progress.pinned" : "console.progress.notPinned")]
  ];
  items.forEach(([key, text], i) => {
    if (i) root.append(el("span", { class: "sep", "aria-hidden": "true", text: " · " }));
    root.append(el("span", { class: "progress-item" + (late[key] ? " behind" : "") + (key === "pinned" && counts.pinned ? " pinned" : ""),
      "data-progress-item": key, title: late[key] ? t("console.progress.behind") : null, text }));
  });
  return root;
}

