/*
 * Reading what the board stream does not carry: the summary (people, seats, leaders, counts), the
 * participants, the join codes, the participation figures and the approval. Read when something
 * says they changed: this page's own writes, a change on the board stream, the tab shown again;
 * and, in a quiet room, every 10 s while the tab is shown, since another desk's registrations move
 * no board. The step, the pieces and the pins come from the stream alone (live.js in main).
 */
import { participationCharts } from "../lib/charts.js";
import { changed, state } from "./state.js";
import { $, call, pause, problemText, showAlert } from "./ui.js";

let seatingKey = "";

/** Reads the summary; when who is registered or seated where changed, the participants and figures too. */
export async function loadSummary(attempt = 0) {
  const answer = await call("GET", state.base);
  if (answer && answer.ok) {
    state.summary = answer.data;
    const { summary } = state;
    changed("summary");
    // Who sits where too: a move changes no count.
    const key = summary.counts.participants + "/" + summary.counts.seated + "/" + summary.counts.tables + "/"
      + summary.tables.map(tb => tb.memberIds.join(",")).join(";");
    if (key !== seatingKey) { seatingKey = key; await loadParticipants(); loadParticipation(); }
    if ((summary.status === "approved" || summary.status === "closed") && !state.approval) loadApproval();
    return true;
  }
  // Right after creation the summary may still be on its way: wait a moment before refusing.
  if (!state.summary && answer && answer.status === 404 && attempt < 10) {
    await pause(400);
    return loadSummary(attempt + 1);
  }
  if (!state.summary || !answer) showAlert(problemText(answer));
  if (!state.summary) $("page-title").textContent = state.assemblyId;
  return false;
}

export async function loadParticipants() {
  const answer = await call("GET", state.base + "/participants");
  if (answer && answer.ok && Array.isArray(answer.data)) {
    state.participants = answer.data;
    changed("participants");
  }
  return state.participants;
}

/** The table a person was just seated at: the seat answer may not name it, so look it up a few times. */
export async function seatOf(participantId, answered) {
  let tableId = answered && answered.tableId;
  for (let attempt = 0; !tableId && attempt < 8; attempt++) {
    const found = (await loadParticipants()).find(p => p.participantId === participantId);
    if (found && found.tableId) tableId = found.tableId; else await pause(300);
  }
  return tableId;
}

export async function loadApproval() {
  const answer = await call("GET", state.base + "/agenda");
  if (answer && answer.ok && answer.data && answer.data.approval) {
    state.approval = answer.data.approval;
    changed("approval");
  }
}

/** The participation figures as small charts, redrawn when people register or sit down. */
export async function loadParticipation() {
  const answer = await call("GET", state.base + "/participation");
  if (answer && answer.ok) $("participation-charts").replaceChildren(participationCharts(answer.data));
}

/** The tables' join codes (GET …/tables changes nothing: codes are made when tables form, or by a POST). */
async function loadJoinCodes() {
  if (!state.summary || !state.summary.tables.length) return;
  const answer = await call("GET", state.base + "/tables");
  if (!answer || !answer.ok) return;
  const codes = {};
  answer.data.forEach(table => { codes[table.tableId] = table.joinCode; });
  if (JSON.stringify(codes) !== JSON.stringify(state.joinCodes)) {
    state.joinCodes = codes;
    changed("codes");
  }
}

const QUIET_ROOM_MS = 10000;
let lastRead = 0;

/** Reads again everything the stream does not carry. */
async function readAgain() {
  lastRead = Date.now();
  await loadSummary();
  await loadJoinCodes();
}

/**
 * After this page's own write: the board as it stands after it (what the stream will say, read
 * now with the write's position so the next key press acts on it), and everything else again.
 * seating: the write changed who is registered or sits where.
 */
export async function refresh({ seating = false } = {}) {
  if (seating) seatingKey = "";
  if (state.live) state.live.resync();
  await readAgain();
}

let pending = null;

/** A refresh soon, once for a burst of reasons (a room of phones writing at once). */
export function refreshSoon() {
  if (pending) return;
  pending = setTimeout(() => { pending = null; readAgain(); }, 300);
}

/** The reasons to read again that do not come from this page's writes. */
export function readAgainWhenTold() {
  document.addEventListener("visibilitychange", () => { if (document.visibilityState === "visible") refreshSoon(); });
  // Registrations at another desk change no board: read them when nothing else has for a while.
  setInterval(() => {
    if (document.visibilityState === "visible" && Date.now() - lastRead >= QUIET_ROOM_MS) readAgain();
  }, QUIET_ROOM_MS / 2);
  let revision = null;
  // A change on the board (a new revision) may come with changes the stream does not carry: the
  // split's seats, the status, a move that left a table without its spokesperson.
  return board => {
    if (revision !== null && board.revision !== revision) refreshSoon();
    revision = board.revision;
  };
}
