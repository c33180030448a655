/*
 * The plenary approves the agenda, by consensus or a counted vote, once its step is open; then the
 * assembly closes (its tables' codes end).
 */
import { t } from "../lib/words.js";
import { loadApproval, refresh } from "./reading.js";
import { currentStep, liveCounts, on, state, statusNow } from "./state.js";
import { $, busy, call, focusField, problemText, showAlert, showNotice } from "./ui.js";

export function startPlenary() {
  const syncVoteFields = () => { $("vote-fields").hidden = !$("method-vote").checked; };
  $("method-consensus").addEventListener("change", syncVoteFields);
  $("method-vote").addEventListener("change", syncVoteFields);
  syncVoteFields();
  $("approval-form").addEventListener("submit", approve);
  $("close-assembly").addEventListener("click", closeAssembly);
  ["summary", "board", "approval"].forEach(topic => on(topic, renderPlenary));
  document.addEventListener("minga:lang", renderPlenary);
}

function approvalText(a) {
  if (!a) return "";
  if (a.method === "vote") return t("console.plenary.approvedVote", { inFavor: a.inFavor ?? 0, against: a.against ?? 0, abstentions: a.abstentions ?? 0 });
  if (a.method === "consensus") return t("console.plenary.approvedConsensus");
  return t("console.plenary.approved");
}

/** What the plenary box says and allows follows the room: open the plenary first, approve once, then it is done. */
function renderPlenary() {
  if (!state.summary) return;
  const status = statusNow();
  const decided = Boolean(state.approval) || status === "approved" || status === "closed";
  const step = currentStep();
  const open = step.current === "plenary" && step.open;
  const next = decided ? "console.plenary.done" : open ? "console.plenary.ready" : "console.plenary.openFirst";
  const counts = liveCounts();
  $("plenary-state").textContent = t("console.plenary.pinned", { n: counts.pinnedTables, m: counts.tables }) + " " + t(next);
  $("approval-form").querySelectorAll("input, button").forEach(control => { control.disabled = decided || !open; });
  if (state.approval) $("approval-result").textContent = approvalText(state.approval);
  else if (decided) $("approval-result").textContent = t("console.plenary.approved");
}

async function approve(e) {
  e.preventDefault();
  const vote = $("method-vote").checked;
  const body = { method: vote ? "vote" : "consensus" };
  if (vote) {
    for (const [key, id] of [["inFavor", "in-favor"], ["against", "against"], ["abstentions", "abstentions"]]) {
      const v = $(id).value.trim();
      if (v !== "") body[key] = Number(v);
    }
  }
  const counts = liveCounts();
  const pinned = counts.pinnedTables ?? 0, tables = counts.tables ?? 0;
  const question = t(vote ? "console.plenary.confirmVote" : "console.plenary.confirmConsensus",
    { pinned, tables, inFavor: body.inFavor ?? 0, against: body.against ?? 0, abstentions: body.abstentions ?? 0 })
    + (pinned < tables ? " " + t("console.plenary.confirmUnpinned", { n: tables - pinned }) : "");
  if (!window.confirm(question)) return;
  const answer = await busy($("approval-submit"), () => call("POST", state.base + "/agenda/approval", body));
  if (answer && answer.ok) {
    state.approval = { ...body, ...(answer.data && typeof answer.data === "object" && answer.data.approval ? answer.data.approval : {}) };
    $("approval-result").textContent = approvalText(state.approval);
    showNotice(approvalText(state.approval));
    loadApproval();
  } else {
    showAlert(problemText(answer));
    focusField(answer, { inFavor: "in-favor", against: "against", abstentions: "abstentions", votes: "in-favor" });
  }
  refresh();
}

async function closeAssembly() {
  const title = state.summary ? state.summary.title : state.assemblyId;
  if (!window.confirm(t("console.close.confirm", { title }))) return;
  const answer = await busy($("close-assembly"), () => call("POST", state.base + "/close"));
  if (answer && answer.ok) showNotice(t("console.close.done"));
  else showAlert(problemText(answer));
  refresh();
}
