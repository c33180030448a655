/*
 * Steps and time: open and close each step with its minutes, −5/+5 min, pause and resume, and the
 * keyboard (Space pauses or resumes, N opens the next step). The step shown is the board stream's.
 */
import { countdown, stepLine, STEPS } from "../lib/board.js";
import { el } from "../lib/dom.js";
import { t } from "../lib/words.js";
import { refresh } from "./reading.js";
import { currentStep, on, state } from "./state.js";
import { $, call, problemText, showAlert, showNotice } from "./ui.js";

export function startSteps() {
  buildSteps();
  renderSteps();
  on("summary", renderSteps);
  on("board", renderSteps);
  document.addEventListener("minga:lang", renderSteps);
  startShortcuts();
  setInterval(tick, 500);
}

function buildSteps() {
  const rows = STEPS.map((step, i) => {
    const minutes = el("input", { id: "minutes-" + step, type: "number", min: "1", max: "240", step: "1",
      inputmode: "numeric", "data-step-minutes": step });
    return el("div", { class: "step-row", "data-step-row": step },
      el("span", { class: "step-number", text: String(i + 1) }),
      el("span", { class: "step-title", id: "step-title-" + step }),
      el("span", { class: "step-state", id: "step-state-" + step }),
      el("div", { class: "step-minutes" }, el("label", { for: minutes.id, id: "minutes-label-" + step }), minutes),
      el("div", { class: "step-buttons" },
        el("button", { type: "button", id: "open-" + step, "data-step": step, "data-action": "open",
          onclick: e => { releaseFocus(e); openStep(step); } }),
        el("button", { type: "button", id: "close-" + step, class: "secondary", "data-step": step, "data-action": "close",
          onclick: e => { releaseFocus(e); closeStep(step); } })));
  });
  $("steps").replaceChildren(...rows);
  STEPS.forEach(step => $("minutes-" + step).addEventListener("input", e => { e.target.dataset.dirty = "1"; }));
  ["more-time", "less-time"].forEach(id => $(id).addEventListener("click", e => {
    releaseFocus(e);
    changeTime(Number(e.currentTarget.dataset.minutes));
  }));
  $("pause-step").addEventListener("click", e => { releaseFocus(e); togglePause(); });
}

/** After a mouse click, a step button gives focus back to the page so Space keeps driving the timer. */
function releaseFocus(e) {
  if (e.detail > 0 && e.currentTarget && e.currentTarget.blur) e.currentTarget.blur();
}

function renderSteps() {
  const step = currentStep();
  STEPS.forEach(code => {
    const name = t("step." + code);
    $("step-title-" + code).textContent = name;
    $("minutes-label-" + code).textContent = t("console.step.minutes");
    const minutes = $("minutes-" + code);
    minutes.setAttribute("aria-label", t("console.step.minutesFor", { step: name }));
    if (!minutes.dataset.dirty && state.summary) {
      const box = (state.summary.timeboxes || []).find(b => b.step === code);
      if (box && String(minutes.value) !== String(box.minutes)) minutes.value = box.minutes;
    }
    const open = $("open-" + code), close = $("close-" + code);
    open.textContent = t("console.step.open");
    open.setAttribute("aria-label", t("console.step.openLabel", { step: name }));
    close.textContent = t("console.step.close");
    close.setAttribute("aria-label", t("console.step.closeLabel", { step: name }));
    const isCurrent = step.current === code;
    const row = document.querySelector('[data-step-row="' + code + '"]');
    row.classList.toggle("current", isCurrent);
    row.classList.toggle("open", isCurrent && step.open);
    $("step-state-" + code).textContent = isCurrent ? (step.open ? t("console.step.isOpen") : t("console.step.isClosed")) : "";
  });
  $("step-name").textContent = stepLine(step);
  $("more-time").setAttribute("aria-label", t("console.step.moreTimeLabel"));
  $("less-time").setAttribute("aria-label", t("console.step.lessTimeLabel"));
  $("shortcut-hint").replaceChildren(t("console.shortcuts.title"), " ",
    el("kbd", { text: t("console.shortcuts.space") }), " " + t("console.shortcuts.spaceDoes") + " · ",
    el("kbd", { text: t("console.shortcuts.n") }), " " + t("console.shortcuts.nDoes"));
  tick();
}

