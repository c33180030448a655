/* The projector's overview: every table of every axis at once. */
import { puzzle } from "../lib/board.js";
import { OVERVIEW_FONTS, fitLines, show } from "./fit.js";

/**
 * Every table, at the largest type at which nothing is shortened, else the density's least; the
 * newest pinned table marked. Answers whether some text still ends in an ellipsis.
 */
export function overview(board, newestPin) {
  const mostTables = Math.max(1, ...board.axes.map(axis => axis.tables.length));
  const least = mostTables >= 4 ? 20 : mostTables === 3 ? 22 : 24;
  const root = show(puzzle(board));
  root.dataset.layout = mostTables <= 2 ? "rows" : "cols";
  // Four tables or more to a column: the plans show as a strip, and their words in the focus.
  root.classList.toggle("crowded", mostTables >= 4);
  const newest = newestPin && root.querySelector("[data-table='" + CSS.escape(newestPin) + "']");
  if (newest) newest.classList.add("newest");
  let shortens = false;
  for (const size of OVERVIEW_FONTS.filter(size => size >= least)) {
    root.style.setProperty("--piece-font", size + "px");
    shortens = fitLines(root);
    if (!shortens) break;
  }
  return shortens;
}
