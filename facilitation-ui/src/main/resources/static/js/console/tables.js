/*
 * The tables panel: the split into tables, and one card per table with how far it has got (live
 * from the board), its spokesperson, its leader, its members, its join code and its phone link;
 * a pinned puzzle comes off the board from here, with a reason.
 */
import { el } from "../lib/dom.js";
import { lang, t } from "../lib/words.js";
import { refresh } from "./reading.js";
import { currentStep, nameOf, on, pinnedNow, spokespersonNow, state, statusNow } from "./state.js";
import { line } from "./table-progress.js";
import { $, busy, call, problemText, rebuild, showAlert, showNotice } from "./ui.js";

export function startTables() {
  $("table-size").addEventListener("input", e => { e.target.dataset.dirty = "1"; });
  $("split-form").addEventListener("submit", split);
  on("summary", () => {
    if (!$("table-size").dataset.dirty) $("table-size").value = state.summary.rules.tableSize;
    renderTables();
  });
  on("participants", () => renderTables());
  on("codes", () => renderTables(true));
  on("board", () => { renderTables(); renderProgress(); });
  document.addEventListener("minga:lang", () => renderTables(true));
}

let shown = "";
function renderTables(force) {
  const { summary } = state;
  if (!summary) return;
  const live = summary.tables.map(tb => [pinnedNow(tb), spokespersonNow(tb)]);
  const key = JSON.stringify([summary.tables, summary.axes, statusNow(), live, state.participants.map(p => [p.participantId, p.name]), lang()]);
  if (!force && key === shown) return;
  shown = key;
  rebuild($("tables"), () => {
    if (!summary.tables.length) return el("p", { class: "muted", text: t("console.tables.none") });
    return summary.axes.map(axis => {
      const tables = summary.tables.filter(tb => tb.axisId === axis.axisId);
      return el("section", { class: "axis-group", "data-axis": axis.axisId },
        el("h3", {}, axis.title, " ", el("span", { class: "muted", text: "(" + (tables.length === 1 ? t("console.tables.one") : t("console.tables.count", { n: tables.length })) + ")" })),
        tables.length ? el("div", { class: "table-cards" }, tables.map(tableCard))
          : el("p", { class: "muted", text: t("console.tables.none") }));
    }).concat(orphanTables());
  });
}

function orphanTables() {
  const known = new Set(state.summary.axes.map(a => a.axisId));
  const orphans = state.summary.tables.filter(tb => !known.has(tb.axisId));
  return orphans.length ? [el("section", { class: "axis-group" }, el("div", { class: "table-cards" }, orphans.map(tableCard)))] : [];
}

function tableCard(table) {
  const selectId = "leader-" + table.tableId;
  const select = el("select", { id: selectId, "data-table": table.tableId },
    el("option", { value: "", text: t("console.table.choose") }),
    table.memberIds.map(id => el("option", { value: id, text: nameOf(id) })));
  select.value = table.leaderId || "";
  const code = state.joinCodes[table.tableId];
  const phone = code ? "/join/" + encodeURIComponent(code)
    : "/table/" + encodeURIComponent(state.assemblyId) + "/" + encodeURIComponent(table.tableId);
  const pinned = pinnedNow(table);
  const spokesperson = spokespersonNow(table);
  const status = statusNow();
  return el("article", { class: "table-card" + (pinned ? " pinned" : ""), "data-table": table.tableId },
    el("header", {}, el("h4", { text: table.label })),
    progressLine(table.tableId),
    el("p", { class: "spokesperson", text: spokesperson
      ? t("console.table.spokesperson", { name: nameOf(spokesperson) }) : t("console.table.noSpokesperson") }),
    el("form", { class: "leader-form", novalidate: true, onsubmit: e => { e.preventDefault(); setLeader(table, select, e.submitter); } },
      el("label", { for: selectId, text: t("console.table.leader") }),
      el("div", { class: "inline" }, select,
        el("button", { type: "submit", class: "secondary", text: t("console.table.setLeader"),
          "aria-label": t("console.table.setLeaderLabel", { table: table.label }) }))),
    pinned && status !== "approved" && status !== "closed" ? unpinForm(table) : null,
    el("div", { class: "members" },
      el("h5", { text: t("console.table.members", { n: table.memberIds.length }) }),
      table.memberIds.length
        ? el("ul", {}, table.memberIds.map(id => el("li", { "data-participant": id, text: nameOf(id) })))
        : el("p", { class: "muted", text: t("console.table.nobody") })),
    el("p", { class: "join-code-line" }, t("console.access.code"), " ",
      el("strong", { class: "join-code", "data-table": table.tableId, text: code || t("console.access.noCode") }), " ",
      el("button", { type: "button", class: "secondary small", id: "new-code-" + table.tableId,
        text: t("console.access.regenerate"), onclick: e => newCode(table, e.currentTarget) })),
    el("a", { href: phone, class: "phone-link", text: t("console.table.phone"),
      "aria-label": t("console.table.phoneLabel", { table: table.label }) }));
}

