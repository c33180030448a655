/*
 * What every part of the console shares on the page: the alert and notice lines, calls that never
 * reject, a busy button, and rebuilding a list without losing what the facilitator is typing.
 */
import { api } from "../lib/api.js";
import { t } from "../lib/words.js";

export const $ = id => document.getElementById(id);

/** What a refusal says (the server's detail, in the page's language), or why there is no answer. */
export function problemText(answer) {
  if (!answer) return t("error.network");
  const problem = answer.problem;
  if (problem && typeof problem === "object" && problem.detail) return problem.detail;
  return t("console.error.status", { status: answer.status });
}

export function showAlert(text) { $("alert").textContent = text || ""; if (text) $("notice").textContent = ""; }
export function showNotice(text) { $("notice").textContent = text || ""; if (text) $("alert").textContent = ""; }

/** Calls the API; never rejects: an unreachable Minga resolves to null. */
export const call = (method, path, body) => api(method, path, body).catch(() => null);

/** Disables a form's submit button while its request runs, so a double click sends once. */
export async function busy(button, work) {
  if (button) button.disabled = true;
  try { return await work(); } finally { if (button) button.disabled = false; }
}

/** After a 400 naming a field, puts the cursor in that field. */
export function focusField(answer, fields) {
  const field = answer && answer.problem && answer.problem.field;
  if (field && fields[field] && $(fields[field])) $(fields[field]).focus();
}

export const pause = ms => new Promise(resolve => setTimeout(resolve, ms));

/**
 * Rebuilds a container without losing what the facilitator is doing there: values typed but not
 * sent (controls marked data-dirty) and the focused control survive, matched by id.
 */
export function rebuild(container, build) {
  const dirty = {};
  container.querySelectorAll("[data-dirty]").forEach(c => { if (c.id) dirty[c.id] = c.value; });
  const focused = document.activeElement && container.contains(document.activeElement) ? document.activeElement.id : null;
  container.replaceChildren(...[].concat(build()));
  for (const [id, value] of Object.entries(dirty)) {
    const control = container.querySelector("#" + CSS.escape(id));
    if (control && [...(control.options || [{ value }])].some(o => o.value === value)) {
      control.value = value;
      control.dataset.dirty = "1";
    }
  }
  if (focused) {
    const again = container.querySelector("#" + CSS.escape(focused));
    if (again) again.focus({ preventScroll: true });
  }
}

/** Controls in the rebuilt lists remember that the facilitator touched them. */
export function markTouchedControls() {
  const mark = e => { if (e.target.closest && e.target.closest("#tables, #participants")) e.target.dataset.dirty = "1"; };
  document.addEventListener("input", mark);
  document.addEventListener("change", mark);
}
