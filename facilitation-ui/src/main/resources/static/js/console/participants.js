/*
 * The list of people registered: a filter, and beside each person their table (seat, move) and
 * their data (correct, erase on request).
 */
import { el } from "../lib/dom.js";
import { has, lang, t } from "../lib/words.js";
import { loadSummary, refresh, seatOf } from "./reading.js";
import { startEdit } from "./registration.js";
import { axisTitle, on, state, tableLabel } from "./state.js";
import { $, busy, call, problemText, rebuild, showAlert, showNotice } from "./ui.js";

export function startParticipants() {
  $("p-filter").addEventListener("input", () => renderParticipants());
  on("summary", () => renderParticipants());
  on("participants", () => renderParticipants());
  document.addEventListener("minga:lang", () => renderParticipants(true));
}

/** A value of the registration form in the page's words, or as typed when the catalogue has no word for it. */
const valueText = (prefix, v) => v ? (has(prefix + v) ? t(prefix + v) : v) : "";

let shown = "";
function renderParticipants(force) {
  const { participants, summary } = state;
  const filter = $("p-filter").value.trim().toLowerCase();
  const hasTables = summary && summary.tables.length > 0;
  const key = JSON.stringify([participants, filter, hasTables, summary && summary.tables.map(x => x.label), lang()]);
  if (!force && key === shown) return;
  shown = key;
  const matches = participants.filter(p => !filter || [p.name, p.organization, p.territory, p.tableId ? tableLabel(p.tableId) : ""]
    .some(v => v && String(v).toLowerCase().includes(filter)));
  $("participants-list-heading").textContent = filter
    ? t("console.p.listFiltered", { shown: matches.length, n: participants.length })
    : t("console.p.list", { n: participants.length });
  rebuild($("participants"), () => {
    if (!participants.length) return el("p", { class: "muted", text: t("console.p.none") });
    if (!matches.length) return el("p", { class: "muted", text: t("console.p.noMatch") });
    const headings = ["name", "organization", "organizationType", "sector", "gender", "ageGroup", "territory", "area", "axis", "table", "personal"];
    return el("table", { class: "data" },
      el("thead", {}, el("tr", {}, headings.map(h => el("th", { scope: "col", text: t("console.p." + h) })))),
      el("tbody", {}, matches.map(p => row(p, hasTables))));
  });
}

function row(p, hasTables) {
  return el("tr", { "data-participant": p.participantId },
    el("th", { scope: "row", text: p.name === null ? t("console.p.erased") : p.name }),
    el("td", { text: p.organization || "" }),
    el("td", { text: p.organizationType || "" }),
    el("td", { text: p.sector || "" }),
    el("td", { text: valueText("console.gender.", p.gender) }),
    el("td", { text: valueText("console.age.", p.ageGroup) }),
    el("td", { text: p.territory || "" }),
    el("td", { text: valueText("console.area.", p.area) }),
    el("td", { text: p.preferredAxisId ? axisTitle(p.preferredAxisId) : "" }),
    el("td", {}, p.tableId ? [tableLabel(p.tableId), " ", moveControl(p)]
      : hasTables ? el("button", { type: "button", class: "secondary small", id: "seat-" + p.participantId,
          text: t("console.p.seat"), "aria-label": t("console.p.seatLabel", { name: p.name }),
          onclick: e => seat(p, e.currentTarget) })
      : el("span", { class: "muted", text: t("console.p.noTable") })),
    el("td", {}, p.name === null ? el("span", { class: "muted", text: t("console.p.erased") })
      : [el("button", { type: "button", class: "secondary small", id: "edit-" + p.participantId,
          text: t("console.p.edit"), "aria-label": t("console.p.editLabel", { name: p.name }),
          onclick: () => startEdit(p) }), " ",
        el("button", { type: "button", class: "danger small", id: "erase-" + p.participantId,
          text: t("console.p.erase"), "aria-label": t("console.p.eraseLabel", { name: p.name }),
          onclick: e => erase(p, e.currentTarget) })]));
}

/** A seated person changes table: choose the table, then say yes (and why, if you like). */
function moveControl(person) {
  const name = person.name === null ? t("console.p.erased") : person.name;
  const select = el("select", { id: "move-to-" + person.participantId, class: "small", "aria-label": t("console.p.moveToLabel", { name }) },
    el("option", { value: "", text: t("console.p.moveTo") }),
    state.summary.tables.filter(tb => tb.tableId !== person.tableId).map(tb => el("option", { value: tb.tableId, text: tb.label })));
  return el("span", { class: "inline move" }, select,
    el("button", { type: "button", class: "secondary small", id: "move-" + person.participantId, text: t("console.p.move"),
      "aria-label": t("console.p.moveLabel", { name }), onclick: e => move(person, name, select, e.currentTarget) }));
}

async function move(person, name, select, button) {
  const tableId = select.value;
  if (!tableId) { showAlert(t("console.p.moveChoose", { name })); select.focus(); return; }
  const from = tableLabel(person.tableId), to = tableLabel(tableId);
  const table = state.summary.tables.find(tb => tb.tableId === person.tableId) || {};
  const roles = (table.leaderId === person.participantId ? t("console.p.moveLeader", { from }) : "")
    + (table.spokespersonId === person.participantId ? t("console.p.moveSpokesperson", { from }) : "");
  const reason = window.prompt(t("console.p.moveAsk", { name, from, to, roles }), "");
  if (reason === null) return;
  const body = reason.trim() ? { tableId, reason: reason.trim() } : { tableId };
  await busy(button, async () => {
    const answer = await call("POST", state.base + "/participants/" + encodeURIComponent(person.participantId) + "/move", body);
    if (answer && answer.ok) showNotice(t("console.p.moved", { name, from, to }));
    else showAlert(problemText(answer));
  });
  await refresh({ seating: true });
}

/** Forgets a person's name and contact on request; their pieces and the figures stay. */
async function erase(person, button) {
  if (!window.confirm(t("console.p.eraseConfirm", { name: person.name }))) return;
  await busy(button, async () => {
    const answer = await call("DELETE", state.base + "/participants/" + encodeURIComponent(person.participantId) + "/personal-data");
    if (answer && answer.ok) showNotice(t("console.p.erasedNotice"));
    else showAlert(problemText(answer));
  });
  refresh({ seating: true });
}

async function seat(person, button) {
  await busy(button, async () => {
    const answer = await call("POST", state.base + "/participants/" + encodeURIComponent(person.participantId) + "/seat", {});
    if (answer && answer.ok) {
      const tableId = await seatOf(person.participantId, answer.data);
      await loadSummary();
      showNotice(tableId ? t("console.p.seated", { name: person.name, table: tableLabel(tableId) })
        : t("console.p.seatedSomewhere", { name: person.name }));
    } else showAlert(problemText(answer));
  });
  refresh({ seating: true });
}
