/*
 * The top of an assembly's page: its title and where it stands (the header), the links to its other
 * pages, the counts, whether the board is live, and a warning when no phone can reach the address.
 */
import { addressWarning, joinAddress } from "../lib/api.js";
import { statusLine } from "../lib/board.js";
import { el } from "../lib/dom.js";
import { t } from "../lib/words.js";
import { currentStep, liveCounts, on, state, statusNow } from "./state.js";
import { $ } from "./ui.js";

export function startHeader() {
  $("assembly-view").hidden = false;
  $("now").hidden = false;
  $("eyebrow").hidden = false;
  $("page-title").removeAttribute("data-i18n");
  $("page-title").textContent = t("console.loading");
  const encoded = encodeURIComponent(state.assemblyId);
  $("link-projector").href = "/projector/" + encoded;
  $("link-agenda").href = "/agenda/" + encoded;
  $("link-audit").href = "/audit/" + encoded;
  $("link-cards").href = "/console/" + encoded + "/cards";
  showAddressWarning();
  on("summary", renderHeader);
  on("board", renderHeader);
  document.addEventListener("minga:lang", () => {
    if (!state.summary && $("page-title").textContent !== state.assemblyId) $("page-title").textContent = t("console.loading");
    renderHeader();
    const live = $("live");
    if (live.textContent) live.textContent = t(live.classList.contains("reconnecting") ? "live.reconnecting" : "live.online");
  });
}

function renderHeader() {
  const { summary } = state;
  if (!summary) return;
  document.title = summary.title + " · " + t("console.title");
  $("page-title").textContent = summary.title;
  $("page-title").title = summary.title;   // the header cuts a long title short
  // The status first: the header cuts the line short at its end.
  const meta = [t("console.status", { status: statusLine(statusNow(), currentStep()) }), summary.region, summary.venue, summary.date,
    summary.horizon ? t("console.horizon", { from: String(summary.horizon.from).slice(0, 4), to: String(summary.horizon.to).slice(0, 4) }) : null]
    .filter(Boolean).join(" · ");
  $("assembly-meta").textContent = meta;
  $("assembly-meta").title = meta;
  const counts = liveCounts();
  $("counts").replaceChildren(...["participants", "seated", "tables", "needs", "pinnedTables"].map(key =>
    el("div", { class: "count", "data-count": key },
      el("dt", { text: t("console.count." + key) }), el("dd", { text: String(counts[key] ?? 0) }))));
}

/** Whether the board stream is connected, in the header. */
export function showConnection(connection) {
  const live = $("live");
  live.textContent = t(connection === "online" ? "live.online" : "live.reconnecting");
  live.classList.toggle("reconnecting", connection !== "online");
}

/** Table cards and the projector's QR carry the join address: say at once when no phone can reach it. */
async function showAddressWarning() {
  const address = await joinAddress();
  const render = () => {
    const warning = addressWarning(address);
    const existing = document.getElementById("console-address-warning");
    if (existing) existing.remove();
    if (warning) { warning.id = "console-address-warning"; $("notice").after(warning); }
  };
  render();
  document.addEventListener("minga:lang", render);
}