/** The countdown and the pause button, every half second. */
function tick() {
  const step = currentStep();
  $("time-change").hidden = !step.open;
  const clock = $("countdown");
  const { text, overtime } = step.open ? countdown(step) : { text: "", overtime: false };
  clock.textContent = text;
  clock.classList.toggle("overtime", overtime);
  clock.classList.toggle("paused", !!(step.open && step.pausedAt));
  const pause = $("pause-step");
  pause.textContent = t(step.pausedAt ? "console.step.resume" : "console.step.pause");
  pause.setAttribute("aria-label", t(step.pausedAt ? "console.step.resumeLabel" : "console.step.pauseLabel"));
  pause.setAttribute("aria-pressed", step.pausedAt ? "true" : "false");
  if (text) clock.setAttribute("aria-label", t(overtime ? "console.step.overtime" : "console.step.left", { time: text.replace(/^\+/, "") }));
  else clock.removeAttribute("aria-label");
}

/** Sends a step command, says what it did (or why not) and reads the assembly again. */
async function stepCommand(path, body, done) {
  const answer = await call("POST", state.base + "/steps/" + path, body);
  if (answer && answer.ok) showNotice(done);
  else showAlert(problemText(answer));
  refresh();
}

/** −5 / +5 minutes for the running step: its countdown moves everywhere, and the history says so. */
function changeTime(minutes) {
  const step = currentStep();
  if (!step.current || !step.open) return;
  stepCommand(step.current + "/extend", { minutes }, t(minutes > 0 ? "console.step.moreTime" : "console.step.lessTime",
    { step: t("step." + step.current), minutes: Math.abs(minutes) }));
}

/** Pauses the running step's countdown on every screen, or lets it run again with the time it had left. */
function togglePause() {
  const step = currentStep();
  if (!step.current || !step.open) { showNotice(t("console.step.nothingToPause")); return; }
  const action = step.pausedAt ? "resume" : "pause";
  stepCommand(step.current + "/" + action, {}, t(action === "pause" ? "console.step.paused" : "console.step.resumed", { step: t("step." + step.current) }));
}

function openStep(step) {
  // The minutes typed for the step; an empty box lets the server use the assembly's timebox.
  const raw = $("minutes-" + step).value.trim();
  stepCommand(step + "/open", raw === "" ? {} : { minutes: Number(raw) }, t("console.step.opened", { step: t("step." + step) }));
}

function closeStep(step) {
  stepCommand(step + "/close", {}, t("console.step.closedNow", { step: t("step." + step) }));
}

function openNextStep() {
  const step = currentStep();
  const next = step.current ? STEPS[STEPS.indexOf(step.current) + 1] : "needs";
  if (!next) { showNotice(t("console.step.noNext")); return; }
  openStep(next);
}

/* Keyboard: Space pauses or resumes the running step, N opens the next one, unless typing or choosing. */
const SHORTCUTS_KEY = "minga.console.shortcuts";
const TEXT_INPUTS = /^(text|search|email|number|tel|url|password|date|month|week|time|datetime-local|color|range)$/;

function typing(target) {
  if (!target || !target.tagName) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === "TEXTAREA" || tag === "SELECT") return true;
  if (tag === "INPUT") return TEXT_INPUTS.test(target.type) || ["checkbox", "radio", "file"].includes(target.type);
  return false;
}

function startShortcuts() {
  $("shortcuts-enabled").checked = localStorage.getItem(SHORTCUTS_KEY) !== "off";
  $("shortcuts-enabled").addEventListener("change", e => localStorage.setItem(SHORTCUTS_KEY, e.target.checked ? "on" : "off"));
  let spaceHandled = false;
  document.addEventListener("keydown", e => {
    if (!$("shortcuts-enabled").checked || e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
    if (e.key === " " || e.code === "Space") {
      e.preventDefault();   // no scrolling, and no click on a focused button: Space drives the timer
      spaceHandled = true;
      if (!e.repeat) togglePause();
    } else if (e.key === "n" || e.key === "N") {
      e.preventDefault();
      if (!e.repeat) openNextStep();
    }
  });
  document.addEventListener("keyup", e => {
    if ((e.key === " " || e.code === "Space") && spaceHandled) { e.preventDefault(); spaceHandled = false; }
  });
}
