/*
 * A table's phone. Shows only what the open step allows. Every change goes through an outbox kept
 * in the browser: when the network drops it waits, visibly, and is sent when it comes back with
 * the same piece ids, so nothing doubles.
 */
import { api } from "./lib/api.js";
import { countdown, pieceStack, stepLine } from "./lib/board.js";
import { el, pathIds } from "./lib/dom.js";
import { followBoard } from "./lib/live.js";
import { languageMenu, t, translate } from "./lib/words.js";

const [assemblyId, tableId] = pathIds();
const base = "/api/assemblies/" + encodeURIComponent(assemblyId);
const content = document.getElementById("content");
let board = null;
let summary = null;
let members = [];

document.getElementById("lang").append(languageMenu());
translate();

// ------------------------------------------------------------------ the outbox
const outboxKey = "minga.outbox." + assemblyId + "." + tableId;
let sending = false;
/** The engine's limit on a piece's text (Refusal text.too-long). */
const MAX_TEXT = 280;
const outbox = () => JSON.parse(localStorage.getItem(outboxKey) || "[]");
const saveOutbox = items => localStorage.setItem(outboxKey, JSON.stringify(items));

function newId() {
  // crypto.randomUUID needs https; getRandomValues works on the hall's plain http too.
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, b => b.toString(16).padStart(2, "0")).join("");
}

function enqueue(method, path, body, label) {
  saveOutbox([...outbox(), { id: newId(), method, path, body, label }]);
  render();
  flush();
}

async function flush() {
  if (sending) return;
  sending = true;
  try {
    while (outbox().length) {
      const [next] = outbox();
      let answer;
      try {
        answer = await api(next.method, next.path, next.body);
      } catch (unreachable) {
        showOutbox(true);
        setTimeout(flush, 2000);
        return;
      }
      if (answer.status >= 500) {
        // Kept in the outbox and sent again: when Minga said when (a busy laptop), a little after
        // that, each phone at its own moment so the room's phones do not all come back at once.
        setTimeout(flush, answer.retryAfterMs ? answer.retryAfterMs + Math.random() * 1000 : 3000);
        return;
      }
      saveOutbox(outbox().filter(item => item.id !== next.id));
      if (!answer.ok) {
        showAlert(answer.problem && answer.problem.detail ? answer.problem.detail : String(answer.status));
      } else {
        showAlert("");
      }
    }
  } finally {
    sending = false;
    render();
  }
}

function showOutbox(offline) {
  const waiting = outbox().length;
  document.getElementById("outbox").textContent = waiting
    ? (offline ? t("phone.offline") + " " : "") + t("phone.waitingCount", { n: waiting }) : "";
}

function showAlert(text) {
  document.getElementById("alert").textContent = text;
}

// ------------------------------------------------------------------ the page
/** The code on the table card is what lets this phone act for its table. */
function joinForm() {
  document.getElementById("table-label").textContent = t("join.title");
  const code = el("input", { id: "join-code", type: "text", autocomplete: "off", autocapitalize: "characters",
    maxlength: "12", required: true });
  const form = el("form", { id: "join-form", onsubmit: async e => {
    e.preventDefault();
    const answer = await api("POST", "/api/join", { code: code.value }).catch(() => null);
    if (answer && answer.ok) location.assign(answer.data.url);
    else showAlert(answer && answer.problem ? answer.problem.detail : t("error.network"));
  } }, el("label", { for: "join-code", text: t("join.code") }), code,
    el("div", { class: "actions" }, el("button", { type: "submit", text: t("join.submit") })));
  content.replaceChildren(el("section", {}, el("h2", { text: t("join.title") }), form));
  if (location.search.includes("invalid")) showAlert(t("join.invalid"));
}

function myTable() {
  for (const axis of board.axes) {
    const table = axis.tables.find(tb => tb.tableId === tableId);
    if (table) return { axis, table };
  }
  return null;
}

const splitList = text => text.split(",").map(s => s.trim()).filter(Boolean);
const pending = () => outbox();
const stepOpen = step => board.step.open && board.step.current === step;

