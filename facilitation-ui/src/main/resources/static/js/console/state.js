/*
 * What the console knows of the assembly it runs, and who wants to hear when a part of it changes.
 * Two sources, never mixed: the live board (the board stream: the step, each table's pieces,
 * spokesperson and pin) and the reads of what the stream does not carry (the summary: people,
 * seats, leaders, counts; the participants; the join codes; the approval), see reading.js.
 */
import { t } from "../lib/words.js";

export const state = {
  assemblyId: null,
  base: null,
  summary: null,       // GET /api/assemblies/{a}
  board: null,         // the board stream
  live: null,          // the stream itself (lib/live.js followBoard)
  participants: [],    // GET …/participants
  joinCodes: {},       // GET …/tables: tableId → code
  approval: null       // GET …/agenda, once approved
};

const listeners = {};

/** Calls fn whenever topic changes: "summary", "participants", "board", "codes", "approval". */
export function on(topic, fn) {
  (listeners[topic] = listeners[topic] || []).push(fn);
}

export function changed(topic) {
  (listeners[topic] || []).forEach(fn => fn());
}

/** The room's step, from the board stream only. */
export function currentStep() {
  return (state.board && state.board.step) || { current: null, open: false, deadline: null };
}

/** A table as the board shows it (pieces, spokesperson, pinned), or null before the board has come. */
export function boardTable(tableId) {
  for (const axis of (state.board && state.board.axes) || []) {
    const table = axis.tables.find(tb => tb.tableId === tableId);
    if (table) return table;
  }
  return null;
}

/** The board's tables (all axes), or null before the board has come. */
function boardTables() {
  return state.board ? state.board.axes.flatMap(axis => axis.tables) : null;
}

/** Needs written and tables pinned: counted on the board once it has come, else as the summary last counted them. */
export function liveCounts() {
  const counts = { ...((state.summary && state.summary.counts) || {}) };
  const tables = boardTables();
  if (tables) {
    counts.needs = tables.reduce((n, table) => n + table.pieces.filter(p => p.kind === "need").length, 0);
    counts.pinnedTables = tables.filter(table => table.pinned).length;
  }
  return counts;
}

/** Whether a table's puzzle is pinned, and who speaks for it: the board's word once it has come. */
export function pinnedNow(table) {
  const live = boardTable(table.tableId);
  return live ? live.pinned : table.pinned;
}

export function spokespersonNow(table) {
  const live = boardTable(table.tableId);
  return live ? live.spokespersonId : table.spokespersonId;
}

/** The assembly's status: the board's when it is newer (approval and closing reach the board first). */
export function statusNow() {
  const { summary, board } = state;
  if (board && board.status && (!summary || (board.version || 0) >= (summary.version || 0))) return board.status;
  return summary ? summary.status : null;
}

// Never an id in place of a name: a person whose data were erased reads as such.
export const nameOf = id => {
  const p = state.participants.find(x => x.participantId === id);
  return !p ? "" : p.name || t("console.p.erased");
};
export const tableLabel = id => {
  const table = state.summary && state.summary.tables.find(x => x.tableId === id);
  return table ? table.label : id;
};
export const axisTitle = id => {
  const axis = state.summary && state.summary.axes.find(x => x.axisId === id);
  return axis ? axis.title : id;
};
