/*
 * Fitting piece texts into whole lines on the projector: never a line cut through its letters,
 * never a word split but at its syllables; a text that does not fit ends in an ellipsis.
 */
import { lang } from "../lib/words.js";

/** Piece text sizes the overview tries, largest first; it never goes under 20px. */
export const OVERVIEW_FONTS = [30, 28, 26, 24, 22, 20];
export const FOCUS_FONT = 34;

/** Puts one view on the board area, in place of the one before. */
export function show(node) {
  document.getElementById("board").replaceChildren(node);
  return node;
}

function lineHeight(element) {
  return parseFloat(getComputedStyle(element).lineHeight);
}

/** How far the box's children reach past (positive) or short of (negative) its inner bottom edge. */
export function overflowOf(box) {
  const bottom = box.getBoundingClientRect().bottom - parseFloat(getComputedStyle(box).paddingBottom);
  const reach = Math.max(...[...box.children].map(child => child.getBoundingClientRect().bottom));
  return reach - bottom;
}

/**
 * Gives each piece text as many whole lines as its box has room for, one line at a time in
 * reading order (need, solution, plan), and ends the rest with an ellipsis. A box too small even
 * for one line each leaves the later texts out (the colour stays). Marks each shortened text with
 * data-clamped="true" and answers whether any was shortened or held a word wider than its line.
 */
export function fitLines(root) {
  const all = [...root.querySelectorAll(".piece .text")];
  all.forEach(text => text.classList.remove("dropped"));
  const unseen = all.filter(text => text.getClientRects().length === 0); // left out by the layout (a crowded overview's plans)
  unseen.forEach(text => { text.dataset.clamped = "true"; });
  const texts = all.filter(text => !unseen.includes(text));
  texts.forEach(text => {
    text.style.setProperty("-webkit-line-clamp", "none");
    text.classList.remove("long-word");
  });
  // A word wider than a whole line is hyphenated at its syllables (Spanish rules, when the
  // projector speaks Spanish); one that still does not fit (a long link) may break. Others never do.
  const wider = () => texts.filter(text => text.scrollWidth > text.clientWidth + 1);
  if (lang() === "es") wider().forEach(text => { text.textContent = text.textContent.replace(/\p{L}{8,}/gu, syllables); });
  const tooWide = wider();
  tooWide.forEach(text => text.classList.add("long-word"));
  const lines = new Map(texts.map(text => [text, Math.max(1, Math.round(text.scrollHeight / lineHeight(text)))]));
  const clamp = new Map(texts.map(text => [text, 1]));
  texts.forEach(text => text.style.setProperty("-webkit-line-clamp", "1"));

  const boxes = [...root.querySelectorAll(root.dataset.layout === "rows" ? ".pieces" : ".stack")];
  const spare = boxes.map(box => -overflowOf(box));
  boxes.forEach((box, i) => {
    const own = [...box.querySelectorAll(".piece .text")].filter(text => !unseen.includes(text));
    let room = spare[i];
    for (let given = true; given;) {
      given = false;
      for (const text of own) {
        const height = lineHeight(text);
        if (clamp.get(text) < lines.get(text) && height <= room) {
          clamp.set(text, clamp.get(text) + 1);
          room -= height;
          given = true;
        }
      }
    }
  });
  texts.forEach(text => text.style.setProperty("-webkit-line-clamp", String(clamp.get(text))));

  boxes.filter(box => overflowOf(box) > 0.5).forEach(box => {
    const last = [...box.querySelectorAll(".piece .text")].reverse();
    for (const text of last) {
      if (overflowOf(box) <= 0.5) break;
      text.classList.add("dropped");
    }
  });
  let shortened = tooWide.length > 0 || unseen.length > 0;
  texts.forEach(text => {
    const cut = text.classList.contains("dropped") || clamp.get(text) < lines.get(text);
    text.dataset.clamped = String(cut);
    shortened = shortened || cut;
  });
  return shortened;
}

const VOWELS = "aeiouáéíóúü";
const INSEPARABLE = ["bl", "br", "cl", "cr", "dr", "fl", "fr", "gl", "gr", "kl", "kr", "pl", "pr", "tr", "ch", "ll", "rr", "qu", "gu"];

/**
 * A Spanish word with soft hyphens between its syllables: V-CV, VC-CV, V-CCV before an
 * inseparable pair (pr, bl, ch, ll, qu…), VC-CCV or VCC-CV with three consonants; never between
 * vowels, and never leaving fewer than two letters on either side ("or­ga­ni­za­cio­nes").
 */
function syllables(word) {
  const lower = word.toLowerCase();
  const silentU = i => lower[i] === "u" && "qg".includes(lower[i - 1]) && "eéií".includes(lower[i + 1] || "");
  const vowel = i => VOWELS.includes(lower[i]) && !silentU(i);
  const breaks = [];
  let i = 0;
  while (i < lower.length && !vowel(i)) i++;
  while (i < lower.length) {
    while (i < lower.length && vowel(i)) i++;
    const start = i;
    while (i < lower.length && !vowel(i)) i++;
    if (i >= lower.length) break;
    const run = i - start;
    const lastTwo = INSEPARABLE.includes(lower.slice(i - 2, i));
    const at = run === 1 ? start : run === 2 ? (lastTwo ? start : start + 1) : run === 3 ? (lastTwo ? start + 1 : start + 2) : start + 2;
    if (at >= 2 && word.length - at >= 2) breaks.push(at);
  }
  return breaks.reduceRight((text, at) => text.slice(0, at) + "\u00AD" + text.slice(at), word);
}
