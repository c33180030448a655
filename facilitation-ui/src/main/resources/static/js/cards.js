/*
 * Printable table cards: one per table, with its label, its axis, a QR code of the table's phone
 * page and the same link written out, two per A4 sheet when printed.
 */
import { addressWarning, api, joinAddress } from "./lib/api.js";
import { el, pathIds } from "./lib/dom.js";
import { languageMenu, t, translate, useAssemblyLanguage } from "./lib/words.js";

const [assemblyId] = pathIds();
const base = "/api/assemblies/" + encodeURIComponent(assemblyId);
let summary = null;
let codes = {};
let address = { baseUrl: location.origin, reachable: true };
let failure = null;

document.getElementById("lang").append(languageMenu());
document.getElementById("back").href = "/console/" + encodeURIComponent(assemblyId);
document.getElementById("print").addEventListener("click", () => window.print());
translate();

/** The card's QR opens the table's page already joined; the code is printed too, to type it in. */
function joinLink(tableId) {
  return address.baseUrl + "/join/" + encodeURIComponent(codes[tableId] || "");
}

function render() {
  const area = document.getElementById("cards");
  const alert = document.getElementById("alert");
  alert.textContent = failure || "";
  // Printed too: cards whose address no phone can reach must not leave the room unnoticed.
  document.getElementById("address-warning").replaceChildren(...[addressWarning(address)].filter(Boolean));
  if (!summary) {
    document.title = t("cards.title") + " · Minga";
    if (!failure) area.replaceChildren(el("p", { class: "muted", text: t("cards.loading") }));
    else area.replaceChildren();
    return;
  }
  document.title = t("cards.title") + " · " + summary.title;
  document.getElementById("cards-assembly").textContent = summary.title;
  if (!summary.tables.length) {
    area.replaceChildren(el("p", { class: "cards-empty", text: t("cards.none") }));
    return;
  }
  // Axis order first, then the order the server gave the tables.
  const axisIndex = id => { const i = summary.axes.findIndex(a => a.axisId === id); return i < 0 ? summary.axes.length : i; };
  const tables = summary.tables.map((table, i) => ({ table, i }))
    .sort((a, b) => axisIndex(a.table.axisId) - axisIndex(b.table.axisId) || a.i - b.i).map(x => x.table);
  area.replaceChildren(...tables.map(table => {
    const axis = summary.axes.find(a => a.axisId === table.axisId);
    const link = joinLink(table.tableId);
    return el("article", { class: "table-print-card", "data-table": table.tableId },
      el("h2", { class: "card-label", text: table.label }),
      el("p", { class: "card-axis" }, axis ? axis.title : table.axisId,
        el("span", { class: "card-assembly", text: summary.title })),
      el("figure", {},
        el("img", { src: "/qr.svg?text=" + encodeURIComponent(link), width: "176", height: "176",
          alt: t("cards.qrAlt", { table: table.label }) }),
        el("figcaption", { text: t("join.scan") })),
      el("p", { class: "card-code" }, t("cards.code"), " ", el("strong", { class: "join-code", text: codes[table.tableId] || "" })),
      el("p", { class: "card-link" }, el("a", { href: link, text: link })));
  }));
}

async function load() {
  const [summaryAnswer, joinAnswer, tablesAnswer] = await Promise.all([
    api("GET", base).catch(() => null),
    joinAddress(),
    api("GET", base + "/tables").catch(() => null)]);
  if (tablesAnswer && tablesAnswer.ok) tablesAnswer.data.forEach(table => { codes[table.tableId] = table.joinCode; });
  address = joinAnswer;
  if (summaryAnswer && summaryAnswer.ok) {
    summary = summaryAnswer.data;
    useAssemblyLanguage(summary.language);
    failure = null;
  } else if (!summaryAnswer) {
    failure = t("error.network");
  } else {
    failure = summaryAnswer.problem && summaryAnswer.problem.detail ? summaryAnswer.problem.detail
      : t("cards.error", { status: summaryAnswer.status });
  }
  render();
}

document.addEventListener("minga:lang", render);
render();
load();
