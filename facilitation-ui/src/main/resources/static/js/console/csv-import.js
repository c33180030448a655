/*
 * CSV import in two moves: choosing a file reads it and previews what will happen (how it was
 * read, how many rows will be registered, each row that will be refused and why); nothing is
 * sent until the facilitator confirms. Rows then go one by one, in file order.
 */
import { el } from "../lib/dom.js";
import { t } from "../lib/words.js";
import { decode, detectDelimiter, parse, toParticipants } from "./csv.js";
import { loadSummary, refresh } from "./reading.js";
import { tablesExist } from "./registration.js";
import { state } from "./state.js";
import { $, busy, call, problemText, showAlert, showNotice } from "./ui.js";

let pendingImport = null;   // {encoding, separator, rows, ignored, sent} while a preview waits for a decision

export function startCsvImport() {
  $("csv-file").addEventListener("change", previewImport);
  $("csv-import").addEventListener("click", previewImport);
  $("csv-cancel").addEventListener("click", () => {
    clearImport();
    $("csv-file").value = "";
    $("csv-file").focus();
  });
  $("csv-confirm").addEventListener("click", sendImport);
  document.addEventListener("minga:lang", renderImportPreview);
}

function clearImport() {
  pendingImport = null;
  $("csv-read").hidden = true;
  $("csv-preview").hidden = true;
  $("csv-preview").replaceChildren();
  $("csv-decision").hidden = true;
}

const whyRefused = problems => problems.map(p => t("console.csv.why." + p.key, p)).join("; ");

function renderImportPreview() {
  if (!pendingImport) return;
  const { encoding, separator, rows, ignored, sent } = pendingImport;
  const accepted = rows.filter(row => !row.problems.length);
  const refused = rows.filter(row => row.problems.length);
  $("csv-read").textContent = t("console.csv.read", {
    encoding: t("console.csv.enc." + encoding),
    separator: separator === "\t" ? t("console.csv.sep.tab") : separator
  });
  $("csv-read").hidden = false;
  const count = (key, n) => t(key + (n === 1 ? ".one" : ".other"), { n });
  // Once sent, the import's own outcome is in the notice; what stays is what was never sent.
  const preview = sent ? [] : [el("p", { text: count("console.csv.willRegister", accepted.length) })];
  if (refused.length) {
    preview.push(el("p", { text: count(sent ? "console.csv.notSent" : "console.csv.willRefuse", refused.length) }),
      el("ul", { class: "csv-errors" }, refused.map(row =>
        el("li", { text: t("console.csv.line", { line: row.line, detail: whyRefused(row.problems) }) }))));
  }
  if (ignored.length) preview.push(el("p", { text: t("console.csv.ignored", { columns: ignored.join(", ") }) }));
  $("csv-preview").replaceChildren(...preview);
  $("csv-preview").hidden = false;
  $("csv-decision").hidden = !accepted.length || !!sent;
}

async function previewImport() {
  const file = $("csv-file").files && $("csv-file").files[0];
  $("csv-errors").replaceChildren();
  $("csv-progress").textContent = "";
  clearImport();
  if (!file) { showAlert(t("console.csv.noFile")); $("csv-file").focus(); return; }
  let decoded;
  try { decoded = decode(await file.arrayBuffer()); } catch (unreadable) { showAlert(t("console.csv.unreadable")); return; }
  const separator = detectDelimiter(decoded.text);
  let records;
  try { records = parse(decoded.text, separator); } catch (problem) {
    showAlert(problem && problem.code === "unclosed" ? t("console.csv.unclosed", { line: problem.line }) : t("console.csv.unreadable"));
    return;
  }
  if (!state.summary) await loadSummary();
  const { rows, ignored, hasName } = toParticipants(records, state.summary ? state.summary.axes : []);
  if (!hasName) { showAlert(t("console.csv.noName")); return; }
  if (!rows.length) { showAlert(t("console.csv.empty")); return; }
  showAlert("");
  showNotice("");
  pendingImport = { encoding: decoded.encoding, separator, rows, ignored };
  renderImportPreview();
  if (!$("csv-decision").hidden) $("csv-confirm").focus();
}

async function sendImport() {
  if (!pendingImport || pendingImport.sent) return;
  const progress = $("csv-progress");
  const errors = $("csv-errors");
  const rows = pendingImport.rows.filter(row => !row.problems.length);
  errors.replaceChildren();
  $("csv-decision").hidden = true;
  const seatToo = await tablesExist();
  let ok = 0;
  const m = rows.length;
  progress.textContent = t("console.csv.progress", { n: 0, m });
  await busy($("csv-import"), async () => {
    for (let i = 0; i < rows.length; i++) {
      const { line, body } = rows[i];
      const answer = await call("POST", state.base + "/participants", body);
      if (answer && answer.ok) {
        let seated = true;
        if (seatToo) {
          const seatAnswer = await call("POST", state.base + "/participants/" + encodeURIComponent(answer.data.participantId) + "/seat", {});
          if (!seatAnswer || !seatAnswer.ok) {
            seated = false;
            errors.append(el("li", { text: t("console.csv.line", { line, detail: problemText(seatAnswer) }) }));
          }
        }
        if (seated) ok++;
      } else {
        errors.append(el("li", { text: t("console.csv.line", { line, detail: problemText(answer) }) }));
      }
      progress.textContent = t("console.csv.progress", { n: i + 1, m });
    }
  });
  // The preview stays on the page: its refused rows were not sent and still need fixing.
  pendingImport.sent = true;
  renderImportPreview();
  $("csv-file").value = "";
  showNotice(t("console.csv.done", { ok, m }));
  refresh({ seating: true });
}
