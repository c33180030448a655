/*
 * What every screen draws of an assembly: where it is (its step, the countdown), and the puzzle of
 * its tables' pieces.
 */
import { serverNow } from "./api.js";
import { el } from "./dom.js";
import { t } from "./words.js";

/** "12:04" left, or "+01:30" over, of a step with a deadline. */
export function countdown(step) {
  if (!step || !step.current || !step.deadline) return { text: "", overtime: false };
  // A paused countdown stands still at the moment it was paused, on every screen.
  const now = step.pausedAt ? new Date(step.pausedAt).getTime() : serverNow();
  const remaining = Math.round((new Date(step.deadline).getTime() - now) / 1000);
  const seconds = Math.abs(remaining);
  const text = String(Math.floor(seconds / 60)).padStart(2, "0") + ":" + String(seconds % 60).padStart(2, "0");
  return { text: remaining < 0 ? "+" + text : text, overtime: remaining < 0 };
}

export function stepName(step) {
  return step && step.current ? t("step." + step.current) : t("step.none");
}

/** The step's name with what the room should know about it: closed, or paused. */
export function stepLine(step) {
  if (!step || !step.current) return stepName(step);
  return stepName(step) + (!step.open ? " · " + t("step.closed") : step.pausedAt ? " · " + t("step.paused") : "");
}

export const STEPS = ["needs", "solutions", "work-plan", "spokespeople", "plenary"];

/** Where the assembly is, in a few words: scheduled, running · step n of 5, plenary, approved, closed. */
export function statusLine(status, step) {
  if (status === "approved" || status === "closed") return t("status." + status);
  const current = step && step.current;
  if (!current) return t("status.scheduled");
  if (current === "plenary") return t("projector.status.plenary");
  return t("projector.status.step", { n: STEPS.indexOf(current) + 1, total: STEPS.length });
}

/** The three interlocking pieces of one need: need, solution, who/when (missing ones drawn dashed). */
export function pieceStack(piece, options = {}) {
  const stack = el("div", { class: "stack", "data-piece": piece.pieceId });
  stack.append(el("div", { class: "piece need" }, el("span", { class: "kind", text: t("piece.need") }),
    el("span", { class: "text", text: piece.text })));
  if (piece.solution) {
    stack.append(el("div", { class: "piece solution" }, el("span", { class: "kind", text: t("piece.solution") }),
      el("span", { class: "text", text: piece.solution.text }),
      piece.solution.cooperatingOrganizations.length
        ? el("span", { class: "orgs", text: piece.solution.cooperatingOrganizations.join(" · ") }) : null));
  } else if (options.showMissing) {
    stack.append(el("div", { class: "piece missing", text: t("piece.noSolution") }));
  }
  if (piece.workPlan) {
    stack.append(el("div", { class: "piece plan" }, el("span", { class: "kind", text: t("piece.plan") }),
      el("span", { class: "text", text: piece.workPlan.who.join(", ") }),
      el("span", { class: "when", text: piece.workPlan.when.from + " → " + piece.workPlan.when.to })));
  } else if (options.showMissing && piece.solution) {
    stack.append(el("div", { class: "piece missing", text: t("piece.noPlan") }));
  }
  return stack;
}

/** The whole puzzle: one column per axis, each table's pieces, pinned tables joined. */
export function puzzle(board, options = {}) {
  const root = el("div", { class: "puzzle" });
  root.style.setProperty("--axes", Math.max(1, board.axes.length)); // CSSOM, allowed by a strict CSP
  for (const axis of board.axes) {
    const column = el("section", { class: "axis", "data-axis": axis.axisId },
      el("h2", { class: "axis-title", text: axis.title }));
    const tables = el("div", { class: "tables" });
    for (const table of axis.tables) {
      const card = el("article", { class: "table" + (table.pinned ? " pinned" : ""), "data-table": table.tableId },
        el("header", {},
          el("span", { class: "table-label", text: table.label }),
          el("span", { class: "table-state", text: table.pinned ? t("table.pinned") : t("table.notPinned") })));
      const pieces = el("div", { class: "pieces" });
      table.pieces.forEach(piece => pieces.append(pieceStack(piece, options)));
      card.append(pieces);
      tables.append(card);
    }
    column.append(tables);
    root.append(column);
  }
  return root;
}
