/*
 * The projector's focuses, where texts the overview shortened are read whole: one axis large, its
 * tables in pages; and the spotlight, a table that just pinned, shown large for a few seconds.
 */
import { puzzle } from "../lib/board.js";
import { el } from "../lib/dom.js";
import { t } from "../lib/words.js";
import { FOCUS_FONT, OVERVIEW_FONTS, fitLines, overflowOf, show } from "./fit.js";

/** One axis at focus size, showing the given tables. */
function focusPuzzle(board, axis, tables, label) {
  const root = show(puzzle({ ...board, axes: [{ ...axis, tables }] }));
  root.classList.add("focus");
  root.dataset.layout = "cols";
  root.style.setProperty("--piece-font", FOCUS_FONT + "px");
  root.querySelector(".axis-title").append(el("span", { class: "page-of", text: label }));
  return root;
}

/**
 * A table too tall for the page even alone is shown smaller, down to the overview's largest size,
 * and only then shortened at whole lines: whole text a little smaller reads better than an ellipsis.
 */
function keepToPage(root) {
  const list = root.querySelector(".tables");
  for (let size = FOCUS_FONT - 2; size >= OVERVIEW_FONTS[0] && overflowOf(list) > 0.5; size -= 2) {
    root.style.setProperty("--piece-font", size + "px");
  }
  if (overflowOf(list) > 0.5) {
    list.querySelectorAll(".table").forEach(card => card.classList.add("constrained"));
    fitLines(root);
  }
}

function labelFor(board, axisIndex, from, to, count) {
  return t("projector.view.axis", { n: axisIndex + 1, total: board.axes.length }) + " · "
    + t("projector.view.tables", { from, to, count });
}

/** The axis's tables that have pieces, in pages that each show whole at focus size. */
export function pagesOf(board, axisIndex) {
  const axis = board.axes[axisIndex];
  const tables = axis.tables.filter(table => table.pieces.length > 0);
  if (!tables.length) return [];
  const root = focusPuzzle(board, axis, tables, labelFor(board, axisIndex, 1, tables.length, tables.length));
  const list = root.querySelector(".tables");
  const room = list.clientHeight;
  const gap = parseFloat(getComputedStyle(list).rowGap) || 0;
  const heights = [...list.children].map(card => card.getBoundingClientRect().height);
  const pages = [];
  let used = Infinity;
  tables.forEach((table, i) => {
    if (used + gap + heights[i] > room) {
      pages.push([]);
      used = heights[i];
    } else {
      used += gap + heights[i];
    }
    pages[pages.length - 1].push(table);
  });
  return pages;
}

/** The page view.page of axis view.axis (moved back to its last page if it has fewer now); answers its label. */
export function axisFocus(board, view) {
  const pages = pagesOf(board, view.axis);
  if (!pages.length) {
    const label = t("projector.view.axis", { n: view.axis + 1, total: board.axes.length });
    focusPuzzle(board, board.axes[view.axis], [], label);
    return label;
  }
  view.page = Math.min(view.page, pages.length - 1);
  const before = pages.slice(0, view.page).reduce((sum, page) => sum + page.length, 0);
  const count = pages.reduce((sum, page) => sum + page.length, 0);
  const label = labelFor(board, view.axis, before + 1, before + pages[view.page].length, count);
  const root = focusPuzzle(board, board.axes[view.axis], pages[view.page], label);
  keepToPage(root);
  return label;
}

/** The table in the spotlight, large, with a banner; answers the banner, or null when the table is gone. */
export function spotlightView(board, spotlight) {
  const axisIndex = board.axes.findIndex(axis => axis.axisId === spotlight.axisId);
  const table = axisIndex < 0 ? null : board.axes[axisIndex].tables.find(each => each.tableId === spotlight.tableId);
  if (!table) return null;
  const banner = t("projector.pinned", { table: table.label });
  const root = focusPuzzle(board, board.axes[axisIndex], [table], t("projector.view.axis", { n: axisIndex + 1, total: board.axes.length }));
  root.classList.add("spotlight");
  const axisColumn = root.querySelector(".axis");
  axisColumn.insertBefore(el("p", { class: "spotlight-banner", text: banner }), axisColumn.querySelector(".tables"));
  keepToPage(root);
  return banner;
}
