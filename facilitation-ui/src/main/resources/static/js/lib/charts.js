/* Who took part, drawn as plain HTML bar charts that print and read aloud. */
import { el } from "./dom.js";
import { t, valueLabel } from "./words.js";

/**
 * Who took part (GET …/participation), as one small bar chart per attribute of the registration
 * form: each value's share and count, largest first. Plain HTML, so it prints and reads aloud;
 * widths are set through the CSSOM, which the pages' Content-Security-Policy allows.
 */
export function participationCharts(view) {
  const root = el("div", { class: "participation-charts" });
  if (!view || !view.registered) {
    root.append(el("p", { class: "muted", text: t("participation.none") }));
    return root;
  }
  root.append(el("p", { class: "participation-total", text: t("participation.total", { registered: view.registered, seated: view.seated }) }));
  const grid = el("div", { class: "chart-grid" });
  for (const dimension of ["gender", "ageGroup", "area", "territory", "organizationType", "sector"]) {
    const counts = [...(view.breakdowns[dimension] || [])].sort((a, b) => b.count - a.count);
    const bars = el("ul", { class: "bars" });
    for (const count of counts) {
      const percent = Math.round(count.share * 100);
      const bar = el("span", { class: "bar", "aria-hidden": "true" });
      bar.style.width = percent + "%";
      bars.append(el("li", { "data-value": count.value },
        el("span", { class: "bar-label", text: valueLabel(dimension, count.value) }),
        el("span", { class: "bar-track" }, bar),
        el("span", { class: "bar-value", text: percent + " % (" + count.count + ")" })));
    }
    grid.append(el("figure", { class: "chart", "data-dimension": dimension },
      el("figcaption", { text: t("participation." + dimension) }), bars));
  }
  root.append(grid);
  return root;
}
