/*
 * The projector: the live solidarity puzzle with the step's countdown and the join QR.
 *
 * The overview shows every table, each piece with as many whole lines as fit (never a line cut
 * through its letters, never a word split); a text that does not fit ends in an ellipsis and is
 * read whole in a focus: one axis large, its tables in pages. The projector goes through the
 * focuses by itself when the overview shortens something, and the facilitator drives it from
 * the keyboard. A table that pins is shown large for a few seconds, then the view goes back.
 */
(() => {
  const { el, t, lang, api, followBoard, puzzle, countdown, stepLine, statusLine, translate, languageToggle, pathIds } = Minga;
  const [assemblyId] = pathIds();
  /** Piece text sizes the overview tries, largest first; it never goes under 20px. */
  const OVERVIEW_FONTS = [30, 28, 26, 24, 22, 20];
  const FOCUS_FONT = 34;
  const OVERVIEW_SECONDS = 20;
  const PAGE_SECONDS = 20;
  const PIN_SECONDS = 10; // a table that pins stays large this long
  const PIN_LEAST_SECONDS = 4; // before a newer pin takes its place (pins come in bursts; only the newest waits)

  const area = document.getElementById("board");
  let board = null;
  let view = { kind: "overview" }; // or { kind: "axis", axis: index, page: index }
  let cycling = true; // the projector moves on by itself; P or Space pauses it, and so does any other key
  let nextAt = Date.now() + OVERVIEW_SECONDS * 1000;
  let overviewShortens = false; // some text in the overview ends in an ellipsis
  let pageLabel = "";
  let waitingPin = null; // the newest table that pinned while another was shown large
  let spotlight = null; // { axisId, tableId, since, until }
  let newestPin = null;
  let shownKey = "";
  let joinAnswer = null;

  document.getElementById("lang").append(languageToggle());
  translate();

  // ---- fitting text into whole lines ----

  function lineHeight(element) {
    return parseFloat(getComputedStyle(element).lineHeight);
  }

  /** How far the box's children reach past (positive) or short of (negative) its inner bottom edge. */
  function overflowOf(box) {
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
  function fitLines(root) {
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

  function show(node) {
    area.replaceChildren(node);
    return node;
  }

  // ---- the three views ----

  /** Every table; the largest type at which nothing is shortened, else the density's least. */
  function overview() {
    const mostTables = Math.max(1, ...board.axes.map(axis => axis.tables.length));
    const least = mostTables >= 4 ? 20 : mostTables === 3 ? 22 : 24;
    const root = show(puzzle(board));
    root.dataset.layout = mostTables <= 2 ? "rows" : "cols";
    // Four tables or more to a column: the plans show as a strip, and their words in the focus.
    root.classList.toggle("crowded", mostTables >= 4);
    const newest = newestPin && root.querySelector("[data-table='" + CSS.escape(newestPin) + "']");
    if (newest) newest.classList.add("newest");
    for (const size of OVERVIEW_FONTS.filter(size => size >= least)) {
      root.style.setProperty("--piece-font", size + "px");
      overviewShortens = fitLines(root);
      if (!overviewShortens) break;
    }
    return root;
  }

  /** One axis at focus size, showing the given tables. */
  function focusPuzzle(axis, tables, label) {
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

  /** The axis's tables that have pieces, in pages that each show whole at focus size. */
  function pagesOf(axisIndex) {
    const axis = board.axes[axisIndex];
    const tables = axis.tables.filter(table => table.pieces.length > 0);
    if (!tables.length) return [];
    const root = focusPuzzle(axis, tables, labelFor(axisIndex, 1, tables.length, tables.length));
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

  function labelFor(axisIndex, from, to, count) {
    return t("projector.view.axis", { n: axisIndex + 1, total: board.axes.length }) + " · "
      + t("projector.view.tables", { from, to, count });
  }

  function axisFocus() {
    const pages = pagesOf(view.axis);
    if (!pages.length) {
      pageLabel = t("projector.view.axis", { n: view.axis + 1, total: board.axes.length });
      return focusPuzzle(board.axes[view.axis], [], pageLabel);
    }
    view.page = Math.min(view.page, pages.length - 1);
    const before = pages.slice(0, view.page).reduce((sum, page) => sum + page.length, 0);
    const count = pages.reduce((sum, page) => sum + page.length, 0);
    pageLabel = labelFor(view.axis, before + 1, before + pages[view.page].length, count);
    const root = focusPuzzle(board.axes[view.axis], pages[view.page], pageLabel);
    keepToPage(root);
    return root;
  }

  function spotlightView() {
    const axisIndex = board.axes.findIndex(axis => axis.axisId === spotlight.axisId);
    const table = axisIndex < 0 ? null : board.axes[axisIndex].tables.find(each => each.tableId === spotlight.tableId);
    if (!table) return null;
    pageLabel = t("projector.pinned", { table: table.label });
    const root = focusPuzzle(board.axes[axisIndex], [table], t("projector.view.axis", { n: axisIndex + 1, total: board.axes.length }));
    root.classList.add("spotlight");
    const axisColumn = root.querySelector(".axis");
    axisColumn.insertBefore(el("p", { class: "spotlight-banner", text: pageLabel }), axisColumn.querySelector(".tables"));
    keepToPage(root);
    return root;
  }

  // ---- moving between views ----

  function viewKey() {
    return spotlight ? "pin " + spotlight.axisId + " " + spotlight.tableId : [view.kind, view.axis, view.page].join(" ");
  }

  /** The overview, then every page of every axis that has pieces. */
  function stops() {
    const list = [{ kind: "overview" }];
    board.axes.forEach((axis, a) => pagesOf(a).forEach((page, p) => list.push({ kind: "axis", axis: a, page: p })));
    return list;
  }

  function restartDwell() {
    nextAt = Date.now() + (view.kind === "overview" ? OVERVIEW_SECONDS : PAGE_SECONDS) * 1000;
  }

  function go(next) {
    view = next;
    restartDwell();
    render();
  }

  function move(delta) {
    const list = stops();
    const here = list.findIndex(stop => stop.kind === view.kind && stop.axis === view.axis && stop.page === view.page);
    go(list[(Math.max(here, 0) + delta + list.length) % list.length]);
  }

  function showWaitingPin() {
    const now = Date.now();
    spotlight = waitingPin ? { ...waitingPin, since: now, until: now + PIN_SECONDS * 1000 } : null;
    waitingPin = null;
  }

  function pinnedTables(state) {
    return state.axes.flatMap(axis => axis.tables.filter(table => table.pinned).map(table => ({ axisId: axis.axisId, tableId: table.tableId })));
  }

  function onBoard(next) {
    const before = board && new Set(pinnedTables(board).map(pin => pin.axisId + " " + pin.tableId));
    board = next;
    if (before) {
      for (const pin of pinnedTables(next)) {
        if (before.has(pin.axisId + " " + pin.tableId)) continue;
        waitingPin = pin;
        newestPin = pin.tableId;
      }
    }
    if (!spotlight) showWaitingPin();
    render();
  }

  /** The facilitator's keys: a key other than P or Space takes over from the cycle, which P or Space starts again. */
  function onKey(event) {
    if (!board || event.ctrlKey || event.altKey || event.metaKey) return;
    if ((event.key === " " || event.key === "Enter") && event.target.closest("button, a")) return;
    const key = event.key;
    const axisIndex = /^[1-9]$/.test(key) ? Number(key) - 1 : -1;
    if (key === "p" || key === "P" || key === " ") {
      cycling = !cycling;
      restartDwell();
      footer();
    } else if (key === "Escape" || key === "0") {
      takeOver();
      go({ kind: "overview" });
    } else if (axisIndex >= 0 && axisIndex < board.axes.length) {
      takeOver();
      const again = view.kind === "axis" && view.axis === axisIndex;
      const pages = again ? pagesOf(axisIndex).length : 1;
      go({ kind: "axis", axis: axisIndex, page: again && pages ? (view.page + 1) % pages : 0 });
    } else if (["ArrowRight", "ArrowDown", "PageDown"].includes(key)) {
      takeOver();
      move(1);
    } else if (["ArrowLeft", "ArrowUp", "PageUp"].includes(key)) {
      takeOver();
      move(-1);
    } else {
      return;
    }
    event.preventDefault();
  }

  function takeOver() {
    cycling = false;
    spotlight = null;
    waitingPin = null;
  }

  // ---- header, footer, clock ----

  function header() {
    document.title = board.title + " · Minga";
    document.getElementById("title").textContent = board.title;
    document.getElementById("status").textContent = statusLine(board.status, board.step);
    document.getElementById("step-name").textContent = stepLine(board.step);
  }

  function footer() {
    document.getElementById("view-name").textContent = spotlight || view.kind === "axis" ? pageLabel : t("projector.view.overview");
    const cycle = document.getElementById("cycle");
    const seconds = Math.max(0, Math.ceil(((spotlight ? spotlight.until : nextAt) - Date.now()) / 1000));
    cycle.textContent = !cycling ? t("projector.cycle.paused")
      : overviewShortens ? t("projector.cycle.next", { seconds }) : t("projector.cycle.allShown");
    cycle.classList.toggle("paused", !cycling);
  }

  function legend() {
    const entry = (keys, label) => el("span", {}, keys.map(key => el("kbd", { text: key })), t(label));
    document.getElementById("legend").replaceChildren(
      entry(["←", "→"], "projector.key.move"),
      entry(["1–" + Math.min(9, Math.max(1, board.axes.length))], "projector.key.axis"),
      entry(["0", "Esc"], "projector.key.overview"),
      entry(["P"], "projector.key.pause"));
  }

  function render() {
    if (!board) return;
    header();
    legend();
    while (spotlight && !spotlightView()) showWaitingPin();
    if (!spotlight) {
      if (view.kind === "axis" && view.axis >= board.axes.length) view = { kind: "overview" };
      if (view.kind === "axis") axisFocus();
      else overview();
    }
    const key = viewKey();
    if (key !== shownKey && area.firstElementChild) area.firstElementChild.classList.add("entering");
    shownKey = key;
    tick();
  }

  function tick() {
    if (!board) return;
    const clock = document.getElementById("countdown");
    const { text, overtime } = board.step.open ? countdown(board.step) : { text: "", overtime: false };
    clock.textContent = text;
    clock.classList.toggle("overtime", overtime);
    clock.classList.toggle("paused", !!(board.step.open && board.step.pausedAt));
    clock.setAttribute("aria-label", overtime ? t("overtime") + " " + text : text);
    const now = Date.now();
    if (spotlight && (now >= spotlight.until || waitingPin && now >= spotlight.since + PIN_LEAST_SECONDS * 1000)) {
      showWaitingPin();
      restartDwell();
      render();
      return;
    }
    if (!spotlight && cycling && overviewShortens && now >= nextAt) {
      move(1);
      return;
    }
    footer();
  }

  // ---- the join QR ----

  async function showJoinLink() {
    const answer = await api("GET", "/api/join-address").catch(() => null);
    joinAnswer = answer && answer.ok ? answer.data : null;
    const url = (joinAnswer ? joinAnswer.baseUrl : location.origin) + "/table/" + encodeURIComponent(assemblyId);
    const link = document.getElementById("join-link");
    link.textContent = url.replace(/^https?:\/\//, "");
    link.href = url;
    document.getElementById("qr").src = "/qr.svg?text=" + encodeURIComponent(url);
    joinWarning();
  }

  /**
   * Phones cannot reach a loopback address: the warning takes the QR code's place (a code no phone
   * can follow helps nobody), within the header's height so the board keeps its room.
   */
  function joinWarning() {
    const warning = document.getElementById("join-warning");
    warning.hidden = !(joinAnswer && joinAnswer.reachable === false);
    warning.textContent = warning.hidden ? "" : t("projector.unreachable");
    warning.closest(".join").classList.toggle("unreachable", !warning.hidden);
  }

  followBoard(assemblyId, onBoard, state => {
    const live = document.getElementById("live");
    live.textContent = t(state === "online" ? "live.online" : "live.reconnecting");
    live.classList.toggle("reconnecting", state !== "online");
  });
  document.addEventListener("minga:lang", () => { render(); joinWarning(); });
  document.addEventListener("keydown", onKey);
  window.addEventListener("resize", render);
  setInterval(tick, 500);
  showJoinLink();
})();
