/* /console: the list of assemblies, the form that schedules a new one, and the demo. */
import { el } from "../lib/dom.js";
import { lang, languages, t } from "../lib/words.js";
import { $, busy, call, focusField, problemText, showAlert, showNotice } from "./ui.js";

/** A notice that survives the move from /console to the new assembly's page. */
export const NOTICE_KEY = "minga.console.notice";

const REFERENCE_AXES = [
  { axisId: "association", title: "Asociatividad y trabajo en red" },
  { axisId: "credit", title: "Acceso a crédito para la economía popular" },
  { axisId: "training", title: "Formación para la asociatividad solidaria" },
  { axisId: "assistance", title: "Asistencia técnica para la industrialización" },
  { axisId: "territories", title: "Integración para construir territorios solidarios" }
];

const CREATE_FIELDS = { title: "title", region: "region", venue: "venue", date: "date", assemblyId: "assembly-id",
  language: "language", "horizon.from": "horizon-from", "horizon.to": "horizon-to", horizon: "horizon-from",
  "rules.maxNeedsPerTable": "max-needs", "rules.tableSize": "rule-table-size", maxNeedsPerTable: "max-needs", tableSize: "rule-table-size" };

let assemblies = [];
let axisSerial = 0;

export function startHomePage() {
  $("home-view").hidden = false;
  document.title = t("console.title") + " · Minga";
  document.addEventListener("minga:lang", () => { document.title = t("console.title") + " · Minga"; renderList(); renumberAxes(); });

  const today = new Date();
  const year = today.getFullYear();
  $("date").value = year + "-" + String(today.getMonth() + 1).padStart(2, "0") + "-" + String(today.getDate()).padStart(2, "0");
  $("horizon-from").value = String(year);
  $("horizon-to").value = String(year + 2);
  // Every language Minga ships a catalogue for, each by its own name, as the language menu lists them.
  $("language").replaceChildren(...languages().map(({ code, name }) => el("option", { value: code, lang: code, text: name })));
  $("language").value = "es";
  REFERENCE_AXES.forEach(addAxis);
  $("add-axis").addEventListener("click", () => {
    const row = addAxis({ axisId: "", title: "" });
    row.querySelector("input[data-role=title]").focus();
  });
  $("create-form").addEventListener("submit", create);
  $("demo").addEventListener("click", startDemo);
  loadList();
}

function addAxis(axis) {
  const n = ++axisSerial;
  const idInput = el("input", { id: "axis-id-" + n, type: "text", "data-role": "id", maxlength: "64",
    pattern: "[A-Za-z0-9_\\-]{1,64}", spellcheck: "false", autocomplete: "off" });
  const titleInput = el("input", { id: "axis-title-" + n, type: "text", "data-role": "title", maxlength: "200", autocomplete: "off" });
  idInput.value = axis.axisId;
  titleInput.value = axis.title;
  const row = el("li", { class: "axis-row" },
    el("div", { class: "field axis-id" }, el("label", { for: idInput.id }), idInput),
    el("div", { class: "field axis-title" }, el("label", { for: titleInput.id }), titleInput),
    el("button", { type: "button", class: "secondary remove-axis", onclick: () => {
      const next = row.nextElementSibling || row.previousElementSibling;
      row.remove();
      renumberAxes();
      (next ? next.querySelector("button") : $("add-axis")).focus();
    } }));
  $("axes").append(row);
  renumberAxes();
  return row;
}

function renumberAxes() {
  [...$("axes").children].forEach((row, i) => {
    const n = i + 1;
    const [idLabel, titleLabel] = row.querySelectorAll("label");
    idLabel.textContent = t("console.axis.id", { n });
    titleLabel.textContent = t("console.axis.title", { n });
    const remove = row.querySelector("button");
    remove.textContent = t("console.axis.remove");
    remove.setAttribute("aria-label", t("console.axis.removeLabel", { n }));
  });
}

function slug(text) {
  return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
    .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 40);
}

/** The axes as typed; an axis with a title and no id gets one made from its title. */
function axesFromForm() {
  const used = new Set();
  const axes = [];
  [...$("axes").children].forEach((row, i) => {
    const title = row.querySelector("input[data-role=title]").value.trim();
    let axisId = row.querySelector("input[data-role=id]").value.trim();
    if (!title && !axisId) return;
    if (!axisId) {
      axisId = slug(title) || "axis-" + (i + 1);
      for (let k = 2; used.has(axisId); k++) axisId = (slug(title) || "axis") + "-" + k;
    }
    used.add(axisId);
    axes.push({ axisId, title });
  });
  return axes;
}

async function create(e) {
  e.preventDefault();
  const value = id => $(id).value.trim();
  const axes = axesFromForm();
  if (!axes.length) { showAlert(t("console.axis.none")); $("add-axis").focus(); return; }
  const body = { title: value("title"), region: value("region"), date: value("date"),
    horizon: { from: value("horizon-from"), to: value("horizon-to") }, language: $("language").value, axes };
  if (value("assembly-id")) body.assemblyId = value("assembly-id");
  if (value("venue")) body.venue = value("venue");
  const rules = {};
  if (value("max-needs") !== "") rules.maxNeedsPerTable = Number(value("max-needs"));
  if (value("rule-table-size") !== "") rules.tableSize = Number(value("rule-table-size"));
  if (Object.keys(rules).length) body.rules = rules;
  const answer = await busy($("create-submit"), () => call("POST", "/api/assemblies", body));
  if (answer && answer.ok) {
    goTo(answer.data.assemblyId, "console.created");
  } else {
    showAlert(problemText(answer));
    focusField(answer, CREATE_FIELDS);
  }
}

async function startDemo() {
  const answer = await busy($("demo"), () => call("POST", "/api/demo", { language: lang() }));
  if (answer && answer.ok && answer.data && answer.data.assemblyId) goTo(answer.data.assemblyId, "console.demoCreated");
  else showAlert(problemText(answer));
}

function goTo(assemblyId, noticeKey) {
  showNotice(t(noticeKey));
  sessionStorage.setItem(NOTICE_KEY, noticeKey);
  location.assign("/console/" + encodeURIComponent(assemblyId));
}

function renderList() {
  $("assembly-list").replaceChildren(...assemblies.map(a => el("li", {},
    el("a", { href: "/console/" + encodeURIComponent(a.assemblyId), text: a.title || a.assemblyId }),
    el("span", { class: "muted", text: " · " + [a.region, a.date, a.status ? t("status." + a.status) : null].filter(Boolean).join(" · ") }))));
  $("assembly-list-empty").hidden = assemblies.length > 0;
}

async function loadList() {
  const answer = await call("GET", "/api/assemblies");
  if (answer && answer.ok && Array.isArray(answer.data)) {
    assemblies = answer.data.slice().sort((a, b) => String(b.date).localeCompare(String(a.date)));
    renderList();
  } else {
    showAlert(problemText(answer));
  }
}
