/*
 * The auditor's page: every event of an assembly as a timeline (audit/timeline.js), the board
 * exactly as the server folds it after any chosen event (audit/moment.js, audit/board-then.js), and
 * where each agenda item came from (audit/provenance.js). Everything that comes from people or from
 * the server is put on the page with textContent (el), never as markup.
 */
import { api } from "./lib/api.js";
import { participationCharts } from "./lib/charts.js";
import { languageMenu, t, translate, useAssemblyLanguage } from "./lib/words.js";
import { $, audited, lastSequence } from "./audit/assembly.js";
import { renderBoard } from "./audit/board-then.js";
import { calendarDate } from "./lib/dates.js";
import { currentMoment, goTo, setRange, stayAt, updateMomentLabel } from "./audit/moment.js";
import { renderProvenance } from "./audit/provenance.js";
import { renderTimeline } from "./audit/timeline.js";

$("lang").append(languageMenu());
translate();

function showError(message) {
  $("alert").textContent = message || "";
}

function renderHeader() {
  const { summary, agenda, assemblyId } = audited;
  const title = (summary && summary.title) || (agenda && agenda.title) || "Minga";
  $("title").textContent = title;
  document.title = t("audit.kicker") + " · " + title;
  $("meta").textContent = summary
    ? [calendarDate(summary.date), summary.region, summary.venue].filter(Boolean).join(" · ") : "";
  $("agenda-link").href = "/agenda/" + encodeURIComponent(assemblyId);
}

/** The moment in the address (#sequence=n) when the history has it, else the latest. */
function initialSequence() {
  const match = /^#sequence=(\d+)$/.exec(location.hash);
  const wanted = match ? Number(match[1]) : null;
  if (wanted !== null && audited.history.some(e => e.sequence === wanted)) return wanted;
  return lastSequence();
}

async function load(first) {
  showError("");
  const { base } = audited;
  const [summaryAnswer, historyAnswer, agendaAnswer] = await Promise.all([
    api("GET", base).catch(() => null),
    api("GET", base + "/history").catch(() => null),
    api("GET", base + "/agenda").catch(() => null)
  ]);
  if (!summaryAnswer || !historyAnswer || !agendaAnswer) { showError(t("error.network")); return; }
  const refused = [summaryAnswer, historyAnswer, agendaAnswer].find(a => !a.ok);
  if (refused) {
    showError((refused.problem && refused.problem.detail) || t("audit.loadError"));
  }
  if (summaryAnswer.ok) { audited.summary = summaryAnswer.data; useAssemblyLanguage(audited.summary.language); }
  if (historyAnswer.ok) audited.history = [...historyAnswer.data].sort((a, b) => a.sequence - b.sequence);
  if (agendaAnswer.ok) audited.agenda = agendaAnswer.data;
  renderHeader();

  const keep = first ? null : currentMoment();
  setRange();
  renderTimeline();
  renderProvenance();
  if (!audited.history.length) { updateMomentLabel(); return; }
  if (first) {
    goTo(initialSequence(), { remember: false });
  } else {
    stayAt(keep);
    renderBoard(); // same server answer, drawn with the new language's words
  }
}

/** Who took part, for those allowed to read it (a link without it simply shows no figures). */
async function loadParticipation() {
  const answer = await api("GET", audited.base + "/participation").catch(() => null);
  if (!answer || !answer.ok) return;
  $("participation-charts").replaceChildren(participationCharts(answer.data));
  $("participation").hidden = false;
}

document.addEventListener("minga:lang", () => { load(false); loadParticipation(); });
load(true);
loadParticipation();
