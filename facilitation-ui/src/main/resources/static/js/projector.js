/*
 * The projector: the live solidarity puzzle with the step's countdown and the join QR.
 *
 * The overview (projector/overview.js) shows every table, each piece with as many whole lines as
 * fit (projector/fit.js); a text that does not fit ends in an ellipsis and is read whole in a focus
 * (projector/focus.js): one axis large, its tables in pages. The projector goes through the focuses
 * by itself when the overview shortens something, and the facilitator drives it from the keyboard.
 * A table that pins is shown large for a few seconds, then the view goes back.
 */
import { countdown, statusLine, stepLine } from "./lib/board.js";
import { el, pathIds } from "./lib/dom.js";
import { followBoard } from "./lib/live.js";
import { languageMenu, t, translate } from "./lib/words.js";
import { axisFocus, pagesOf, spotlightView } from "./projector/focus.js";
import { joinWarning, showJoinLink } from "./projector/join.js";
import { overview } from "./projector/overview.js";

const [assemblyId] = pathIds();
const OVERVIEW_SECONDS = 20;
const PAGE_SECONDS = 20;
const PIN_SECONDS = 10; // a table that pins stays large this long
const PIN_LEAST_SECONDS = 4; // before a newer pin takes its place (pins come in bursts; only the newest waits)

const area = document.getElementById("board");
let board = null;
let view = { kind: "overview" }; // or { kind: "axis", axis: index, page: index }
let cycling = true; // the projector moves on by itself; P or Space pauses it, and so does any other key
let nextAt = Date.now() + OVERVIEW_SECONDS * 1000;
let overviewShortens = false; // some text in the overview ends in an ellipsis
let pageLabel = "";
let waitingPin = null; // the newest table that pinned while another was shown large
let spotlight = null; // { axisId, tableId, since, until }
let newestPin = null;
let shownKey = "";

document.getElementById("lang").append(languageMenu());
translate();

// ---- moving between views ----

function viewKey() {
  return spotlight ? "pin " + spotlight.axisId + " " + spotlight.tableId : [view.kind, view.axis, view.page].join(" ");
}

/** The overview, then every page of every axis that has pieces. */
function stops() {
  const list = [{ kind: "overview" }];
  board.axes.forEach((axis, a) => pagesOf(board, a).forEach((page, p) => list.push({ kind: "axis", axis: a, page: p })));
  return list;
}

function restartDwell() {
  nextAt = Date.now() + (view.kind === "overview" ? OVERVIEW_SECONDS : PAGE_SECONDS) * 1000;
}

function go(next) {
  view = next;
  restartDwell();
  render();
}

function move(delta) {
  const list = stops();
  const here = list.findIndex(stop => stop.kind === view.kind && stop.axis === view.axis && stop.page === view.page);
  go(list[(Math.max(here, 0) + delta + list.length) % list.length]);
}

function showWaitingPin() {
  const now = Date.now();
  spotlight = waitingPin ? { ...waitingPin, since: now, until: now + PIN_SECONDS * 1000 } : null;
  waitingPin = null;
}

function pinnedTables(state) {
  return state.axes.flatMap(axis => axis.tables.filter(table => table.pinned).map(table => ({ axisId: axis.axisId, tableId: table.tableId })));
}

function onBoard(next) {
  const before = board && new Set(pinnedTables(board).map(pin => pin.axisId + " " + pin.tableId));
  board = next;
  if (before) {
    for (const pin of pinnedTables(next)) {
      if (before.has(pin.axisId + " " + pin.tableId)) continue;
      waitingPin = pin;
      newestPin = pin.tableId;
    }
  }
  if (!spotlight) showWaitingPin();
  render();
}

