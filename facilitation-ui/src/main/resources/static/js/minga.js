/*
 * Minga's shared page library. Every text that comes from people is put on the page with
 * textContent (never innerHTML), so "<img onerror=…>" reads as text everywhere.
 */
window.Minga = (() => {
  const LANG_KEY = "minga.lang";
  let clockOffsetMs = 0;

  let assemblyLang = null;

  /** The reader's choice (the language button), else the assembly's language, else the browser's. */
  function lang() {
    const chosen = localStorage.getItem(LANG_KEY);
    if (chosen && MINGA_MESSAGES[chosen]) return chosen;
    if (assemblyLang) return assemblyLang;
    return (navigator.language || "es").toLowerCase().startsWith("en") ? "en" : "es";
  }

  /** An assembly's pages speak its language once they know it, unless the reader chose another. */
  function useAssemblyLanguage(language) {
    if (!language || !MINGA_MESSAGES[language] || language === assemblyLang) return;
    const before = lang();
    assemblyLang = language;
    if (lang() !== before) {
      translate();
      document.dispatchEvent(new CustomEvent("minga:lang", { detail: lang() }));
    }
  }

  /**
   * The text of key in the page's language, {name} filled from vars. When vars.n is 1 and the
   * dictionary has "key.one", that singular form is used ("1 mesa", not "1 mesas"). A count with
   * its word, {name#singular|plural}, reads "1 abstención" or "2 abstenciones".
   */
  function t(key, vars) {
    const words = MINGA_MESSAGES[lang()] || MINGA_MESSAGES.es;
    const singular = vars && Number(vars.n) === 1 ? key + ".one" : null;
    const text = (singular && words[singular]) ?? words[key] ?? MINGA_MESSAGES.es[key] ?? key;
    if (!vars) return text;
    return text
      .replace(/\{(\w+)#([^|{}]*)\|([^{}]*)\}/g, (m, name, one, other) =>
        name in vars ? vars[name] + " " + (Number(vars[name]) === 1 ? one : other) : m)
      .replace(/\{(\w+)\}/g, (m, name) => (name in vars ? String(vars[name]) : m));
  }

  /** Fills every [data-i18n] (text), [data-i18n-placeholder] and [data-i18n-label] (aria-label) under root. */
  function translate(root = document) {
    document.documentElement.lang = lang();
    root.querySelectorAll("[data-i18n]").forEach(e => { e.textContent = t(e.dataset.i18n); });
    root.querySelectorAll("[data-i18n-placeholder]").forEach(e => { e.placeholder = t(e.dataset.i18nPlaceholder); });
    root.querySelectorAll("[data-i18n-label]").forEach(e => { e.setAttribute("aria-label", t(e.dataset.i18nLabel)); });
  }

  function setLang(language) {
    localStorage.setItem(LANG_KEY, language);
    translate();
    document.dispatchEvent(new CustomEvent("minga:lang", { detail: language }));
  }

  /** A button that switches between Spanish and English, for any page header. */
  function languageToggle() {
    const button = el("button", { class: "lang-toggle", type: "button", id: "lang-toggle",
      "data-i18n": "lang.switch", "data-i18n-label": "lang.switch.label" });
    button.addEventListener("click", () => setLang(lang() === "es" ? "en" : "es"));
    return button;
  }

  /** Builds an element; strings among children become text nodes, never markup. */
  function el(tag, attributes = {}, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
      if (value === null || value === undefined || value === false) continue;
      if (name === "text") node.textContent = value;
      else if (name.startsWith("on") && typeof value === "function") node.addEventListener(name.slice(2), value);
      else node.setAttribute(name, value === true ? "" : value);
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  /** The ids in the page's path: /projector/{assemblyId}, /table/{assemblyId}/{tableId}… */
  function pathIds() {
    return location.pathname.split("/").filter(Boolean).slice(1).map(decodeURIComponent);
  }

  /*
   * Read your own writes: a command's answer says where the event store stood once it was stored
   * (X-Minga-Position); this page's later reads send the highest such position, and Minga answers
   * them once the read models have got there (waiting 3 s at most). Shared by the tabs of this
   * browser: a projector opened after a change shows it too.
   */
  const POSITION = "X-Minga-Position";
  function notePosition(response) {
    const position = Number(response.headers.get(POSITION) ?? -1);
    if (Number.isSafeInteger(position) && position > Number(localStorage.getItem("minga.position") || -1)) {
      localStorage.setItem("minga.position", String(position));
    }
  }

  /** The CSRF token every write carries (the XSRF-TOKEN cookie Minga sets), or "" before it is set. */
  function csrfToken() {
    const cookie = document.cookie.split("; ").find(c => c.startsWith("XSRF-TOKEN="));
    return cookie ? decodeURIComponent(cookie.slice("XSRF-TOKEN=".length)) : "";
  }

  /**
   * Calls the REST API. Resolves to {ok, status, data, problem}; a refusal's problem carries the
   * facilitator-readable detail in the page's language. Rejects only when Minga cannot be reached.
   */
  async function api(method, path, body) {
    const headers = { "Content-Type": "application/json", "Accept-Language": lang() };
    const written = localStorage.getItem("minga.position");
    if (method === "GET" && written) headers[POSITION] = written;
    const csrf = csrfToken();
    if (csrf && method !== "GET") headers["X-XSRF-TOKEN"] = csrf;
    const response = await fetch(path, {
      method,
      headers,
      credentials: "same-origin",
      body: body === undefined ? undefined : JSON.stringify(body)
    });
    if (response.status === 401 || response.status === 403) needAccess();
    notePosition(response);
    const date = response.headers.get("Date");
    if (date) clockOffsetMs = new Date(date).getTime() - Date.now();
    const type = response.headers.get("Content-Type") || "";
    const data = type.includes("json") ? await response.json().catch(() => null) : await response.text();
    return { ok: response.ok, status: response.status, data: response.ok ? data : null, problem: response.ok ? null : data };
  }

  /** A banner for a page opened without the link, code or sign-in its data needs. */
  function needAccess() {
    if (document.getElementById("need-access")) return;
    const banner = el("div", { id: "need-access", class: "alert", role: "alert" },
      t("access.needed"), " ", el("a", { href: "/login", text: t("access.signIn") }));
    document.body.prepend(banner);
  }

  function serverNow() {
    return Date.now() + clockOffsetMs;
  }

  /** "12:04" left, or "+01:30" over, of a step with a deadline. */
  function countdown(step) {
    if (!step || !step.current || !step.deadline) return { text: "", overtime: false };
    // A paused countdown stands still at the moment it was paused, on every screen.
    const now = step.pausedAt ? new Date(step.pausedAt).getTime() : serverNow();
    const remaining = Math.round((new Date(step.deadline).getTime() - now) / 1000);
    const seconds = Math.abs(remaining);
    const text = String(Math.floor(seconds / 60)).padStart(2, "0") + ":" + String(seconds % 60).padStart(2, "0");
    return { text: remaining < 0 ? "+" + text : text, overtime: remaining < 0 };
  }

  function stepName(step) {
    return step && step.current ? t("step." + step.current) : t("step.none");
  }

  /** The step's name with what the room should know about it: closed, or paused. */
  function stepLine(step) {
    if (!step || !step.current) return stepName(step);
    return stepName(step) + (!step.open ? " · " + t("step.closed") : step.pausedAt ? " · " + t("step.paused") : "");
  }

  const STEPS = ["needs", "solutions", "work-plan", "spokespeople", "plenary"];

  /** Where the assembly is, in a few words: scheduled, running · step n of 5, plenary, approved, closed. */
  function statusLine(status, step) {
    if (status === "approved" || status === "closed") return t("status." + status);
    const current = step && step.current;
    if (!current) return t("status.scheduled");
    if (current === "plenary") return t("projector.status.plenary");
    return t("projector.status.step", { n: STEPS.indexOf(current) + 1, total: STEPS.length });
  }

  /** Replaces one table (from a "table" event) in a board. */
  function withTable(board, axisId, table) {
    return { ...board, axes: board.axes.map(axis => axis.axisId !== axisId ? axis
      : { ...axis, tables: axis.tables.map(existing => existing.tableId === table.tableId ? table : existing) }) };
  }

  /**
   * Follows an assembly's board live. Calls onBoard(board) with every new state and
   * onConnection("online" | "reconnecting"). A gap in revisions (a missed change) reloads the
   * whole board; the browser reconnects by itself and the server sends the board again.
   */
  function followBoard(assemblyId, onBoard, onConnection = () => {}) {
    let board = null;
    let source = null;
    const base = "/api/assemblies/" + encodeURIComponent(assemblyId);
    const whole = next => { board = next; useAssemblyLanguage(board.language); onBoard(board); };
    const resync = async () => {
      const answer = await api("GET", base + "/board").catch(() => null);
      if (answer && answer.ok) whole(answer.data);
    };
    const accept = (revision, apply) => {
      if (!board || revision !== board.revision + 1) { resync(); return; }
      board = apply(board);
      board.revision = revision;
      onBoard(board);
    };
    const connect = () => {
      source = new EventSource(base + "/board/stream");
      source.addEventListener("open", () => onConnection("online"));
      source.addEventListener("error", () => {
        onConnection("reconnecting");
        if (source.readyState === EventSource.CLOSED) {
          // The server refused the stream (no access, or the assembly is unknown): ask once why, and retry later.
          resync();
          setTimeout(connect, 5000);
        }
      });
      // The server's feed broke (Axon Server away): it ends the stream, the browser connects again
      // after the delay the server gave, and the board sent on connect brings back whatever was missed.
      source.addEventListener("reconnect", () => onConnection("reconnecting"));
      source.addEventListener("board", e => whole(JSON.parse(e.data)));
      source.addEventListener("table", e => {
        const change = JSON.parse(e.data);
        accept(change.revision, b => ({ ...withTable(b, change.axisId, change.table), version: change.version }));
      });
      source.addEventListener("step", e => {
        const change = JSON.parse(e.data);
        accept(change.revision, b => ({ ...b, step: change.step, version: change.version }));
      });
    };
    connect();
    return { close: () => source && source.close(), resync };
  }

  /**
   * Who took part (GET …/participation), as one small bar chart per attribute of the registration
   * form: each value's share and count, largest first. Plain HTML, so it prints and reads aloud;
   * widths are set through the CSSOM, which the pages' Content-Security-Policy allows.
   */
  function participationCharts(view) {
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

  function valueLabel(dimension, value) {
    if (value === "unknown" || value === null || value === undefined || value === "") return t("participation.unknown");
    const key = "value." + dimension + "." + value;
    return MINGA_MESSAGES.es[key] ? t(key) : value;
  }

  /** The three interlocking pieces of one need: need, solution, who/when (missing ones drawn dashed). */
  function pieceStack(piece, options = {}) {
    const stack = el("div", { class: "stack", "data-piece": piece.pieceId });
    stack.append(el("div", { class: "piece need" }, el("span", { class: "kind", text: t("piece.need") }),
      el("span", { class: "text", text: piece.text })));
    if (piece.solution) {
      stack.append(el("div", { class: "piece solution" }, el("span", { class: "kind", text: t("piece.solution") }),
        el("span", { class: "text", text: piece.solution.text }),
        piece.solution.cooperatingOrganizations.length
          ? el("span", { class: "orgs", text: piece.solution.cooperatingOrganizations.join(" · ") }) : null));
    } else if (options.showMissing) {
      stack.append(el("div", { class: "piece missing", text: t("piece.noSolution") }));
    }
    if (piece.workPlan) {
      stack.append(el("div", { class: "piece plan" }, el("span", { class: "kind", text: t("piece.plan") }),
        el("span", { class: "text", text: piece.workPlan.who.join(", ") }),
        el("span", { class: "when", text: piece.workPlan.when.from + " → " + piece.workPlan.when.to })));
    } else if (options.showMissing && piece.solution) {
      stack.append(el("div", { class: "piece missing", text: t("piece.noPlan") }));
    }
    return stack;
  }

  /** The whole puzzle: one column per axis, each table's pieces, pinned tables joined. */
  function puzzle(board, options = {}) {
    const root = el("div", { class: "puzzle" });
    root.style.setProperty("--axes", Math.max(1, board.axes.length)); // CSSOM, allowed by a strict CSP
    for (const axis of board.axes) {
      const column = el("section", { class: "axis", "data-axis": axis.axisId },
        el("h2", { class: "axis-title", text: axis.title }));
      const tables = el("div", { class: "tables" });
      for (const table of axis.tables) {
        const card = el("article", { class: "table" + (table.pinned ? " pinned" : ""), "data-table": table.tableId },
          el("header", {},
            el("span", { class: "table-label", text: table.label }),
            el("span", { class: "table-state", text: table.pinned ? t("table.pinned") : t("table.notPinned") })));
        const pieces = el("div", { class: "pieces" });
        table.pieces.forEach(piece => pieces.append(pieceStack(piece, options)));
        card.append(pieces);
        tables.append(card);
      }
      column.append(tables);
      root.append(column);
    }
    return root;
  }

  /**
   * The address phones should dial: {baseUrl, reachable}. reachable is false when Minga found only an
   * address of this computer (127.0.0.1, localhost) and no MINGA_PUBLIC_URL is set; the page then says
   * so with addressWarning instead of printing a link no phone can follow. Without an answer, the page's own address.
   */
  async function joinAddress() {
    const answer = await api("GET", "/api/join-address").catch(() => null);
    return answer && answer.ok && answer.data && answer.data.baseUrl
      ? { baseUrl: answer.data.baseUrl.replace(/\/+$/, ""), reachable: answer.data.reachable !== false }
      : { baseUrl: location.origin, reachable: true };
  }

  /** The warning for an address phones cannot reach, or null when they can. */
  function addressWarning(address) {
    return address.reachable ? null
      : el("p", { class: "alert address-warning", role: "alert", text: t("address.unreachable", { baseUrl: address.baseUrl }) });
  }

  return { participationCharts, lang, useAssemblyLanguage, t, csrfToken, translate, setLang, languageToggle, el, pathIds, api, needAccess, serverNow, countdown, stepName,
    stepLine, statusLine, followBoard, puzzle, pieceStack, withTable, joinAddress, addressWarning };
})();
