/* The board exactly as the server folds it after the chosen event. */
import { api } from "../lib/api.js";
import { puzzle, stepName } from "../lib/board.js";
import { clock } from "../lib/dates.js";
import { el } from "../lib/dom.js";
import { t } from "../lib/words.js";
import { $, audited, entryAt } from "./assembly.js";

const boardThen = $("board-then");
let shownBoard = null;   // the server's answer for shownSequence
let shownSequence = null;
let boardRequest = 0;    // only the newest board request may draw

/** Fetches the server's board after event n and draws exactly that; remember puts n in the address (#sequence=n). */
export async function loadBoard(n, remember) {
  const request = ++boardRequest;
  boardThen.setAttribute("aria-busy", "true");
  boardThen.classList.add("loading");
  const answer = await api("GET", audited.base + "/board?sequence=" + encodeURIComponent(n)).catch(() => null);
  if (request !== boardRequest) return; // a newer moment was chosen meanwhile
  boardThen.removeAttribute("aria-busy");
  boardThen.classList.remove("loading");
  if (!answer || !answer.ok) {
    shownBoard = null;
    shownSequence = null;
    boardThen.removeAttribute("data-sequence");
    boardThen.replaceChildren(el("p", { class: "alert", role: "alert",
      text: answer && answer.problem && answer.problem.detail ? answer.problem.detail
        : !answer ? t("error.network") : t("audit.boardError", { seq: n }) }));
    $("step-then").textContent = "";
    return;
  }
  shownBoard = answer.data;
  shownSequence = n;
  renderBoard();
  if (remember) {
    try { window.history.replaceState(null, "", "#sequence=" + n); } catch (e) { /* file: or sandboxed */ }
  }
}

function stepThenText(board) {
  const s = board.step || {};
  let state = "";
  if (s.current) {
    state = s.open ? (s.deadline ? t("audit.stepOpenUntil", { time: clock(s.deadline) }) : t("audit.stepOpen"))
      : t("audit.stepClosed");
  }
  return t("audit.stepThen", { step: stepName(s) + (state ? " (" + state + ")" : "") })
    + (board.status ? " · " + t("audit.statusThen", { status: t("status." + board.status) }) : "");
}

/** Draws the board last loaded again (in the page's new language, say). */
export function renderBoard() {
  if (!shownBoard) return;
  const board = shownBoard;
  const drawn = puzzle(board, { showMissing: true });
  drawn.style.setProperty("--axes", String(Math.max(1, (board.axes || []).length)));
  // Decorations only: whether a table had elected its spokesperson by then (and when), never who:
  // an auditor reads no participant's id or name. Empty places said in words.
  for (const axis of board.axes || []) {
    for (const table of axis.tables || []) {
      if (!table.spokespersonId) continue;
      const card = [...drawn.querySelectorAll("article.table")].find(a => a.dataset.table === table.tableId);
      const header = card && card.querySelector("header");
      const election = audited.history.filter(e => e.tableId === table.tableId && e.kind === "spokesperson-elected"
        && e.sequence <= shownSequence).pop();
      if (header) header.append(el("span", { class: "table-spokesperson",
        text: election ? t("audit.boardSpokespersonAt", { time: clock(election.at) }) : t("audit.boardSpokesperson") }));
    }
  }
  drawn.querySelectorAll(".tables").forEach(box => {
    if (!box.children.length) box.append(el("p", { class: "empty muted", text: t("audit.noTables") }));
  });
  drawn.querySelectorAll(".pieces").forEach(box => {
    if (!box.children.length) box.append(el("p", { class: "empty muted", text: t("audit.noPieces") }));
  });
  boardThen.replaceChildren(drawn);
  boardThen.dataset.sequence = String(shownSequence);
  boardThen.dataset.version = String(board.version);
  const stepText = stepThenText(board);
  $("step-then").textContent = stepText;
  const entry = entryAt(shownSequence);
  $("replay-status").textContent = t("audit.boardShown",
    { seq: shownSequence, time: entry ? clock(entry.at) : "", step: stepText });
}