/** Needs, solutions, plans, spokesperson, pinned: from the live board, redrawn with each change to it. */
function progressLine(tableId) {
  return line(tableId, state.board, currentStep(), state.summary.rules.maxNeedsPerTable);
}

function renderProgress() {
  if (!state.summary) return;
  document.querySelectorAll("#tables [data-progress]").forEach(old => old.replaceWith(progressLine(old.dataset.progress)));
}

async function split(e) {
  e.preventDefault();
  const { summary } = state;
  const size = $("table-size").value.trim();
  const people = summary ? summary.counts.participants : 0;
  if (!window.confirm(t("console.split.confirm", { people, size: size || (summary ? summary.rules.tableSize : "") }))) return;
  const answer = await busy($("split-submit"), () => call("POST", state.base + "/split-into-tables", size ? { tableSize: Number(size) } : {}));
  if (answer && answer.ok) {
    const tables = (answer.data && answer.data.tables) || [];
    showNotice(t("console.split.done", { n: tables.length }));
    if (summary) {
      summary.tables = tables.map(tb => ({ leaderId: null, spokespersonId: null, pinned: false,
        ...(summary.tables.find(x => x.tableId === tb.tableId) || {}), ...tb }));
      renderTables();
    }
  } else showAlert(problemText(answer));
  await refresh({ seating: true });
}

async function setLeader(table, select, button) {
  const participantId = select.value;
  if (!participantId) { select.focus(); return; }
  const answer = await busy(button, () => call("PUT", state.base + "/tables/" + encodeURIComponent(table.tableId) + "/leader", { participantId }));
  if (answer && answer.ok) {
    delete select.dataset.dirty;
    showNotice(t("console.table.leaderSet", { name: nameOf(participantId), table: table.label }));
    const known = state.summary && state.summary.tables.find(x => x.tableId === table.tableId);
    if (known) known.leaderId = participantId;
  } else showAlert(problemText(answer));
  await refresh();
}

/** A pinned puzzle comes off the board with a reason the history keeps (pinned too soon, a need to fix). */
function unpinForm(table) {
  const inputId = "unpin-reason-" + table.tableId;
  const input = el("input", { id: inputId, type: "text", maxlength: "280", "data-table": table.tableId,
    "aria-label": t("console.table.unpinReasonFor", { table: table.label }) });
  return el("form", { class: "unpin-form", novalidate: true, onsubmit: e => { e.preventDefault(); unpin(table, input, e.submitter); } },
    el("label", { for: inputId, text: t("console.table.unpinReason") }),
    el("div", { class: "inline" }, input,
      el("button", { type: "submit", class: "danger small", id: "unpin-" + table.tableId, text: t("console.table.unpin"),
        "aria-label": t("console.table.unpinLabel", { table: table.label }) })));
}

async function unpin(table, input, button) {
  const reason = input.value.trim();
  if (!reason) { showAlert(t("console.table.unpinNeedsReason", { table: table.label })); input.focus(); return; }
  if (!window.confirm(t("console.table.unpinConfirm", { table: table.label, reason }))) return;
  const answer = await busy(button, () => call("POST", state.base + "/tables/" + encodeURIComponent(table.tableId) + "/unpin", { reason }));
  if (answer && answer.ok) showNotice(t("console.table.unpinned", { table: table.label }));
  else showAlert(problemText(answer));
  await refresh();
}

/** A new join code for a table: the old one stops working, so the phones at that table join again. */
async function newCode(table, button) {
  // A table without a code (it expired) has nothing to invalidate, so no question first.
  const current = state.joinCodes[table.tableId];
  if (current && !window.confirm(t("console.access.newCodeConfirm", { table: table.label, code: current }))) return;
  button.disabled = true;
  const answer = await call("POST", state.base + "/tables/" + encodeURIComponent(table.tableId) + "/join-code");
  button.disabled = false;
  if (answer && answer.ok) {
    state.joinCodes[table.tableId] = answer.data.joinCode;
    renderTables(true);
    showNotice(t("console.access.newCode", { table: table.label, code: answer.data.joinCode }));
  } else {
    showAlert(answer && answer.problem ? answer.problem.detail : t("error.network"));
  }
}
