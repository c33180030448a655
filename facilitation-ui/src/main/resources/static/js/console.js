/*
 * The facilitator console. /console lists assemblies and schedules new ones; /console/{assemblyId}
 * runs one: registration (by hand or CSV), the split into tables, the steps and their timer, the
 * plenary and the closing. Everything people typed reaches the page through Minga.el (textContent).
 */


/* ---------------------------------------------------------------- the page */
(() => {
  const { el, t, api, translate, languageToggle, pathIds, followBoard, countdown, stepName, stepLine, statusLine, participationCharts } = Minga;
  const [assemblyId] = pathIds();
  const STEPS = ["needs", "solutions", "work-plan", "spokespeople", "plenary"];
  const $ = id => document.getElementById(id);

  document.getElementById("lang").append(languageToggle());
  // Signing out is a form post (the server answers with the login page); it carries the CSRF token like every write.
  document.getElementById("sign-out").addEventListener("submit", () => {
    document.getElementById("sign-out-csrf").value = Minga.csrfToken();
  });

  function problemText(answer) {
    if (!answer) return t("error.network");
    const problem = answer.problem;
    if (problem && typeof problem === "object" && problem.detail) return problem.detail;
    return t("console.error.status", { status: answer.status });
  }

  function showAlert(text) { $("alert").textContent = text || ""; if (text) $("notice").textContent = ""; }
  function showNotice(text) { $("notice").textContent = text || ""; if (text) $("alert").textContent = ""; }

  /** Calls the API; never rejects: an unreachable Minga resolves to null. */
  const call = (method, path, body) => api(method, path, body).catch(() => null);

  /**
   * Rebuilds a container without losing what the facilitator is doing there: values typed but not
   * sent (controls marked data-dirty) and the focused control survive, matched by id.
   */
  function rebuild(container, build) {
    const dirty = {};
    container.querySelectorAll("[data-dirty]").forEach(c => { if (c.id) dirty[c.id] = c.value; });
    const focused = document.activeElement && container.contains(document.activeElement) ? document.activeElement.id : null;
    container.replaceChildren(...[].concat(build()));
    for (const [id, value] of Object.entries(dirty)) {
      const control = container.querySelector("#" + CSS.escape(id));
      if (control && [...(control.options || [{ value }])].some(o => o.value === value)) {
        control.value = value;
        control.dataset.dirty = "1";
      }
    }
    if (focused) {
      const again = container.querySelector("#" + CSS.escape(focused));
      if (again) again.focus({ preventScroll: true });
    }
  }
  document.addEventListener("input", e => { if (e.target.closest && e.target.closest("#tables, #participants")) e.target.dataset.dirty = "1"; });
  document.addEventListener("change", e => { if (e.target.closest && e.target.closest("#tables, #participants")) e.target.dataset.dirty = "1"; });

  /** Disables a form's submit button while its request runs, so a double click sends once. */
  async function busy(button, work) {
    if (button) button.disabled = true;
    try { return await work(); } finally { if (button) button.disabled = false; }
  }

  // A notice that survives the move from /console to the new assembly's page.
  const NOTICE_KEY = "minga.console.notice";
  translate();
  if (assemblyId) assemblyPage(); else homePage();
  const carried = sessionStorage.getItem(NOTICE_KEY);
  if (carried) { sessionStorage.removeItem(NOTICE_KEY); if (assemblyId) showNotice(t(carried)); }

  /* ============================================================== /console */
  function homePage() {
    $("home-view").hidden = false;
    document.title = t("console.title") + " · Minga";
    document.addEventListener("minga:lang", () => { document.title = t("console.title") + " · Minga"; renderList(); renumberAxes(); });

    const REFERENCE_AXES = [
      { axisId: "association", title: "Asociatividad y trabajo en red" },
      { axisId: "credit", title: "Acceso a crédito para la economía popular" },
      { axisId: "training", title: "Formación para la asociatividad solidaria" },
      { axisId: "assistance", title: "Asistencia técnica para la industrialización" },
      { axisId: "territories", title: "Integración para construir territorios solidarios" }
    ];
    let assemblies = [];
    let axisSerial = 0;

    const today = new Date();
    const year = today.getFullYear();
    $("date").value = year + "-" + String(today.getMonth() + 1).padStart(2, "0") + "-" + String(today.getDate()).padStart(2, "0");
    $("horizon-from").value = String(year);
    $("horizon-to").value = String(year + 2);
    $("language").value = "es";
    REFERENCE_AXES.forEach(addAxis);
    $("add-axis").addEventListener("click", () => {
      const row = addAxis({ axisId: "", title: "" });
      row.querySelector("input[data-role=title]").focus();
    });

    function addAxis(axis) {
      const n = ++axisSerial;
      const idInput = el("input", { id: "axis-id-" + n, type: "text", "data-role": "id", maxlength: "64",
        pattern: "[A-Za-z0-9_\\-]{1,64}", spellcheck: "false", autocomplete: "off" });
      const titleInput = el("input", { id: "axis-title-" + n, type: "text", "data-role": "title", maxlength: "200", autocomplete: "off" });
      idInput.value = axis.axisId;
      titleInput.value = axis.title;
      const row = el("li", { class: "axis-row" },
        el("div", { class: "field axis-id" }, el("label", { for: idInput.id }), idInput),
        el("div", { class: "field axis-title" }, el("label", { for: titleInput.id }), titleInput),
        el("button", { type: "button", class: "secondary remove-axis", onclick: () => {
          const next = row.nextElementSibling || row.previousElementSibling;
          row.remove();
          renumberAxes();
          (next ? next.querySelector("button") : $("add-axis")).focus();
        } }));
      $("axes").append(row);
      renumberAxes();
      return row;
    }

    function renumberAxes() {
      [...$("axes").children].forEach((row, i) => {
        const n = i + 1;
        const [idLabel, titleLabel] = row.querySelectorAll("label");
        idLabel.textContent = t("console.axis.id", { n });
        titleLabel.textContent = t("console.axis.title", { n });
        const remove = row.querySelector("button");
        remove.textContent = t("console.axis.remove");
        remove.setAttribute("aria-label", t("console.axis.removeLabel", { n }));
      });
    }

    function slug(text) {
      return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
        .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 40);
    }

    function axesFromForm() {
      const used = new Set();
      const axes = [];
      [...$("axes").children].forEach((row, i) => {
        const title = row.querySelector("input[data-role=title]").value.trim();
        let axisId = row.querySelector("input[data-role=id]").value.trim();
        if (!title && !axisId) return;
        if (!axisId) {
          axisId = slug(title) || "axis-" + (i + 1);
          for (let k = 2; used.has(axisId); k++) axisId = (slug(title) || "axis") + "-" + k;
        }
        used.add(axisId);
        axes.push({ axisId, title });
      });
      return axes;
    }

    $("create-form").addEventListener("submit", async e => {
      e.preventDefault();
      const value = id => $(id).value.trim();
      const axes = axesFromForm();
      if (!axes.length) { showAlert(t("console.axis.none")); $("add-axis").focus(); return; }
      const body = { title: value("title"), region: value("region"), date: value("date"),
        horizon: { from: value("horizon-from"), to: value("horizon-to") }, language: $("language").value, axes };
      if (value("assembly-id")) body.assemblyId = value("assembly-id");
      if (value("venue")) body.venue = value("venue");
      const rules = {};
      if (value("max-needs") !== "") rules.maxNeedsPerTable = Number(value("max-needs"));
      if (value("rule-table-size") !== "") rules.tableSize = Number(value("rule-table-size"));
      if (Object.keys(rules).length) body.rules = rules;
      const answer = await busy($("create-submit"), () => call("POST", "/api/assemblies", body));
      if (answer && answer.ok) {
        showNotice(t("console.created"));
        sessionStorage.setItem(NOTICE_KEY, "console.created");
        location.assign("/console/" + encodeURIComponent(answer.data.assemblyId));
      } else {
        showAlert(problemText(answer));
        focusField(answer, { title: "title", region: "region", venue: "venue", date: "date", assemblyId: "assembly-id",
          language: "language", "horizon.from": "horizon-from", "horizon.to": "horizon-to", horizon: "horizon-from",
          "rules.maxNeedsPerTable": "max-needs", "rules.tableSize": "rule-table-size", maxNeedsPerTable: "max-needs", tableSize: "rule-table-size" });
      }
    });

    $("demo").addEventListener("click", async () => {
      const answer = await busy($("demo"), () => call("POST", "/api/demo", { language: Minga.lang() }));
      if (answer && answer.ok && answer.data && answer.data.assemblyId) {
        showNotice(t("console.demoCreated"));
        sessionStorage.setItem(NOTICE_KEY, "console.demoCreated");
        location.assign("/console/" + encodeURIComponent(answer.data.assemblyId));
      } else {
        showAlert(problemText(answer));
      }
    });

    function renderList() {
      const list = $("assembly-list");
      list.replaceChildren(...assemblies.map(a => el("li", {},
        el("a", { href: "/console/" + encodeURIComponent(a.assemblyId), text: a.title || a.assemblyId }),
        el("span", { class: "muted", text: " · " + [a.region, a.date, a.status ? t("status." + a.status) : null].filter(Boolean).join(" · ") }))));
      $("assembly-list-empty").hidden = assemblies.length > 0;
    }

    (async () => {
      const answer = await call("GET", "/api/assemblies");
      if (answer && answer.ok && Array.isArray(answer.data)) {
        assemblies = answer.data.slice().sort((a, b) => String(b.date).localeCompare(String(a.date)));
        renderList();
      } else {
        showAlert(problemText(answer));
      }
    })();
  }

  /** After a 400 naming a field, puts the cursor in that field. */
  function focusField(answer, fields) {
    const field = answer && answer.problem && answer.problem.field;
    if (field && fields[field] && $(fields[field])) $(fields[field]).focus();
  }

  /* ============================================================== /console/{assemblyId} */
  function assemblyPage() {
    const base = "/api/assemblies/" + encodeURIComponent(assemblyId);
    document.addEventListener("minga:lang", () => renderLinks());
    document.addEventListener("minga:lang", () => loadParticipation());
    setTimeout(() => renderLinks(), 0);
    let summary = null;
    let board = null;
    let participants = [];
    let participantsKey = "";
    let tablesKey = "";
    let approval = null;
    let stepsBuilt = false;

    $("assembly-view").hidden = false;
    $("now").hidden = false;
    $("eyebrow").hidden = false;
    $("page-title").removeAttribute("data-i18n");
    $("page-title").textContent = t("console.loading");
    const encoded = encodeURIComponent(assemblyId);
    $("link-projector").href = "/projector/" + encoded;
    $("link-agenda").href = "/agenda/" + encoded;
    $("link-audit").href = "/audit/" + encoded;
    $("link-cards").href = "/console/" + encoded + "/cards";
    showAddressWarning();

    /** Table cards and the projector's QR carry the join address: say at once when no phone can reach it. */
    async function showAddressWarning() {
      const address = await Minga.joinAddress();
      const render = () => {
        const warning = Minga.addressWarning(address);
        const existing = document.getElementById("console-address-warning");
        if (existing) existing.remove();
        if (warning) { warning.id = "console-address-warning"; $("notice").after(warning); }
      };
      render();
      document.addEventListener("minga:lang", render);
    }

    /* ------------------------------------------------ reading */
    async function loadSummary(attempt = 0) {
      const answer = await call("GET", base);
      if (answer && answer.ok) {
        summary = answer.data;
        renderSummary();
        // Who sits where too: a move changes no count.
        const key = summary.counts.participants + "/" + summary.counts.seated + "/" + summary.counts.tables + "/"
          + summary.tables.map(tb => tb.memberIds.join(",")).join(";");
        if (key !== participantsKey) { participantsKey = key; await loadParticipants(); loadParticipation(); }
        else { renderParticipants(); renderTables(); }
        if ((summary.status === "approved" || summary.status === "closed") && !approval) loadApproval();
        return true;
      }
      // Right after creation the summary may still be on its way: wait a moment before refusing.
      if (!summary && answer && answer.status === 404 && attempt < 10) {
        await new Promise(resolve => setTimeout(resolve, 400));
        return loadSummary(attempt + 1);
      }
      if (!summary || !answer) showAlert(problemText(answer));
      if (!summary) $("page-title").textContent = assemblyId;
      return false;
    }

    async function loadParticipants() {
      const answer = await call("GET", base + "/participants");
      if (answer && answer.ok && Array.isArray(answer.data)) {
        participants = answer.data;
        renderParticipants();
        renderTables();
      }
      return participants;
    }

    async function loadApproval() {
      const answer = await call("GET", base + "/agenda");
      if (answer && answer.ok && answer.data && answer.data.approval) {
        approval = answer.data.approval;
        renderPlenary();
      }
    }

    async function refresh() {
      await loadSummary();
      await loadJoinCodes();
    }

    /** The participation figures as small charts, redrawn when people register or sit down. */
    async function loadParticipation() {
      const answer = await call("GET", base + "/participation");
      if (answer && answer.ok) $("participation-charts").replaceChildren(participationCharts(answer.data));
    }

    /* ------------------------------------------------ access: table codes and share links */
    let joinCodes = {};

    async function loadJoinCodes() {
      if (!summary || !summary.tables.length) return;
      const answer = await api("GET", base + "/tables").catch(() => null);
      if (!answer || !answer.ok) return;
      const codes = {};
      answer.data.forEach(table => { codes[table.tableId] = table.joinCode; });
      if (JSON.stringify(codes) !== JSON.stringify(joinCodes)) {
        joinCodes = codes;
        renderTables(true);
      }
    }

    async function newCode(table, button) {
      // A table without a code (it expired) has nothing to invalidate, so no question first.
      const current = joinCodes[table.tableId];
      if (current && !window.confirm(t("console.access.newCodeConfirm", { table: table.label, code: current }))) return;
      button.disabled = true;
      const answer = await api("POST", base + "/tables/" + encodeURIComponent(table.tableId) + "/join-code").catch(() => null);
      button.disabled = false;
      if (answer && answer.ok) {
        joinCodes[table.tableId] = answer.data.joinCode;
        renderTables(true);
        showNotice(t("console.access.newCode", { table: table.label, code: answer.data.joinCode }));
      } else {
        showAlert(answer && answer.problem ? answer.problem.detail : t("error.network"));
      }
    }

    /** The public agenda link goes out on paper and by message: a copy button and its QR code. */
    function publicLinkExtras(link) {
      const copy = async () => {
        try { await navigator.clipboard.writeText(link.url); showNotice(t("console.access.copied")); }
        catch (e) { document.querySelector('[data-link="' + link.linkId + '"] .link-url').select(); }
      };
      return el("span", { class: "public-link" },
        el("button", { type: "button", class: "small", text: t("console.access.copy"), onclick: copy }),
        el("img", { src: "/qr.svg?text=" + encodeURIComponent(link.url), width: "128", height: "128", class: "link-qr",
          alt: t("console.access.qr", { url: link.url }) }));
    }

    /** Links created in this session of the console, shown so they can be copied and revoked. */
    const shareLinks = [];

    function renderLinks() {
      const create = kind => async () => {
        const answer = await api("POST", base + "/links", { kind }).catch(() => null);
        if (!answer || !answer.ok) { showAlert(answer && answer.problem ? answer.problem.detail : t("error.network")); return; }
        shareLinks.push({ kind, linkId: answer.data.linkId, url: location.origin + answer.data.url });
        renderLinks();
      };
      const revoke = link => async () => {
        const revoked = await api("DELETE", base + "/links/" + encodeURIComponent(link.linkId)).catch(() => null);
        if (revoked && revoked.ok) {
          shareLinks.splice(shareLinks.indexOf(link), 1);
          renderLinks();
          showNotice(t("console.access.revoked"));
        } else {
          showAlert(revoked && revoked.problem ? revoked.problem.detail : t("error.network"));
        }
      };
      const section = el("section", { class: "panel", id: "share-links", "aria-labelledby": "links-title" },
        el("h2", { id: "links-title", text: t("console.access.title") }),
        el("p", { class: "muted", text: t("console.access.hint") }),
        el("div", { class: "inline" },
          el("button", { type: "button", id: "new-projector-link", text: t("console.access.newProjector"), onclick: create("projector") }),
          el("button", { type: "button", id: "new-auditor-link", class: "secondary", text: t("console.access.newAuditor"), onclick: create("auditor") }),
          el("button", { type: "button", id: "new-public-link", class: "secondary", text: t("console.access.newPublic"), onclick: create("public") })),
        el("p", { class: "muted", id: "public-link-hint", text: t("console.access.publicHint") }),
        el("ul", { id: "links-list" }, shareLinks.map(link => el("li", { "data-link": link.linkId, "data-kind": link.kind },
          el("strong", { text: t("console.access." + link.kind) }), " ",
          el("input", { type: "text", readonly: true, value: link.url, "aria-label": t("console.access." + link.kind), class: "link-url" }),
          link.kind === "public" ? publicLinkExtras(link) : null,
          el("button", { type: "button", class: "danger small", text: t("console.access.revoke"), onclick: revoke(link) })))));
      const existing = document.getElementById("share-links");
      if (existing) existing.replaceWith(section);
      else $("tables-section").after(section);
    }

    /* ------------------------------------------------ rendering */
    // Never an id in place of a name: a person whose data were erased reads as such.
    const nameOf = id => { const p = participants.find(x => x.participantId === id); return !p ? "" : p.name || t("console.p.erased"); };
    const tableLabel = id => { const table = summary && summary.tables.find(x => x.tableId === id); return table ? table.label : id; };
    const axisTitle = id => { const axis = summary && summary.axes.find(x => x.axisId === id); return axis ? axis.title : id; };

    function currentStep() {
      const fromBoard = board && board.step;
      const fromSummary = summary && summary.step;
      if (fromBoard && fromSummary) return (board.version || 0) >= (summary.version || 0) ? fromBoard : fromSummary;
      return fromBoard || fromSummary || { current: null, open: false, deadline: null };
    }

    function renderAll() {
      renderSummary();
      renderParticipants(true);
      renderTables(true);
    }

    function renderSummary() {
      if (!summary) return;
      document.title = summary.title + " · " + t("console.title");
      $("page-title").textContent = summary.title;
      $("page-title").title = summary.title;   // the header cuts a long title short
      // The status first: the header cuts the line short at its end.
      const meta = [t("console.status", { status: statusLine(summary.status, summary.step) }), summary.region, summary.venue, summary.date,
        summary.horizon ? t("console.horizon", { from: String(summary.horizon.from).slice(0, 4), to: String(summary.horizon.to).slice(0, 4) }) : null].filter(Boolean);
      $("assembly-meta").textContent = meta.join(" · ");
      $("assembly-meta").title = meta.join(" · ");
      $("counts").replaceChildren(...["participants", "seated", "tables", "needs", "pinnedTables"].map(key =>
        el("div", { class: "count", "data-count": key },
          el("dt", { text: t("console.count." + key) }), el("dd", { text: String(summary.counts[key] ?? 0) }))));
      fillAxisSelect();
      if (!$("table-size").dataset.dirty) $("table-size").value = summary.rules.tableSize;
      renderSteps();
      renderPlenary();
    }

    function fillAxisSelect() {
      const select = $("p-axis");
      const chosen = select.value;
      const options = [el("option", { value: "", text: t("console.unset") }),
        ...summary.axes.map(a => el("option", { value: a.axisId, text: a.title }))];
      select.replaceChildren(...options);
      select.value = chosen;
    }

    function genderText(v) { return v ? (MINGA_MESSAGES.es["console.gender." + v] ? t("console.gender." + v) : v) : ""; }
    function ageText(v) { return v ? (MINGA_MESSAGES.es["console.age." + v] ? t("console.age." + v) : v) : ""; }
    function areaText(v) { return v ? (MINGA_MESSAGES.es["console.area." + v] ? t("console.area." + v) : v) : ""; }

    let shownParticipants = "";
    function renderParticipants(force) {
      const filter = $("p-filter").value.trim().toLowerCase();
      const hasTables = summary && summary.tables.length > 0;
      const key = JSON.stringify([participants, filter, hasTables, summary && summary.tables.map(x => x.label), Minga.lang()]);
      if (!force && key === shownParticipants) return;
      shownParticipants = key;
      const matches = participants.filter(p => !filter || [p.name, p.organization, p.territory, p.tableId ? tableLabel(p.tableId) : ""]
        .some(v => v && String(v).toLowerCase().includes(filter)));
      $("participants-list-heading").textContent = filter
        ? t("console.p.listFiltered", { shown: matches.length, n: participants.length })
        : t("console.p.list", { n: participants.length });
      rebuild($("participants"), () => {
        if (!participants.length) return el("p", { class: "muted", text: t("console.p.none") });
        if (!matches.length) return el("p", { class: "muted", text: t("console.p.noMatch") });
        const headings = ["name", "organization", "organizationType", "sector", "gender", "ageGroup", "territory", "area", "axis", "table", "personal"];
        return el("table", { class: "data" },
          el("thead", {}, el("tr", {}, headings.map(h => el("th", { scope: "col", text: t("console.p." + h) })))),
          el("tbody", {}, matches.map(p => el("tr", { "data-participant": p.participantId },
            el("th", { scope: "row", text: p.name === null ? t("console.p.erased") : p.name }),
            el("td", { text: p.organization || "" }),
            el("td", { text: p.organizationType || "" }),
            el("td", { text: p.sector || "" }),
            el("td", { text: genderText(p.gender) }),
            el("td", { text: ageText(p.ageGroup) }),
            el("td", { text: p.territory || "" }),
            el("td", { text: areaText(p.area) }),
            el("td", { text: p.preferredAxisId ? axisTitle(p.preferredAxisId) : "" }),
            el("td", {}, p.tableId ? [tableLabel(p.tableId), " ", moveControl(p)]
              : hasTables ? el("button", { type: "button", class: "secondary small", id: "seat-" + p.participantId,
                  text: t("console.p.seat"), "aria-label": t("console.p.seatLabel", { name: p.name }),
                  onclick: e => seat(p, e.currentTarget) })
              : el("span", { class: "muted", text: t("console.p.noTable") })),
            el("td", {}, p.name === null ? el("span", { class: "muted", text: t("console.p.erased") })
              : [el("button", { type: "button", class: "secondary small", id: "edit-" + p.participantId,
                  text: t("console.p.edit"), "aria-label": t("console.p.editLabel", { name: p.name }),
                  onclick: () => startEdit(p) }), " ",
                el("button", { type: "button", class: "danger small", id: "erase-" + p.participantId,
                  text: t("console.p.erase"), "aria-label": t("console.p.eraseLabel", { name: p.name }),
                  onclick: e => erase(p, e.currentTarget) })])))));
      });
    }

    /** A seated person changes table: choose the table, then say yes (and why, if you like). */
    function moveControl(person) {
      const name = person.name === null ? t("console.p.erased") : person.name;
      const select = el("select", { id: "move-to-" + person.participantId, class: "small", "aria-label": t("console.p.moveToLabel", { name }) },
        el("option", { value: "", text: t("console.p.moveTo") }),
        summary.tables.filter(tb => tb.tableId !== person.tableId).map(tb => el("option", { value: tb.tableId, text: tb.label })));
      return el("span", { class: "inline move" }, select,
        el("button", { type: "button", class: "secondary small", id: "move-" + person.participantId, text: t("console.p.move"),
          "aria-label": t("console.p.moveLabel", { name }), onclick: e => move(person, name, select, e.currentTarget) }));
    }

    async function move(person, name, select, button) {
      const tableId = select.value;
      if (!tableId) { showAlert(t("console.p.moveChoose", { name })); select.focus(); return; }
      const from = tableLabel(person.tableId), to = tableLabel(tableId);
      const table = summary.tables.find(tb => tb.tableId === person.tableId) || {};
      const roles = (table.leaderId === person.participantId ? t("console.p.moveLeader", { from }) : "")
        + (table.spokespersonId === person.participantId ? t("console.p.moveSpokesperson", { from }) : "");
      const reason = window.prompt(t("console.p.moveAsk", { name, from, to, roles }), "");
      if (reason === null) return;
      const body = reason.trim() ? { tableId, reason: reason.trim() } : { tableId };
      await busy(button, async () => {
        const answer = await call("POST", base + "/participants/" + encodeURIComponent(person.participantId) + "/move", body);
        if (answer && answer.ok) showNotice(t("console.p.moved", { name, from, to }));
        else showAlert(problemText(answer));
      });
      participantsKey = "";
      await refresh();
    }

    /** Forgets a person's name and contact on request; their pieces and the figures stay. */
    async function erase(person, button) {
      if (!window.confirm(t("console.p.eraseConfirm", { name: person.name }))) return;
      await busy(button, async () => {
        const answer = await call("DELETE", base + "/participants/" + encodeURIComponent(person.participantId) + "/personal-data");
        if (answer && answer.ok) showNotice(t("console.p.erasedNotice"));
        else showAlert(problemText(answer));
      });
      participantsKey = "";
      refresh();
    }
    $("p-filter").addEventListener("input", () => renderParticipants());

    function renderTables(force) {
      if (!summary) return;
      const key = JSON.stringify([summary.tables, summary.axes, summary.status, participants.map(p => [p.participantId, p.name]), Minga.lang()]);
      if (!force && key === tablesKey) return;
      tablesKey = key;
      rebuild($("tables"), () => {
        if (!summary.tables.length) return el("p", { class: "muted", text: t("console.tables.none") });
        return summary.axes.map(axis => {
          const tables = summary.tables.filter(tb => tb.axisId === axis.axisId);
          return el("section", { class: "axis-group", "data-axis": axis.axisId },
            el("h3", {}, axis.title, " ", el("span", { class: "muted", text: "(" + (tables.length === 1 ? t("console.tables.one") : t("console.tables.count", { n: tables.length })) + ")" })),
            tables.length ? el("div", { class: "table-cards" }, tables.map(tableCard))
              : el("p", { class: "muted", text: t("console.tables.none") }));
        }).concat(orphanTables());
      });
    }

    function orphanTables() {
      const known = new Set(summary.axes.map(a => a.axisId));
      const orphans = summary.tables.filter(tb => !known.has(tb.axisId));
      return orphans.length ? [el("section", { class: "axis-group" }, el("div", { class: "table-cards" }, orphans.map(tableCard)))] : [];
    }

    function tableCard(table) {
      const selectId = "leader-" + table.tableId;
      const select = el("select", { id: selectId, "data-table": table.tableId },
        el("option", { value: "", text: t("console.table.choose") }),
        table.memberIds.map(id => el("option", { value: id, text: nameOf(id) })));
      select.value = table.leaderId || "";
      const code = joinCodes[table.tableId];
      const phone = code ? "/join/" + encodeURIComponent(code) : "/table/" + encodeURIComponent(assemblyId) + "/" + encodeURIComponent(table.tableId);
      return el("article", { class: "table-card" + (table.pinned ? " pinned" : ""), "data-table": table.tableId },
        el("header", {}, el("h4", { text: table.label })),
        progressLine(table.tableId),
        el("p", { class: "spokesperson", text: table.spokespersonId
          ? t("console.table.spokesperson", { name: nameOf(table.spokespersonId) }) : t("console.table.noSpokesperson") }),
        el("form", { class: "leader-form", novalidate: true, onsubmit: e => { e.preventDefault(); setLeader(table, select, e.submitter); } },
          el("label", { for: selectId, text: t("console.table.leader") }),
          el("div", { class: "inline" }, select,
            el("button", { type: "submit", class: "secondary", text: t("console.table.setLeader"),
              "aria-label": t("console.table.setLeaderLabel", { table: table.label }) }))),
        table.pinned && summary.status !== "approved" && summary.status !== "closed" ? unpinForm(table) : null,
        el("div", { class: "members" },
          el("h5", { text: t("console.table.members", { n: table.memberIds.length }) }),
          table.memberIds.length
            ? el("ul", {}, table.memberIds.map(id => el("li", { "data-participant": id, text: nameOf(id) })))
            : el("p", { class: "muted", text: t("console.table.nobody") })),
        el("p", { class: "join-code-line" }, t("console.access.code"), " ",
          el("strong", { class: "join-code", "data-table": table.tableId, text: code || t("console.access.noCode") }), " ",
          el("button", { type: "button", class: "secondary small", id: "new-code-" + table.tableId,
            text: t("console.access.regenerate"), onclick: e => newCode(table, e.currentTarget) })),
        el("a", { href: phone, class: "phone-link", text: t("console.table.phone"),
          "aria-label": t("console.table.phoneLabel", { table: table.label }) }));
    }

    /** Needs, solutions, plans, spokesperson, pinned: from the live board, redrawn with each change to it. */
    function progressLine(tableId) {
      return MingaTableProgress.line(tableId, board, currentStep(), summary.rules.maxNeedsPerTable);
    }

    function renderProgress() {
      if (!summary) return;
      document.querySelectorAll("#tables [data-progress]").forEach(line => line.replaceWith(progressLine(line.dataset.progress)));
    }

    /** A pinned puzzle comes off the board with a reason the history keeps (pinned too soon, a need to fix). */
    function unpinForm(table) {
      const inputId = "unpin-reason-" + table.tableId;
      const input = el("input", { id: inputId, type: "text", maxlength: "280", "data-table": table.tableId,
        "aria-label": t("console.table.unpinReasonFor", { table: table.label }) });
      return el("form", { class: "unpin-form", novalidate: true, onsubmit: e => { e.preventDefault(); unpin(table, input, e.submitter); } },
        el("label", { for: inputId, text: t("console.table.unpinReason") }),
        el("div", { class: "inline" }, input,
          el("button", { type: "submit", class: "danger small", id: "unpin-" + table.tableId, text: t("console.table.unpin"),
            "aria-label": t("console.table.unpinLabel", { table: table.label }) })));
    }

    async function unpin(table, input, button) {
      const reason = input.value.trim();
      if (!reason) { showAlert(t("console.table.unpinNeedsReason", { table: table.label })); input.focus(); return; }
      if (!window.confirm(t("console.table.unpinConfirm", { table: table.label, reason }))) return;
      const answer = await busy(button, () => call("POST", base + "/tables/" + encodeURIComponent(table.tableId) + "/unpin", { reason }));
      if (answer && answer.ok) showNotice(t("console.table.unpinned", { table: table.label }));
      else showAlert(problemText(answer));
      await refresh();
    }

    /* ------------------------------------------------ steps and timer */
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
      stepsBuilt = true;
    }

    /** After a mouse click, a step button gives focus back to the page so Space keeps driving the timer. */
    function releaseFocus(e) {
      if (e.detail > 0 && e.currentTarget && e.currentTarget.blur) e.currentTarget.blur();
    }

    function renderSteps() {
      if (!stepsBuilt) buildSteps();
      const step = currentStep();
      STEPS.forEach(code => {
        const name = t("step." + code);
        $("step-title-" + code).textContent = name;
        $("minutes-label-" + code).textContent = t("console.step.minutes");
        $("minutes-" + code).setAttribute("aria-label", t("console.step.minutesFor", { step: name }));
        const minutes = $("minutes-" + code);
        if (!minutes.dataset.dirty && summary) {
          const box = (summary.timeboxes || []).find(b => b.step === code);
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
      const hint = $("shortcut-hint");
      hint.replaceChildren(t("console.shortcuts.title"), " ",
        el("kbd", { text: t("console.shortcuts.space") }), " " + t("console.shortcuts.spaceDoes") + " · ",
        el("kbd", { text: t("console.shortcuts.n") }), " " + t("console.shortcuts.nDoes"));
      tick();
    }

    /** −5 / +5 minutes for the running step: its countdown moves everywhere, and the history says so. */
    async function changeTime(minutes) {
      const step = currentStep();
      if (!step.current || !step.open) return;
      const answer = await call("POST", base + "/steps/" + step.current + "/extend", { minutes });
      if (answer && answer.ok) {
        showNotice(t(minutes > 0 ? "console.step.moreTime" : "console.step.lessTime",
          { step: t("step." + step.current), minutes: Math.abs(minutes) }));
      } else showAlert(problemText(answer));
      refresh();
    }

    /** Pauses the running step's countdown on every screen, or lets it run again with the time it had left. */
    async function togglePause() {
      const step = currentStep();
      if (!step.current || !step.open) { showNotice(t("console.step.nothingToPause")); return; }
      const action = step.pausedAt ? "resume" : "pause";
      const answer = await call("POST", base + "/steps/" + step.current + "/" + action, {});
      if (answer && answer.ok) showNotice(t(action === "pause" ? "console.step.paused" : "console.step.resumed", { step: t("step." + step.current) }));
      else showAlert(problemText(answer));
      refresh();
    }

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

    /** The minutes typed for a step; an empty box lets the server use the assembly's timebox. */
    function minutesFor(step) {
      const raw = $("minutes-" + step).value.trim();
      return raw === "" ? undefined : Number(raw);
    }

    async function openStep(step) {
      const minutes = minutesFor(step);
      const answer = await call("POST", base + "/steps/" + step + "/open", minutes === undefined ? {} : { minutes });
      if (answer && answer.ok) {
        showNotice(t("console.step.opened", { step: t("step." + step) }));
      } else showAlert(problemText(answer));
      refresh();
    }

    async function closeStep(step) {
      const answer = await call("POST", base + "/steps/" + step + "/close", {});
      if (answer && answer.ok) {
        showNotice(t("console.step.closedNow", { step: t("step." + step) }));
      } else showAlert(problemText(answer));
      refresh();
    }

    function openNextStep() {
      const step = currentStep();
      const next = step.current ? STEPS[STEPS.indexOf(step.current) + 1] : "needs";
      if (!next) { showNotice(t("console.step.noNext")); return; }
      openStep(next);
    }

    /* Keyboard: Space pauses or resumes the running step, N opens the next one, unless typing or choosing. */
    const SHORTCUTS_KEY = "minga.console.shortcuts";
    $("shortcuts-enabled").checked = localStorage.getItem(SHORTCUTS_KEY) !== "off";
    $("shortcuts-enabled").addEventListener("change", e => localStorage.setItem(SHORTCUTS_KEY, e.target.checked ? "on" : "off"));
    const TEXT_INPUTS = /^(text|search|email|number|tel|url|password|date|month|week|time|datetime-local|color|range)$/;
    function typing(target) {
      if (!target || !target.tagName) return false;
      if (target.isContentEditable) return true;
      const tag = target.tagName;
      if (tag === "TEXTAREA" || tag === "SELECT") return true;
      if (tag === "INPUT") return TEXT_INPUTS.test(target.type) || ["checkbox", "radio", "file"].includes(target.type);
      return false;
    }
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

    /* ------------------------------------------------ participants */
    const REGISTRATION_FIELDS = { name: "p-name", organization: "p-organization", organizationType: "p-organization-type",
      sector: "p-sector", gender: "p-gender", ageGroup: "p-age", territory: "p-territory", area: "p-area", preferredAxisId: "p-axis" };
    /* The registration form also corrects someone's registration (a typo on the form or in a CSV). */
    let editing = null;
    function setSubmitText(key) { $("register-submit").dataset.i18n = key; $("register-submit").textContent = t(key); }
    function startEdit(person) {
      editing = person;
      for (const [key, id] of Object.entries(REGISTRATION_FIELDS)) $(id).value = person[key] ?? "";
      setSubmitText("console.p.save");
      $("edit-cancel").hidden = false;
      $("editing-note").hidden = false;
      $("editing-note").textContent = t("console.p.editing", { name: person.name });
      $("p-name").focus();
    }
    function endEdit() {
      editing = null;
      $("register-form").reset();
      fillAxisSelect();
      setSubmitText("console.p.submit");
      $("edit-cancel").hidden = true;
      $("editing-note").hidden = true;
    }
    $("edit-cancel").addEventListener("click", endEdit);
    async function saveCorrection(person, body) {
      // The form has no phone or e-mail: the ones on record stay.
      const full = { ...body, phone: person.phone || undefined, email: person.email || undefined };
      const answer = await call("PUT", base + "/participants/" + encodeURIComponent(person.participantId), full);
      if (!answer || !answer.ok) {
        showAlert(problemText(answer));
        focusField(answer, REGISTRATION_FIELDS);
        return;
      }
      endEdit();
      showNotice(t("console.p.corrected", { name: body.name }));
      participantsKey = "";
      await refresh();
    }

    $("register-form").addEventListener("submit", async e => {
      e.preventDefault();
      const form = e.currentTarget;
      const fields = REGISTRATION_FIELDS;
      const body = {};
      for (const [key, id] of Object.entries(fields)) { const v = $(id).value.trim(); if (v) body[key] = v; }
      if (editing) { await busy($("register-submit"), () => saveCorrection(editing, body)); return; }
      await busy($("register-submit"), async () => {
        const answer = await call("POST", base + "/participants", body);
        if (!answer || !answer.ok) {
          showAlert(problemText(answer));
          focusField(answer, fields);
          return;
        }
        const participantId = answer.data.participantId;
        form.reset();
        fillAxisSelect();
        $("p-name").focus();
        showNotice(t("console.p.registered", { name: body.name }));
        if (await tablesExist()) {
          const seated = await call("POST", base + "/participants/" + encodeURIComponent(participantId) + "/seat", {});
          if (seated && seated.ok) await announceSeat(participantId, body.name, seated.data);
          else showAlert(t("console.p.registered", { name: body.name }) + " " + problemText(seated));
        }
        participantsKey = "";
        await refresh();
      });
    });

    async function tablesExist() {
      if (summary && summary.tables.length) return true;
      await loadSummary();
      return !!(summary && summary.tables.length);
    }

    /** Says at which table a newly seated person sits (the seat answer may not name it: look it up). */
    async function announceSeat(participantId, name, data) {
      let tableId = data && data.tableId;
      for (let attempt = 0; !tableId && attempt < 8; attempt++) {
        const list = await loadParticipants();
        const found = list.find(p => p.participantId === participantId);
        if (found && found.tableId) tableId = found.tableId;
        else await new Promise(resolve => setTimeout(resolve, 300));
      }
      if (tableId && !(summary && summary.tables.some(tb => tb.tableId === tableId))) await loadSummary();
      showNotice(t("console.p.registered", { name }) + " " + (tableId
        ? t("console.p.seated", { name, table: tableLabel(tableId) }) : t("console.p.seatedSomewhere", { name })));
    }

    async function seat(person, button) {
      await busy(button, async () => {
        const answer = await call("POST", base + "/participants/" + encodeURIComponent(person.participantId) + "/seat", {});
        if (answer && answer.ok) {
          let tableId = answer.data && answer.data.tableId;
          for (let attempt = 0; !tableId && attempt < 8; attempt++) {
            const found = (await loadParticipants()).find(p => p.participantId === person.participantId);
            if (found && found.tableId) tableId = found.tableId; else await new Promise(r => setTimeout(r, 300));
          }
          await loadSummary();
          showNotice(tableId ? t("console.p.seated", { name: person.name, table: tableLabel(tableId) })
            : t("console.p.seatedSomewhere", { name: person.name }));
        } else showAlert(problemText(answer));
      });
      participantsKey = "";
      refresh();
    }

    /*
     * CSV import in two moves: choosing a file reads it and previews what will happen (how it was
     * read, how many rows will be registered, each row that will be refused and why); nothing is
     * sent until the facilitator confirms. Rows then go one by one, in file order.
     */
    let pendingImport = null;   // {encoding, separator, rows, ignored} while a preview waits for a decision

    function clearImport() {
      pendingImport = null;
      $("csv-read").hidden = true;
      $("csv-preview").hidden = true;
      $("csv-preview").replaceChildren();
      $("csv-decision").hidden = true;
    }

    const whyRefused = problems => problems.map(p => t("console.csv.why." + p.key, p)).join("; ");

    function renderImportPreview() {
      if (!pendingImport) return;
      const { encoding, separator, rows, ignored } = pendingImport;
      const accepted = rows.filter(row => !row.problems.length);
      const refused = rows.filter(row => row.problems.length);
      $("csv-read").textContent = t("console.csv.read", {
        encoding: t("console.csv.enc." + encoding),
        separator: separator === "\t" ? t("console.csv.sep.tab") : separator
      });
      $("csv-read").hidden = false;
      const count = (key, n) => t(key + (n === 1 ? ".one" : ".other"), { n });
      // Once sent, the import's own outcome is in the notice; what stays is what was never sent.
      const preview = pendingImport.sent ? [] : [el("p", { text: count("console.csv.willRegister", accepted.length) })];
      if (refused.length) {
        preview.push(el("p", { text: count(pendingImport.sent ? "console.csv.notSent" : "console.csv.willRefuse", refused.length) }),
          el("ul", { class: "csv-errors" }, refused.map(row =>
            el("li", { text: t("console.csv.line", { line: row.line, detail: whyRefused(row.problems) }) }))));
      }
      if (ignored.length) preview.push(el("p", { text: t("console.csv.ignored", { columns: ignored.join(", ") }) }));
      $("csv-preview").replaceChildren(...preview);
      $("csv-preview").hidden = false;
      $("csv-decision").hidden = !accepted.length || !!pendingImport.sent;
          }

    async function previewImport() {
      const file = $("csv-file").files && $("csv-file").files[0];
      $("csv-errors").replaceChildren();
      $("csv-progress").textContent = "";
      clearImport();
      if (!file) { showAlert(t("console.csv.noFile")); $("csv-file").focus(); return; }
      let decoded;
      try { decoded = MingaCsv.decode(await file.arrayBuffer()); } catch (unreadable) { showAlert(t("console.csv.unreadable")); return; }
      const separator = MingaCsv.detectDelimiter(decoded.text);
      let records;
      try { records = MingaCsv.parse(decoded.text, separator); } catch (problem) {
        showAlert(problem && problem.code === "unclosed" ? t("console.csv.unclosed", { line: problem.line }) : t("console.csv.unreadable"));
        return;
      }
      if (!summary) await loadSummary();
      const { rows, ignored, hasName } = MingaCsv.toParticipants(records, summary ? summary.axes : []);
      if (!hasName) { showAlert(t("console.csv.noName")); return; }
      if (!rows.length) { showAlert(t("console.csv.empty")); return; }
      showAlert("");
      showNotice("");
      pendingImport = { encoding: decoded.encoding, separator, rows, ignored };
      renderImportPreview();
      if (!$("csv-decision").hidden) $("csv-confirm").focus();
    }

    $("csv-file").addEventListener("change", previewImport);
    $("csv-import").addEventListener("click", previewImport);
    $("csv-cancel").addEventListener("click", () => {
      clearImport();
      $("csv-file").value = "";
      $("csv-file").focus();
    });
    document.addEventListener("minga:lang", renderImportPreview);

    $("csv-confirm").addEventListener("click", async () => {
      if (!pendingImport || pendingImport.sent) return;
      const progress = $("csv-progress");
      const errors = $("csv-errors");
      const rows = pendingImport.rows.filter(row => !row.problems.length);
      errors.replaceChildren();
      $("csv-decision").hidden = true;
      const seatToo = await tablesExist();
      let ok = 0;
      const m = rows.length;
      progress.textContent = t("console.csv.progress", { n: 0, m });
      await busy($("csv-import"), async () => {
        for (let i = 0; i < rows.length; i++) {
          const { line, body } = rows[i];
          const answer = await call("POST", base + "/participants", body);
          if (answer && answer.ok) {
            let seated = true;
            if (seatToo) {
              const seatAnswer = await call("POST", base + "/participants/" + encodeURIComponent(answer.data.participantId) + "/seat", {});
              if (!seatAnswer || !seatAnswer.ok) {
                seated = false;
                errors.append(el("li", { text: t("console.csv.line", { line, detail: problemText(seatAnswer) }) }));
              }
            }
            if (seated) ok++;
          } else {
            errors.append(el("li", { text: t("console.csv.line", { line, detail: problemText(answer) }) }));
          }
          progress.textContent = t("console.csv.progress", { n: i + 1, m });
        }
      });
      // The preview stays on the page: its refused rows were not sent and still need fixing.
      pendingImport.sent = true;
      renderImportPreview();
      $("csv-file").value = "";
      showNotice(t("console.csv.done", { ok, m }));
      participantsKey = "";
      refresh();
    });

    /* ------------------------------------------------ tables */
    $("table-size").addEventListener("input", e => { e.target.dataset.dirty = "1"; });
    $("split-form").addEventListener("submit", async e => {
      e.preventDefault();
      const size = $("table-size").value.trim();
      const people = summary ? summary.counts.participants : 0;
      if (!window.confirm(t("console.split.confirm", { people, size: size || (summary ? summary.rules.tableSize : "") }))) return;
      const answer = await busy($("split-submit"), () => call("POST", base + "/split-into-tables", size ? { tableSize: Number(size) } : {}));
      if (answer && answer.ok) {
        const tables = (answer.data && answer.data.tables) || [];
        showNotice(t("console.split.done", { n: tables.length }));
        if (summary) {
          summary.tables = tables.map(tb => ({ leaderId: null, spokespersonId: null, pinned: false,
            ...(summary.tables.find(x => x.tableId === tb.tableId) || {}), ...tb }));
          renderTables();
        }
      } else showAlert(problemText(answer));
      participantsKey = "";
      await refresh();
    });

    async function setLeader(table, select, button) {
      const participantId = select.value;
      if (!participantId) { select.focus(); return; }
      const answer = await busy(button, () => call("PUT", base + "/tables/" + encodeURIComponent(table.tableId) + "/leader", { participantId }));
      if (answer && answer.ok) {
        delete select.dataset.dirty;
        showNotice(t("console.table.leaderSet", { name: nameOf(participantId), table: table.label }));
        const known = summary && summary.tables.find(x => x.tableId === table.tableId);
        if (known) known.leaderId = participantId;
      } else showAlert(problemText(answer));
      await refresh();
    }

    /* ------------------------------------------------ plenary and closing */
    const syncVoteFields = () => { $("vote-fields").hidden = !$("method-vote").checked; };
    $("method-consensus").addEventListener("change", syncVoteFields);
    $("method-vote").addEventListener("change", syncVoteFields);
    syncVoteFields();

    function approvalText(a) {
      if (!a) return "";
      if (a.method === "vote") return t("console.plenary.approvedVote", { inFavor: a.inFavor ?? 0, against: a.against ?? 0, abstentions: a.abstentions ?? 0 });
      if (a.method === "consensus") return t("console.plenary.approvedConsensus");
      return t("console.plenary.approved");
    }

    /** What the plenary box says and allows follows the room: open the plenary first, approve once, then it is done. */
    function renderPlenary() {
      if (!summary) return;
      const decided = Boolean(approval) || summary.status === "approved" || summary.status === "closed" || (board && board.status === "approved");
      const step = (board && board.step) || summary.step || {};
      const open = step.current === "plenary" && step.open;
      const next = decided ? "console.plenary.done" : open ? "console.plenary.ready" : "console.plenary.openFirst";
      $("plenary-state").textContent = t("console.plenary.pinned", { n: summary.counts.pinnedTables, m: summary.counts.tables }) + " " + t(next);
      $("approval-form").querySelectorAll("input, button").forEach(control => { control.disabled = decided || !open; });
      if (approval) $("approval-result").textContent = approvalText(approval);
      else if (decided) $("approval-result").textContent = t("console.plenary.approved");
    }

    $("approval-form").addEventListener("submit", async e => {
      e.preventDefault();
      const vote = $("method-vote").checked;
      const body = { method: vote ? "vote" : "consensus" };
      if (vote) {
        for (const [key, id] of [["inFavor", "in-favor"], ["against", "against"], ["abstentions", "abstentions"]]) {
          const v = $(id).value.trim();
          if (v !== "") body[key] = Number(v);
        }
      }
      const pinned = summary ? summary.counts.pinnedTables : 0, tables = summary ? summary.counts.tables : 0;
      const question = t(vote ? "console.plenary.confirmVote" : "console.plenary.confirmConsensus",
        { pinned, tables, inFavor: body.inFavor ?? 0, against: body.against ?? 0, abstentions: body.abstentions ?? 0 })
        + (pinned < tables ? " " + t("console.plenary.confirmUnpinned", { n: tables - pinned }) : "");
      if (!window.confirm(question)) return;
      const answer = await busy($("approval-submit"), () => call("POST", base + "/agenda/approval", body));
      if (answer && answer.ok) {
        approval = { ...body, ...(answer.data && typeof answer.data === "object" && answer.data.approval ? answer.data.approval : {}) };
        $("approval-result").textContent = approvalText(approval);
        showNotice(approvalText(approval));
        loadApproval();
      } else {
        showAlert(problemText(answer));
        focusField(answer, { inFavor: "in-favor", against: "against", abstentions: "abstentions", votes: "in-favor" });
      }
      refresh();
    });

    $("close-assembly").addEventListener("click", async () => {
      const title = summary ? summary.title : assemblyId;
      if (!window.confirm(t("console.close.confirm", { title }))) return;
      const answer = await busy($("close-assembly"), () => call("POST", base + "/close"));
      if (answer && answer.ok) showNotice(t("console.close.done"));
      else showAlert(problemText(answer));
      refresh();
    });

    /* ------------------------------------------------ live */
    followBoard(assemblyId, next => {
      board = next;
      if (summary && board.status && board.status !== summary.status) refresh();
      renderSteps();
      renderPlenary();
      renderProgress();
    }, state => {
      const live = $("live");
      live.textContent = t(state === "online" ? "live.online" : "live.reconnecting");
      live.classList.toggle("reconnecting", state !== "online");
    });

    document.addEventListener("minga:lang", e => {
      showAlert(""); showNotice("");   // they were written in the other language
      if (!summary && $("page-title").textContent === MINGA_MESSAGES[e.detail === "es" ? "en" : "es"]["console.loading"]) $("page-title").textContent = t("console.loading");
      renderAll();
      const live = $("live");
      if (live.textContent) live.textContent = t(live.classList.contains("reconnecting") ? "live.reconnecting" : "live.online");
    });

    buildSteps();
    renderSteps();
    setInterval(tick, 500);
    setInterval(refresh, 5000);
    loadSummary();
  }
})();