/** Keeps what people are typing across re-renders caused by live updates. */
function keepingInputs(renderContent) {
  const values = {};
  content.querySelectorAll("[data-key]").forEach(input => { values[input.dataset.key] = input.value; });
  const focused = document.activeElement && document.activeElement.dataset ? document.activeElement.dataset.key : null;
  renderContent();
  content.querySelectorAll("[data-key]").forEach(input => {
    if (input.dataset.key in values && input.dataset.touched !== "no") input.value = values[input.dataset.key];
  });
  if (focused) {
    const again = content.querySelector('[data-key="' + CSS.escape(focused) + '"]');
    if (again) again.focus();
  }
}

function render() {
  showOutbox(!navigator.onLine);
  if (!board) return;
  const mine = myTable();
  if (!mine) { showAlert(t("phone.chooseTable")); return; }
  const { axis, table } = mine;
  document.title = table.label + " · Minga";
  document.getElementById("assembly").textContent = board.title;
  document.getElementById("table-label").textContent = table.label;
  document.getElementById("axis").textContent = t("phone.axis") + ": " + axis.title;
  document.getElementById("step-name").textContent = stepLine(board.step);
  document.getElementById("hint").textContent = t("phone.stepHint." + (board.step.open ? board.step.current : "none"));
  tick();
  keepingInputs(() => content.replaceChildren(...[needsSection(table), spokespersonSection(table)].filter(Boolean)));
}

function needsSection(table) {
  const section = el("section", { "aria-labelledby": "needs-title" }, el("h2", { id: "needs-title", text: t("phone.needs") }));
  const waiting = pending();
  const changeable = !table.pinned && board.status === "running";
  for (const piece of table.pieces) {
    const queued = waiting.some(item => item.path.includes("/needs/" + piece.pieceId));
    const card = el("div", { class: "card" + (queued ? " pending" : ""), "data-card": piece.pieceId },
      pieceStack(piece, { showMissing: true }),
      queued ? el("span", { class: "pending-label", text: t("phone.waiting") }) : null);
    if (changeable && stepOpen("needs")) card.append(reviseForm(piece));
    if (changeable && stepOpen("solutions")) card.append(solutionForm(piece));
    if (changeable && stepOpen("work-plan") && piece.solution) card.append(workPlanForm(piece));
    section.append(card);
  }
  // Needs written here but not yet on the board: they wait in the outbox with their own ids.
  for (const item of waiting.filter(i => i.method === "POST" && i.path.endsWith("/needs"))) {
    if (table.pieces.some(p => p.pieceId === item.body.pieceId)) continue;
    section.append(el("div", { class: "card pending", "data-card": item.body.pieceId },
      el("div", { class: "piece need" }, el("span", { class: "kind", text: t("piece.need") }), el("span", { class: "text", text: item.body.text })),
      el("span", { class: "pending-label", text: t("phone.waiting") })));
  }
  const written = table.pieces.length + waiting.filter(i => i.method === "POST" && i.path.endsWith("/needs")
    && !table.pieces.some(p => p.pieceId === i.body.pieceId)).length;
  const maxNeeds = summary ? summary.rules.maxNeedsPerTable : 2;
  if (changeable && stepOpen("needs") && written < maxNeeds) section.append(addNeedForm());
  return section;
}

function addNeedForm() {
  const text = el("textarea", { id: "need-text", "data-key": "new-need", maxlength: String(MAX_TEXT), required: true });
  return el("form", { class: "add-need", onsubmit: e => {
    e.preventDefault();
    const written = text.value;
    if (!written.trim()) return;
    // Emptied before the outbox re-renders the page, which carries typed text over to the new form.
    text.value = "";
    enqueue("POST", base + "/tables/" + encodeURIComponent(tableId) + "/needs", { pieceId: newId(), text: written }, "need");
  } }, el("label", { for: "need-text", text: t("phone.needText") }), text, counter(text),
    el("div", { class: "actions" }, el("button", { type: "submit", text: t("phone.addNeed") })));
}

