/*
 * An assembly's board, live: the board on connect, then one change per event with its revision.
 * A gap in revisions (a missed change) reloads the whole board.
 */
import { api } from "./api.js";
import { useAssemblyLanguage } from "./words.js";

/** Replaces one table (from a "table" event) in a board. */
export function withTable(board, axisId, table) {
  return { ...board, axes: board.axes.map(axis => axis.axisId !== axisId ? axis
    : { ...axis, tables: axis.tables.map(existing => existing.tableId === table.tableId ? table : existing) }) };
}

/**
 * Follows an assembly's board live. Calls onBoard(board) with every new state and
 * onConnection("online" | "reconnecting"). A gap in revisions (a missed change) reloads the
 * whole board; the browser reconnects by itself and the server sends the board again.
 */
export function followBoard(assemblyId, onBoard, onConnection = () => {}) {
  let board = null;
  let source = null;
  const base = "/api/assemblies/" + encodeURIComponent(assemblyId);
  const whole = next => { board = next; useAssemblyLanguage(board.language); onBoard(board); };
  const resync = async () => {
    const answer = await api("GET", base + "/board").catch(() => null);
    if (answer && answer.ok) whole(answer.data);
  };
  const accept = (revision, apply) => {
    if (!board || revision !== board.revision + 1) { resync(); return; }
    board = apply(board);
    board.revision = revision;
    onBoard(board);
  };
  const connect = () => {
    source = new EventSource(base + "/board/stream");
    source.addEventListener("open", () => onConnection("online"));
    source.addEventListener("error", () => {
      onConnection("reconnecting");
      if (source.readyState === EventSource.CLOSED) {
        // The server refused the stream (no access, or the assembly is unknown): ask once why, and retry later.
        resync();
        setTimeout(connect, 5000);
      }
    });
    // The server's feed broke (Axon Server away): it ends the stream, the browser connects again
    // after the delay the server gave, and the board sent on connect brings back whatever was missed.
    source.addEventListener("reconnect", () => onConnection("reconnecting"));
    source.addEventListener("board", e => whole(JSON.parse(e.data)));
    source.addEventListener("table", e => {
      const change = JSON.parse(e.data);
      accept(change.revision, b => ({ ...withTable(b, change.axisId, change.table), version: change.version }));
    });
    source.addEventListener("step", e => {
      const change = JSON.parse(e.data);
      accept(change.revision, b => ({ ...b, step: change.step, version: change.version }));
    });
  };
  connect();
  return { close: () => source && source.close(), resync };
}