/** The facilitator's keys: a key other than P or Space takes over from the cycle, which P or Space starts again. */
function onKey(event) {
  if (!board || event.ctrlKey || event.altKey || event.metaKey) return;
  // Space and Enter open the language menu or press a link; every other key stays the facilitator's.
  if ((event.key === " " || event.key === "Enter") && event.target.closest("button, a, select")) return;
  const key = event.key;
  const axisIndex = /^[1-9]$/.test(key) ? Number(key) - 1 : -1;
  if (key === "p" || key === "P" || key === " ") {
    cycling = !cycling;
    restartDwell();
    footer();
  } else if (key === "Escape" || key === "0") {
    takeOver();
    go({ kind: "overview" });
  } else if (axisIndex >= 0 && axisIndex < board.axes.length) {
    takeOver();
    const again = view.kind === "axis" && view.axis === axisIndex;
    const pages = again ? pagesOf(board, axisIndex).length : 1;
    go({ kind: "axis", axis: axisIndex, page: again && pages ? (view.page + 1) % pages : 0 });
  } else if (["ArrowRight", "ArrowDown", "PageDown"].includes(key)) {
    takeOver();
    move(1);
  } else if (["ArrowLeft", "ArrowUp", "PageUp"].includes(key)) {
    takeOver();
    move(-1);
  } else {
    return;
  }
  event.preventDefault();
}

function takeOver() {
  cycling = false;
  spotlight = null;
  waitingPin = null;
}

// ---- header, footer, clock ----

function header() {
  document.title = board.title + " · Minga";
  document.getElementById("title").textContent = board.title;
  document.getElementById("status").textContent = statusLine(board.status, board.step);
  document.getElementById("step-name").textContent = stepLine(board.step);
}

function footer() {
  document.getElementById("view-name").textContent = spotlight || view.kind === "axis" ? pageLabel : t("projector.view.overview");
  const cycle = document.getElementById("cycle");
  const seconds = Math.max(0, Math.ceil(((spotlight ? spotlight.until : nextAt) - Date.now()) / 1000));
  cycle.textContent = !cycling ? t("projector.cycle.paused")
    : overviewShortens ? t("projector.cycle.next", { seconds }) : t("projector.cycle.allShown");
  cycle.classList.toggle("paused", !cycling);
}

function legend() {
  const entry = (keys, label) => el("span", {}, keys.map(key => el("kbd", { text: key })), t(label));
  document.getElementById("legend").replaceChildren(
    entry(["←", "→"], "projector.key.move"),
    entry(["1–" + Math.min(9, Math.max(1, board.axes.length))], "projector.key.axis"),
    entry(["0", "Esc"], "projector.key.overview"),
    entry(["P"], "projector.key.pause"));
}

function render() {
  if (!board) return;
  header();
  legend();
  while (spotlight) { // a spotlit table gone from the board gives way to the next pin waiting
    const banner = spotlightView(board, spotlight);
    if (banner) { pageLabel = banner; break; }
    showWaitingPin();
  }
  if (!spotlight) {
    if (view.kind === "axis" && view.axis >= board.axes.length) view = { kind: "overview" };
    if (view.kind === "axis") pageLabel = axisFocus(board, view);
    else overviewShortens = overview(board, newestPin);
  }
  const key = viewKey();
  if (key !== shownKey && area.firstElementChild) area.firstElementChild.classList.add("entering");
  shownKey = key;
  tick();
}

function tick() {
  if (!board) return;
  const clock = document.getElementById("countdown");
  const { text, overtime } = board.step.open ? countdown(board.step) : { text: "", overtime: false };
  clock.textContent = text;
  clock.classList.toggle("overtime", overtime);
  clock.classList.toggle("paused", !!(board.step.open && board.step.pausedAt));
  clock.setAttribute("aria-label", overtime ? t("overtime") + " " + text : text);
  const now = Date.now();
  if (spotlight && (now >= spotlight.until || waitingPin && now >= spotlight.since + PIN_LEAST_SECONDS * 1000)) {
    showWaitingPin();
    restartDwell();
    render();
    return;
  }
  if (!spotlight && cycling && overviewShortens && now >= nextAt) {
    move(1);
    return;
  }
  footer();
}

followBoard(assemblyId, onBoard, state => {
  const live = document.getElementById("live");
  live.textContent = t(state === "online" ? "live.online" : "live.reconnecting");
  live.classList.toggle("reconnecting", state !== "online");
});
document.addEventListener("minga:lang", () => { render(); joinWarning(); });
document.addEventListener("keydown", onKey);
window.addEventListener("resize", render);
setInterval(tick, 500);
showJoinLink(assemblyId);