/**
 * "37/280" under a text box, kept up to date as people type; at the limit it says that the
 * rest was not taken (the browser cuts a longer paste without a word).
 */
function counter(box) {
  const shown = el("span", { class: "counter", "aria-live": "polite", "data-counter-for": box.id });
  const update = () => {
    const full = box.value.length >= MAX_TEXT;
    shown.textContent = box.value.length + "/" + MAX_TEXT + (full ? " · " + t("phone.textFull") : "");
    shown.classList.toggle("full", full);
  };
  box.addEventListener("input", update);
  // keepingInputs sets values after building the form: count them once the page settled.
  queueMicrotask(update);
  return shown;
}

function reviseForm(piece) {
  const id = "revise-" + piece.pieceId;
  const text = el("textarea", { id, "data-key": id, maxlength: String(MAX_TEXT) });
  text.value = piece.text;
  const path = base + "/tables/" + encodeURIComponent(tableId) + "/needs/" + encodeURIComponent(piece.pieceId);
  return el("form", { onsubmit: e => { e.preventDefault(); enqueue("PUT", path, { text: text.value }, "revise"); } },
    el("label", { for: id, text: t("phone.revise") }), text, counter(text),
    el("div", { class: "actions" },
      el("button", { type: "submit", text: t("phone.save") }),
      el("button", { type: "button", class: "danger", text: t("phone.withdraw"), "data-withdraw": piece.pieceId,
        onclick: () => {
          if (!confirm(t("phone.confirmWithdraw", { text: piece.text }))) return;
          enqueue("DELETE", path, undefined, "withdraw");
        } })));
}

function solutionForm(piece) {
  const textId = "solution-" + piece.pieceId;
  const orgsId = "orgs-" + piece.pieceId;
  const text = el("textarea", { id: textId, "data-key": textId, maxlength: String(MAX_TEXT) });
  const orgs = el("input", { id: orgsId, "data-key": orgsId, type: "text" });
  if (piece.solution) {
    text.value = piece.solution.text;
    orgs.value = piece.solution.cooperatingOrganizations.join(", ");
  }
  const path = base + "/tables/" + encodeURIComponent(tableId) + "/needs/" + encodeURIComponent(piece.pieceId) + "/solution";
  return el("form", { onsubmit: e => {
    e.preventDefault();
    enqueue("PUT", path, { text: text.value, cooperatingOrganizations: splitList(orgs.value) }, "solution");
  } }, el("label", { for: textId, text: t("phone.solutionText") }), text, counter(text),
    el("label", { for: orgsId, text: t("phone.orgs") }), orgs,
    el("div", { class: "actions" }, el("button", { type: "submit", text: t("phone.save") })));
}

function workPlanForm(piece) {
  const whoId = "who-" + piece.pieceId, fromId = "from-" + piece.pieceId, toId = "to-" + piece.pieceId;
  const who = el("input", { id: whoId, "data-key": whoId, type: "text" });
  const from = el("input", { id: fromId, "data-key": fromId, type: "month" });
  const to = el("input", { id: toId, "data-key": toId, type: "month" });
  if (piece.workPlan) {
    who.value = piece.workPlan.who.join(", ");
    from.value = piece.workPlan.when.from;
    to.value = piece.workPlan.when.to;
  } else if (summary) {
    from.min = to.min = summary.horizon.from;
    from.max = to.max = summary.horizon.to;
  }
  const path = base + "/tables/" + encodeURIComponent(tableId) + "/needs/" + encodeURIComponent(piece.pieceId) + "/work-plan";
  return el("form", { onsubmit: e => {
    e.preventDefault();
    enqueue("PUT", path, { who: splitList(who.value), when: { from: from.value || null, to: to.value || null } }, "plan");
  } }, el("label", { for: whoId, text: t("phone.who") }), who,
    el("div", { class: "row" },
      el("div", {}, el("label", { for: fromId, text: t("phone.from") }), from),
      el("div", {}, el("label", { for: toId, text: t("phone.to") }), to)),
    el("div", { class: "actions" }, el("button", { type: "submit", text: t("phone.save") })));
}

