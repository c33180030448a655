/*
 * Registering a person by hand, and seating them at once when the tables exist. The same form
 * corrects someone's registration (a typo on the form or in a CSV), as an event the history keeps.
 */
import { el } from "../lib/dom.js";
import { t } from "../lib/words.js";
import { loadSummary, refresh, seatOf } from "./reading.js";
import { on, state, tableLabel } from "./state.js";
import { $, busy, call, focusField, problemText, showAlert, showNotice } from "./ui.js";

export const REGISTRATION_FIELDS = { name: "p-name", organization: "p-organization", organizationType: "p-organization-type",
  sector: "p-sector", gender: "p-gender", ageGroup: "p-age", territory: "p-territory", area: "p-area", preferredAxisId: "p-axis" };

let editing = null;

export function startRegistration() {
  $("edit-cancel").addEventListener("click", endEdit);
  $("register-form").addEventListener("submit", register);
  on("summary", fillAxisSelect);
  document.addEventListener("minga:lang", fillAxisSelect);
}

/** The preferred-axis choices are the assembly's axes; a choice already made stays. */
function fillAxisSelect() {
  if (!state.summary) return;
  const select = $("p-axis");
  const chosen = select.value;
  select.replaceChildren(el("option", { value: "", text: t("console.unset") }),
    ...state.summary.axes.map(a => el("option", { value: a.axisId, text: a.title })));
  select.value = chosen;
}

function setSubmitText(key) { $("register-submit").dataset.i18n = key; $("register-submit").textContent = t(key); }

export function startEdit(person) {
  editing = person;
  for (const [key, id] of Object.entries(REGISTRATION_FIELDS)) $(id).value = person[key] ?? "";
  setSubmitText("console.p.save");
  $("edit-cancel").hidden = false;
  $("editing-note").hidden = false;
  $("editing-note").textContent = t("console.p.editing", { name: person.name });
  $("p-name").focus();
}

function endEdit() {
  editing = null;
  $("register-form").reset();
  fillAxisSelect();
  setSubmitText("console.p.submit");
  $("edit-cancel").hidden = true;
  $("editing-note").hidden = true;
}

async function saveCorrection(person, body) {
  // The form has no phone or e-mail: the ones on record stay.
  const full = { ...body, phone: person.phone || undefined, email: person.email || undefined };
  const answer = await call("PUT", state.base + "/participants/" + encodeURIComponent(person.participantId), full);
  if (!answer || !answer.ok) {
    showAlert(problemText(answer));
    focusField(answer, REGISTRATION_FIELDS);
    return;
  }
  endEdit();
  showNotice(t("console.p.corrected", { name: body.name }));
  await refresh({ seating: true });
}

async function register(e) {
  e.preventDefault();
  const form = e.currentTarget;
  const body = {};
  for (const [key, id] of Object.entries(REGISTRATION_FIELDS)) { const v = $(id).value.trim(); if (v) body[key] = v; }
  if (editing) { await busy($("register-submit"), () => saveCorrection(editing, body)); return; }
  await busy($("register-submit"), async () => {
    const answer = await call("POST", state.base + "/participants", body);
    if (!answer || !answer.ok) {
      showAlert(problemText(answer));
      focusField(answer, REGISTRATION_FIELDS);
      return;
    }
    const participantId = answer.data.participantId;
    form.reset();
    fillAxisSelect();
    $("p-name").focus();
    showNotice(t("console.p.registered", { name: body.name }));
    if (await tablesExist()) {
      const seated = await call("POST", state.base + "/participants/" + encodeURIComponent(participantId) + "/seat", {});
      if (seated && seated.ok) await announceSeat(participantId, body.name, seated.data);
      else showAlert(t("console.p.registered", { name: body.name }) + " " + problemText(seated));
    }
    await refresh({ seating: true });
  });
}

/** Whether the assembly has tables yet (read again if the console has not seen any). */
export async function tablesExist() {
  if (state.summary && state.summary.tables.length) return true;
  await loadSummary();
  return !!(state.summary && state.summary.tables.length);
}

/** Says at which table a newly seated person sits. */
async function announceSeat(participantId, name, data) {
  const tableId = await seatOf(participantId, data);
  if (tableId && !(state.summary && state.summary.tables.some(tb => tb.tableId === tableId))) await loadSummary();
  showNotice(t("console.p.registered", { name }) + " " + (tableId
    ? t("console.p.seated", { name, table: tableLabel(tableId) }) : t("console.p.seatedSomewhere", { name })));
}
