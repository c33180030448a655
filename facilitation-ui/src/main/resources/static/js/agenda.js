/*
 * The agenda, print-friendly: what the plenary approved (or the draft), grouped by axis,
 * with CSV and Markdown downloads. Texts from people are set with textContent (el), never markup.
 */
import { api } from "./lib/api.js";
import { calendarDate, dateTime } from "./lib/dates.js";
import { el, pathIds } from "./lib/dom.js";
import { languageMenu, t, translate, useAssemblyLanguage } from "./lib/words.js";

const [assemblyId] = pathIds();
const base = "/api/assemblies/" + encodeURIComponent(assemblyId || "");
const $ = id => document.getElementById(id);

let summary = null;
let agenda = null;

$("lang").append(languageMenu());
$("download-csv").href = base + "/agenda.csv";
$("download-md").href = base + "/agenda.md";
$("audit-link").href = "/audit/" + encodeURIComponent(assemblyId || "");
$("print").addEventListener("click", () => window.print());
translate();

function decisionText() {
  if (!agenda || agenda.status !== "approved" || !agenda.approval) return t("agenda.draftNote");
  const a = agenda.approval;
  const at = dateTime(a.approvedAt, { seconds: false });
  return a.method === "vote"
    ? t("agenda.approvedVote", { at, inFavor: a.inFavor ?? 0, against: a.against ?? 0, abstentions: a.abstentions ?? 0 })
    : t("agenda.approvedConsensus", { at });
}

function tableLabel(tableId) {
  const table = summary && (summary.tables || []).find(x => x.tableId === tableId);
  return table && table.label ? table.label : tableId;
}

/** The axes to show, in the assembly's order, plus any axis an item names that the summary lacks. */
function axesInOrder(items) {
  const axes = summary && summary.axes ? summary.axes.map(a => ({ axisId: a.axisId, title: a.title || a.axisId })) : [];
  for (const item of items) {
    if (!axes.some(a => a.axisId === item.axisId)) axes.push({ axisId: item.axisId, title: item.axisId });
  }
  return axes;
}

const orNone = list => (list && list.length ? list.join(", ") : t("agenda.none"));

/** data-label lets narrow screens, where rows become cards, name each cell (CSS attr()). */
function row(item) {
  const label = c => t("agenda.col." + c);
  return el("tr", { "data-piece": item.needPieceId, "data-table": item.tableId },
    el("th", { scope: "row", class: "cell-need", "data-label": label("need"), text: item.need }),
    el("td", { class: "cell-solution", "data-label": label("solution"), text: item.solution || t("agenda.none") }),
    el("td", { class: "cell-orgs", "data-label": label("orgs"), text: orNone(item.cooperatingOrganizations) }),
    el("td", { class: "cell-who", "data-label": label("who"), text: orNone(item.who) }),
    el("td", { class: "cell-when", "data-label": label("when") }, item.when
      ? [el("time", { datetime: item.when.from, text: item.when.from }), " – ",
        el("time", { datetime: item.when.to, text: item.when.to })]
      : t("agenda.none")),
    el("td", { class: "cell-table", "data-label": label("table"), text: tableLabel(item.tableId) }));
}

function axisSection(axis, items) {
  const headingId = "axis-" + axis.axisId;
  const section = el("section", { class: "axis", "data-axis": axis.axisId, "aria-labelledby": headingId },
    el("h2", { id: headingId },
      el("span", { class: "axis-title", text: axis.title }),
      el("span", { class: "count", text: t("agenda.count", { n: items.length }) })));
  if (!items.length) {
    section.append(el("p", { class: "axis-empty muted", text: t("agenda.axisEmpty") }));
    return section;
  }
  const cols = ["need", "solution", "orgs", "who", "when", "table"];
  section.append(el("table", { class: "agenda-table", "aria-labelledby": headingId },
    el("colgroup", {}, cols.map(c => el("col", { class: "col-" + c }))),
    el("thead", {}, el("tr", {}, cols.map(c => el("th", { scope: "col", class: "col-" + c, text: t("agenda.col." + c) })))),
    el("tbody", {}, items.map(row))));
  return section;
}

function render() {
  const title = (summary && summary.title) || (agenda && agenda.title) || "Minga";
  $("title").textContent = title;
  document.title = t("agenda.kicker") + " · " + title;
  $("meta").replaceChildren(...(summary ? [
    summary.date ? el("span", { class: "date", text: t("agenda.date", { date: calendarDate(summary.date) }) }) : null,
    summary.region ? el("span", { class: "region", text: t("agenda.region", { region: summary.region }) }) : null,
    summary.venue ? el("span", { class: "venue", text: t("agenda.venue", { venue: summary.venue }) }) : null
  ].filter(Boolean) : []));
  // Only a public link's summary says "public"; its holder may read nothing beyond this page.
  const isPublic = summary && summary.audience === "public";
  $("audience").textContent = summary ? t("agenda.audience." + (isPublic ? "public" : "restricted")) : "";
  $("audit-link").style.display = isPublic ? "none" : ""; // a .button's display would win over [hidden]
  if (!agenda) return;

  const approved = agenda.status === "approved";
  const box = $("status-box");
  box.dataset.status = agenda.status;
  $("status").textContent = t("agenda.status." + (approved ? "approved" : "draft"));
  $("decision").textContent = decisionText();

  const items = agenda.items || [];
  const area = $("axes");
  area.removeAttribute("aria-busy");
  if (!items.length) {
    area.replaceChildren(el("p", { class: "no-items notice", text: t("agenda.noItems") }));
    return;
  }
  area.replaceChildren(...axesInOrder(items).map(axis =>
    axisSection(axis, items.filter(i => i.axisId === axis.axisId))));
}

async function load() {
  const [summaryAnswer, agendaAnswer] = await Promise.all([
    api("GET", base).catch(() => null),
    api("GET", base + "/agenda").catch(() => null)
  ]);
  if (!summaryAnswer || !agendaAnswer) { $("alert").textContent = t("error.network"); return; }
  const refused = [summaryAnswer, agendaAnswer].find(a => !a.ok);
  $("alert").textContent = !refused ? ""
    : refused.status === 401 ? t("agenda.notPublic")
    : (refused.problem && refused.problem.detail) || t("agenda.loadError");
  if (summaryAnswer.ok) summary = summaryAnswer.data;
  if (agendaAnswer.ok) agenda = agendaAnswer.data;
  useAssemblyLanguage((agenda || summary || {}).language);
  if (!agenda) $("axes").removeAttribute("aria-busy");
  render();
}

document.addEventListener("minga:lang", load); // problem details come in the page language
load();