/** Shown once the spokespeople step has begun for this table; nothing before. */
function spokespersonSection(table) {
  if (!table.spokespersonId && !table.pinned && !stepOpen("spokespeople")) return null;
  const section = el("section", { "aria-labelledby": "spokes-title" }, el("h2", { id: "spokes-title", text: t("phone.spokesperson") }));
  // A person whose data were erased keeps no name; the phone never shows an id instead.
  const nameOf = id => (members.find(m => m.participantId === id) || {}).name || t("phone.unnamed");
  if (table.spokespersonId) section.append(el("p", { class: "spokesperson", text: nameOf(table.spokespersonId) }));
  if (table.pinned) {
    section.append(el("p", { class: "pinned-note", text: t("phone.pinned") }));
    return section;
  }
  if (!stepOpen("spokespeople") || board.status !== "running") return section;
  // Nobody is chosen until the table chooses: a first name picked in advance was elected by a stray tap.
  const select = el("select", { id: "spokesperson", "data-key": "spokesperson" },
    el("option", { value: "", text: t("phone.chooseSpokesperson") }),
    members.map(m => el("option", { value: m.participantId, text: m.name || t("phone.unnamed") })));
  select.value = table.spokespersonId || "";
  const elect = el("button", { type: "submit", id: "elect", text: t("phone.elect") });
  const electable = () => { elect.disabled = !select.value || select.value === table.spokespersonId; };
  select.addEventListener("change", electable);
  queueMicrotask(electable);
  section.append(el("form", { onsubmit: e => {
    e.preventDefault();
    if (!select.value) return;
    enqueue("PUT", base + "/tables/" + encodeURIComponent(tableId) + "/spokesperson", { participantId: select.value }, "spokesperson");
  } }, el("label", { for: "spokesperson", text: t("phone.spokesperson") }), select,
    el("div", { class: "actions" }, elect)));
  // Pinning needs a spokesperson and cannot be undone from the phone: say so before doing it.
  if (table.spokespersonId) {
    section.append(el("div", { class: "actions" }, el("button", { type: "button", id: "pin", text: t("phone.pin"),
      onclick: () => {
        if (!confirm(t("phone.confirmPin", { table: table.label, name: nameOf(table.spokespersonId) }))) return;
        enqueue("POST", base + "/tables/" + encodeURIComponent(tableId) + "/pin", undefined, "pin");
      } })));
  } else {
    section.append(el("p", { class: "hint", id: "pin-after-election", text: t("phone.pinAfterElection") }));
  }
  return section;
}

function tick() {
  if (!board) return;
  document.getElementById("remaining").textContent = board.step.open ? t("phone.remaining", { time: countdown(board.step).text }) : "";
}

async function loadDetails() {
  const [summaryAnswer, membersAnswer] = await Promise.all([
    api("GET", base).catch(() => null),
    api("GET", base + "/tables/" + encodeURIComponent(tableId) + "/members").catch(() => null)]);
  if (summaryAnswer && summaryAnswer.ok) summary = summaryAnswer.data;
  if (membersAnswer && membersAnswer.ok) members = membersAnswer.data;
  return !(membersAnswer && (membersAnswer.status === 401 || membersAnswer.status === 403));
}

// Without a table in the address, the phone asks for the code on the table card.
if (!assemblyId || !tableId) {
  joinForm();
} else {
  window.addEventListener("online", flush);
  loadDetails().then(mayAct => {
    if (!mayAct) {
      // This phone has no code for this table (or one for another table): ask for it.
      document.getElementById("need-access")?.remove();
      joinForm();
      return;
    }
    followBoard(assemblyId, next => { board = next; render(); });
    document.addEventListener("minga:lang", render);
    setInterval(tick, 1000);
    render();
    flush();
  });
}
