/* The moment the auditor looks at: the slider, previous and next, and where it stands in the timeline. */
import { clock } from "../lib/dates.js";
import { t } from "../lib/words.js";
import { $, entryAt, lastSequence, sequences, audited } from "./assembly.js";
import { loadBoard } from "./board-then.js";

const slider = $("moment");
const timeline = $("timeline");
let debounce = null;

export function updateMomentLabel(scroll = true) {
  const n = Number(slider.value);
  const entry = entryAt(n);
  const text = audited.history.length
    ? t("audit.moment", { seq: n, last: lastSequence(), time: entry ? clock(entry.at) : "" })
    : t("audit.momentNone");
  $("moment-label").textContent = text;
  slider.setAttribute("aria-valuetext", text);
  $("moment-event").textContent = entry ? t("audit.momentEvent", { summary: entry.summary }) : "";
  const seqs = sequences();
  $("prev").disabled = !seqs.length || n <= seqs[0];
  $("next").disabled = !seqs.length || n >= seqs[seqs.length - 1];
  markTimeline(n, scroll);
}

/** Highlights the chosen event in the timeline; later events are dimmed. */
export function markTimeline(n, scroll = true) {
  let current = null;
  for (const li of timeline.children) {
    const seq = Number(li.dataset.sequence);
    const isCurrent = seq === n;
    li.classList.toggle("current", isCurrent);
    li.classList.toggle("future", seq > n);
    const button = li.querySelector("button");
    if (button) {
      if (isCurrent) button.setAttribute("aria-current", "step"); else button.removeAttribute("aria-current");
    }
    if (isCurrent) current = li;
  }
  if (scroll && current && !current.hidden) {
    // Scroll the timeline's own box only, never the page.
    const top = current.offsetTop; // the list is the positioned parent
    const bottom = top + current.offsetHeight;
    if (top < timeline.scrollTop) timeline.scrollTop = top;
    else if (bottom > timeline.scrollTop + timeline.clientHeight) timeline.scrollTop = bottom - timeline.clientHeight;
  }
}

/** Moves the slider to a sequence and loads that board now (clicks, buttons) or soon (dragging). */
export function goTo(sequence, { immediate = true, scroll = true, remember = true } = {}) {
  const n = Math.max(Number(slider.min), Math.min(Number(slider.max), Number(sequence)));
  slider.value = String(n);
  updateMomentLabel(scroll);
  clearTimeout(debounce);
  if (immediate) loadBoard(n, remember);
  else debounce = setTimeout(() => loadBoard(n, remember), 150);
}

function step(direction) {
  const n = Number(slider.value);
  const seqs = sequences();
  const target = direction < 0 ? [...seqs].reverse().find(s => s < n) : seqs.find(s => s > n);
  if (target !== undefined) goTo(target);
}

/** The slider's range, once the history is (re)loaded. */
export function setRange() {
  slider.min = "0";
  slider.max = String(lastSequence());
  slider.disabled = audited.history.length === 0;
}

export const currentMoment = () => Number(slider.value);

/** Stays at moment n (the history read again), without loading its board again. */
export function stayAt(n) {
  slider.value = String(n);
  updateMomentLabel();
}

slider.addEventListener("input", () => {
  updateMomentLabel();
  clearTimeout(debounce);
  const n = Number(slider.value);
  debounce = setTimeout(() => loadBoard(n, true), 150);
});
$("prev").addEventListener("click", () => step(-1));
$("next").addEventListener("click", () => step(1));
