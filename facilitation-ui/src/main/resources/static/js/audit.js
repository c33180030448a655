/*
 * The auditor's page: every event of an assembly as a timeline, the board exactly as the server
 * folds it after any chosen event, and where each agenda item came from. Everything that comes
 * from people or from the server is put on the page with textContent (Minga.el), never as markup.
 */

(() => {
  const { el, t, api, puzzle, stepName, translate, languageToggle, pathIds, lang, participationCharts } = Minga;
  const [assemblyId] = pathIds();
  const base = "/api/assemblies/" + encodeURIComponent(assemblyId || "");

  const $ = id => document.getElementById(id);
  const slider = $("moment");
  const timeline = $("timeline");
  const boardThen = $("board-then");

  let summary = null;      // GET /api/assemblies/{a}
  let history = [];        // GET …/history, oldest first
  let agenda = null;       // GET …/agenda
  let shownBoard = null;   // the server's answer for shownSequence
  let shownSequence = null;
  let boardRequest = 0;    // only the newest board request may draw
  let debounce = null;

  $("lang").append(languageToggle());
  translate();

  // ---------- formatting ----------

  const pad = n => String(n).padStart(2, "0");
  /** Local HH:MM:SS of an instant. */
  function clock(iso) {
    if (!iso) return "";
    const d = new Date(iso);
    if (isNaN(d)) return "";
    return pad(d.getHours()) + ":" + pad(d.getMinutes()) + ":" + pad(d.getSeconds());
  }
  /** Local date and time of an instant, in the page language. */
  function dateTime(iso) {
    if (!iso) return "";
    const d = new Date(iso);
    if (isNaN(d)) return String(iso);
    return d.toLocaleDateString(lang() === "en" ? "en-GB" : "es", { day: "numeric", month: "long", year: "numeric" })
      + " " + clock(iso);
  }
  /** A calendar date such as 2026-03-14, in the page language, without time-zone shifts. */
  function calendarDate(day) {
    if (!day) return "";
    const d = new Date(day + "T00:00:00Z");
    if (isNaN(d)) return String(day);
    return d.toLocaleDateString(lang() === "en" ? "en-GB" : "es",
      { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  }
  function timeEl(iso) {
    return el("time", { class: "time", datetime: iso, title: dateTime(iso), text: clock(iso) });
  }

  function tableInfo(tableId) {
    const table = summary && (summary.tables || []).find(x => x.tableId === tableId);
    return table || null;
  }
  function tableLabel(tableId) {
    const table = tableInfo(tableId);
    return table && table.label ? table.label : tableId;
  }
  function axisTitle(axisId) {
    const axis = summary && (summary.axes || []).find(x => x.axisId === axisId);
    return axis && axis.title ? axis.title : axisId;
  }

  function decisionText(approval, status) {
    if (!approval || status !== "approved") return t("audit.draft");
    const at = dateTime(approval.approvedAt);
    if (approval.method === "vote") {
      return t("audit.approvedVote", { at, inFavor: approval.inFavor ?? 0, against: approval.against ?? 0,
        abstentions: approval.abstentions ?? 0 });
    }
    return t("audit.approvedConsensus", { at });
  }

  function showError(message) {
    $("alert").textContent = message || "";
  }

  // ---------- the moment: slider, previous / next ----------

  const sequences = () => history.map(e => e.sequence);
  const lastSequence = () => (history.length ? history[history.length - 1].sequence : 0);
  /** The history entry of a sequence, or the latest one before it. */
  function entryAt(sequence) {
    let found = null;
    for (const entry of history) {
      if (entry.sequence <= sequence) found = entry; else break;
    }
    return found;
  }

  function updateMomentLabel(scroll = true) {
    const n = Number(slider.value);
    const entry = entryAt(n);
    const text = history.length
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
  function markTimeline(n, scroll = true) {
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
  function goTo(sequence, { immediate = true, scroll = true, remember = true } = {}) {
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

  slider.addEventListener("input", () => {
    updateMomentLabel();
    clearTimeout(debounce);
    const n = Number(slider.value);
    debounce = setTimeout(() => loadBoard(n, true), 150);
  });
  $("prev").addEventListener("click", () => step(-1));
  $("next").addEventListener("click", () => step(1));

  // ---------- the board as it stood ----------

  /** Fetches the server's board after event n and draws exactly that; remember puts n in the address (#sequence=n). */
  async function loadBoard(n, remember) {
    const request = ++boardRequest;
    boardThen.setAttribute("aria-busy", "true");
    boardThen.classList.add("loading");
    const answer = await api("GET", base + "/board?sequence=" + encodeURIComponent(n)).catch(() => null);
    if (request !== boardRequest) return; // a newer moment was chosen meanwhile
    boardThen.removeAttribute("aria-busy");
    boardThen.classList.remove("loading");
    if (!answer || !answer.ok) {
      shownBoard = null;
      shownSequence = null;
      boardThen.removeAttribute("data-sequence");
      boardThen.replaceChildren(el("p", { class: "alert", role: "alert",
        text: answer && answer.problem && answer.problem.detail ? answer.problem.detail
          : !answer ? t("error.network") : t("audit.boardError", { seq: n }) }));
      $("step-then").textContent = "";
      return;
    }
    shownBoard = answer.data;
    shownSequence = n;
    renderBoard();
    if (remember) {
      try { window.history.replaceState(null, "", "#sequence=" + n); } catch (e) { /* file: or sandboxed */ }
    }
  }

  function stepThenText(board) {
    const s = board.step || {};
    let state = "";
    if (s.current) {
      state = s.open ? (s.deadline ? t("audit.stepOpenUntil", { time: clock(s.deadline) }) : t("audit.stepOpen"))
        : t("audit.stepClosed");
    }
    return t("audit.stepThen", { step: stepName(s) + (state ? " (" + state + ")" : "") })
      + (board.status ? " · " + t("audit.statusThen", { status: t("status." + board.status) }) : "");
  }

  function renderBoard() {
    if (!shownBoard) return;
    const board = shownBoard;
    const drawn = puzzle(board, { showMissing: true });
    drawn.style.setProperty("--axes", String(Math.max(1, (board.axes || []).length)));
    // Decorations only: whether a table had elected its spokesperson by then (and when), never who:
    // an auditor reads no participant's id or name. Empty places said in words.
    for (const axis of board.axes || []) {
      for (const table of axis.tables || []) {
        if (!table.spokespersonId) continue;
        const card = [...drawn.querySelectorAll("article.table")].find(a => a.dataset.table === table.tableId);
        const header = card && card.querySelector("header");
        const election = history.filter(e => e.tableId === table.tableId && e.type === "SpokespersonElectedEvent"
          && e.sequence <= shownSequence).pop();
        if (header) header.append(el("span", { class: "table-spokesperson",
          text: election ? t("audit.boardSpokespersonAt", { time: clock(election.at) }) : t("audit.boardSpokesperson") }));
      }
    }
    drawn.querySelectorAll(".tables").forEach(box => {
      if (!box.children.length) box.append(el("p", { class: "empty muted", text: t("audit.noTables") }));
    });
    drawn.querySelectorAll(".pieces").forEach(box => {
      if (!box.children.length) box.append(el("p", { class: "empty muted", text: t("audit.noPieces") }));
    });
    boardThen.replaceChildren(drawn);
    boardThen.dataset.sequence = String(shownSequence);
    boardThen.dataset.version = String(board.version);
    const stepText = stepThenText(board);
    $("step-then").textContent = stepText;
    const entry = entryAt(shownSequence);
    $("replay-status").textContent = t("audit.boardShown",
      { seq: shownSequence, time: entry ? clock(entry.at) : "", step: stepText });
  }

  // ---------- timeline ----------

  function entryKind(type) {
    if (/^NeedPiece/.test(type)) return "need";
    if (/^Solution/.test(type)) return "solution";
    if (/^WorkPlan/.test(type)) return "plan";
    if (/^Step/.test(type)) return "step";
    if (/Spokesperson|Pinned|Agenda|AssemblyClosed/.test(type)) return "decision";
    return "other";
  }

  function renderTimeline() {
    const hideRegistrations = $("hide-registrations").checked;
    timeline.replaceChildren(...history.map(entry => {
      const li = el("li", { "data-sequence": entry.sequence, "data-type": entry.type,
        class: "entry kind-" + entryKind(entry.type) });
      li.hidden = hideRegistrations && entry.type === "ParticipantRegisteredEvent";
      li.append(el("button", { type: "button", class: "entry-button",
        onclick: () => goTo(entry.sequence, { scroll: false }) },
      el("span", { class: "visually-hidden", text: t("audit.showBoardAfter") + " " }),
      el("span", { class: "entry-meta" },
        el("span", { class: "seq", text: t("audit.seq", { seq: entry.sequence }) }),
        timeEl(entry.at),
        entry.tableId ? el("span", { class: "table-tag", "data-table": entry.tableId, text: tableLabel(entry.tableId) }) : null),
      el("span", { class: "summary", text: entry.summary })));
      return li;
    }));
    markTimeline(Number(slider.value));
  }

  $("hide-registrations").addEventListener("change", () => {
    const hide = $("hide-registrations").checked;
    for (const li of timeline.children) li.hidden = hide && li.dataset.type === "ParticipantRegisteredEvent";
  });

  // ---------- provenance ----------

  /** One line of a trail: a button that shows the board after the event, its time and the server's sentence. */
  function trailItem(entry) {
    return el("li", { "data-sequence": entry.sequence, "data-type": entry.type, class: "kind-" + entryKind(entry.type) },
      el("button", { type: "button", class: "jump", onclick: () => { goTo(entry.sequence); $("board-then").scrollIntoView({ block: "start" }); } },
        el("span", { class: "visually-hidden", text: t("audit.showBoardAfter") + " " }),
        t("audit.seq", { seq: entry.sequence }) + " · " + clock(entry.at)),
      el("span", { class: "summary", text: entry.summary }));
  }

  function fact(label, ...values) {
    return [el("dt", { text: label }), el("dd", {}, ...values)];
  }

  /** The events that made one need: its own, its table's spokesperson, pins and unpins, and the plenary. */
  const TABLE_TRAIL = ["SpokespersonElectedEvent", "TablePuzzlePinnedEvent", "TablePuzzleUnpinnedEvent"];
  function trailOf(pieceId, tableId) {
    return history.filter(e => e.pieceId === pieceId
      || (e.tableId === tableId && TABLE_TRAIL.includes(e.type))
      || e.type === "AgendaApprovedEvent");
  }

  function provenanceArticle(item, index) {
    const pieceEvents = history.filter(e => e.pieceId === item.needPieceId);
    const added = pieceEvents.find(e => e.type === "NeedPieceAddedEvent");
    const label = tableLabel(item.tableId);
    const elections = history.filter(e => e.tableId === item.tableId && e.type === "SpokespersonElectedEvent");
    // The pin that put it on the agenda: the last one, when the puzzle was unpinned and pinned again.
    const pin = history.findLast(e => e.tableId === item.tableId && e.type === "TablePuzzlePinnedEvent");
    const election = elections.filter(e => !pin || e.sequence <= pin.sequence).pop() || elections[elections.length - 1];
    const orgs = item.cooperatingOrganizations || [];
    const who = item.who || [];

    return el("article", { class: "item", "data-piece": item.needPieceId, "data-table": item.tableId, "data-axis": item.axisId },
      el("header", {},
        el("p", { class: "item-number", text: t("audit.item", { n: index + 1 }) }),
        el("h3", { class: "need-text", text: item.need })),
      el("dl", { class: "facts" },
        fact(t("audit.axis"), el("span", { class: "axis-name", text: axisTitle(item.axisId) })),
        fact(t("audit.table"), el("span", { class: "table-name", text: label })),
        fact(t("audit.proposedBy"), el("span", { class: "proposed",
          text: added ? t("audit.proposedSentence", { table: label, time: clock(added.at) })
            : t("audit.proposedUnknown", { table: label }) })),
        fact(t("audit.solution"), el("span", { text: item.solution || t("audit.none") }),
          orgs.length ? el("span", { class: "orgs-line", text: t("audit.orgs", { orgs: orgs.join(", ") }) }) : null),
        fact(t("audit.plan"), el("span", { text: item.when
          ? t("audit.planValue", { who: who.length ? who.join(", ") : t("audit.none"), from: item.when.from, to: item.when.to })
          : (who.length ? who.join(", ") : t("audit.none")) })),
        // Whether and when, never who: the item's spokesperson is a participant's id.
        fact(t("audit.spokesperson"), el("span", { class: "spokesperson", "data-elected": item.spokespersonId ? "true" : "false",
          text: !item.spokespersonId ? t("audit.noSpokesperson")
            : election ? t("audit.spokespersonElected", { time: clock(election.at) })
              : t("audit.spokespersonValue") })),
        fact(t("audit.pin"), el("span", { class: "pin",
          text: pin ? t("audit.pinnedAt", { table: label, time: clock(pin.at) }) : t("audit.notPinned") })),
        fact(t("audit.plenary"), el("span", { class: "plenary", "data-status": agenda.status,
          text: decisionText(agenda.approval, agenda.status) }))),
      el("h4", { text: t("audit.trail") }),
      el("ol", { class: "trail" }, trailOf(item.needPieceId, item.tableId).map(trailItem)));
  }

  /** Needs written during the assembly that are not on the agenda: withdrawn, or their table never pinned. */
  function leftOutArticles() {
    const onAgenda = new Set((agenda.items || []).map(i => i.needPieceId));
    const pieces = [];
    for (const e of history) {
      if (e.type === "NeedPieceAddedEvent" && e.pieceId && !onAgenda.has(e.pieceId)
        && !pieces.some(p => p.pieceId === e.pieceId)) pieces.push({ pieceId: e.pieceId, tableId: e.tableId });
    }
    return pieces.map(({ pieceId, tableId }) => {
      const events = history.filter(e => e.pieceId === pieceId);
      const text = events.map(e => e.need).filter(Boolean).pop(); // as last written
      const withdrawn = events.some(e => e.type === "NeedPieceWithdrawnEvent");
      const table = tableInfo(tableId);
      const pinned = history.some(e => e.tableId === tableId && e.type === "TablePuzzlePinnedEvent");
      return el("article", { class: "item left-out", "data-piece": pieceId, "data-table": tableId || "" },
        el("header", {},
          el("h3", { class: "need-text", text: text || t("audit.needUntold", { table: tableLabel(tableId) }) })),
        el("dl", { class: "facts" },
          fact(t("audit.axis"), el("span", { text: table ? axisTitle(table.axisId) : t("audit.none") })),
          fact(t("audit.table"), el("span", { text: tableLabel(tableId) }))),
        el("p", { class: "reason", text: withdrawn ? t("audit.withdrawn") : !pinned ? t("audit.tableNotPinned") : "" }),
        el("h4", { text: t("audit.trail") }),
        el("ol", { class: "trail" }, events.map(trailItem)));
    });
  }

  function renderProvenance() {
    if (!agenda) return;
    const decision = $("decision");
    decision.textContent = t("audit.decisionTitle", { decision: decisionText(agenda.approval, agenda.status) });
    decision.dataset.status = agenda.status;
    const items = agenda.items || [];
    $("provenance-items").replaceChildren(...(items.length
      ? items.map(provenanceArticle) : [el("p", { class: "muted", text: t("audit.noItems") })]));
    const leftOut = leftOutArticles();
    $("not-on-agenda").hidden = leftOut.length === 0;
    $("not-on-agenda-items").replaceChildren(...leftOut);
  }

  // ---------- header ----------

  function renderHeader() {
    const title = (summary && summary.title) || (agenda && agenda.title) || "Minga";
    $("title").textContent = title;
    document.title = t("audit.kicker") + " · " + title;
    $("meta").textContent = summary
      ? [calendarDate(summary.date), summary.region, summary.venue].filter(Boolean).join(" · ") : "";
    $("agenda-link").href = "/agenda/" + encodeURIComponent(assemblyId || "");
  }

  // ---------- loading ----------

  function initialSequence() {
    const match = /^#sequence=(\d+)$/.exec(location.hash);
    const wanted = match ? Number(match[1]) : null;
    if (wanted !== null && history.some(e => e.sequence === wanted)) return wanted;
    return lastSequence();
  }

  async function load(first) {
    showError("");
    const [summaryAnswer, historyAnswer, agendaAnswer] = await Promise.all([
      api("GET", base).catch(() => null),
      api("GET", base + "/history").catch(() => null),
      api("GET", base + "/agenda").catch(() => null)
    ]);
    if (!summaryAnswer || !historyAnswer || !agendaAnswer) { showError(t("error.network")); return; }
    const refused = [summaryAnswer, historyAnswer, agendaAnswer].find(a => !a.ok);
    if (refused) {
      showError((refused.problem && refused.problem.detail) || t("audit.loadError"));
    }
    if (summaryAnswer.ok) { summary = summaryAnswer.data; Minga.useAssemblyLanguage(summary.language); }
    if (historyAnswer.ok) history = [...historyAnswer.data].sort((a, b) => a.sequence - b.sequence);
    if (agendaAnswer.ok) agenda = agendaAnswer.data;
    renderHeader();

    const keep = first ? null : Number(slider.value);
    slider.min = "0";
    slider.max = String(lastSequence());
    slider.disabled = history.length === 0;
    renderTimeline();
    renderProvenance();
    if (!history.length) { updateMomentLabel(); return; }
    if (first) {
      goTo(initialSequence(), { remember: false });
    } else {
      slider.value = String(keep);
      updateMomentLabel();
      renderBoard(); // same server answer, drawn with the new language's words
    }
  }

  /** Who took part, for those allowed to read it (a link without it simply shows no figures). */
  async function loadParticipation() {
    const answer = await api("GET", base + "/participation").catch(() => null);
    if (!answer || !answer.ok) return;
    $("participation-charts").replaceChildren(participationCharts(answer.data));
    $("participation").hidden = false;
  }

  document.addEventListener("minga:lang", () => { load(false); loadParticipation(); });
  load(true);
  loadParticipation();
})();
