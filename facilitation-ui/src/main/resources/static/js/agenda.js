/*
 * The agenda, print-friendly: what the plenary approved (or the draft), grouped by axis,
 * with CSV and Markdown downloads. Texts from people are set with textContent (Minga.el), never markup.
 */
Object.assign(MINGA_MESSAGES.es, {
  "agenda.kicker": "Agenda de la asamblea",
  "agenda.actions": "Descargas e impresión",
  "agenda.downloadCsv": "Descargar CSV (Excel)",
  "agenda.downloadMd": "Descargar el acta (Markdown)",
  "agenda.print": "Imprimir",
  "agenda.toAudit": "Ver la auditoría",
  "agenda.date": "Fecha: {date}",
  "agenda.region": "Región: {region}",
  "agenda.venue": "Lugar: {venue}",
  "agenda.status.draft": "BORRADOR",
  "agenda.status.approved": "AGENDA APROBADA",
  "agenda.draftNote": "Aún no aprobada por el plenario: puede cambiar.",
  "agenda.approvedConsensus": "El plenario la aprobó por consenso el {at}.",
  "agenda.approvedVote": "El plenario la aprobó por votación el {at}: {inFavor} a favor, {against} en contra, {abstentions} abstenciones.",
  "agenda.col.need": "Necesidad",
  "agenda.col.solution": "Solución",
  "agenda.col.orgs": "Organizaciones que cooperan",
  "agenda.col.who": "Quién",
  "agenda.col.when": "Cuándo",
  "agenda.col.table": "Mesa",
  "agenda.axis": "Eje: {title}",
  "agenda.count": "{n} puntos", "agenda.count.one": "1 punto",
  "agenda.axisEmpty": "Ningún punto de este eje en la agenda.",
  "agenda.noItems": "La agenda aún no tiene puntos: ninguna mesa ha fijado su rompecabezas.",
  "agenda.none": "—",
  "agenda.whenRange": "{from} – {to}",
  "agenda.loadError": "No se pudo cargar la agenda.",
  "agenda.audience.public": "Enlace público: cualquier persona con este enlace ve esta agenda. No muestra nombres ni datos de quienes participaron.",
  "agenda.audience.restricted": "Esta agenda no es pública: la ven facilitadores, las mesas de la asamblea y quienes tengan un enlace de auditoría o el enlace público de la agenda.",
  "agenda.notPublic": "Esta agenda no es pública. Inicie sesión como facilitador o pida a quien facilita el enlace público de la agenda."
});
Object.assign(MINGA_MESSAGES.en, {
  "agenda.kicker": "Assembly agenda",
  "agenda.actions": "Downloads and printing",
  "agenda.downloadCsv": "Download CSV (Excel)",
  "agenda.downloadMd": "Download the minutes (Markdown)",
  "agenda.print": "Print",
  "agenda.toAudit": "See the audit",
  "agenda.date": "Date: {date}",
  "agenda.region": "Region: {region}",
  "agenda.venue": "Venue: {venue}",
  "agenda.status.draft": "DRAFT",
  "agenda.status.approved": "APPROVED AGENDA",
  "agenda.draftNote": "Not yet approved by the plenary: it may still change.",
  "agenda.approvedConsensus": "The plenary approved it by consensus on {at}.",
  "agenda.approvedVote": "The plenary approved it by vote on {at}: {inFavor} in favour, {against} against, {abstentions} abstentions.",
  "agenda.col.need": "Need",
  "agenda.col.solution": "Solution",
  "agenda.col.orgs": "Cooperating organisations",
  "agenda.col.who": "Who",
  "agenda.col.when": "When",
  "agenda.col.table": "Table",
  "agenda.axis": "Axis: {title}",
  "agenda.count": "{n} items", "agenda.count.one": "1 item",
  "agenda.axisEmpty": "No item of this axis is on the agenda.",
  "agenda.noItems": "The agenda has no items yet: no table has pinned its puzzle.",
  "agenda.none": "—",
  "agenda.whenRange": "{from} – {to}",
  "agenda.loadError": "The agenda could not be loaded.",
  "agenda.audience.public": "Public link: anyone with this link sees this agenda. It shows no names and no data about the people who took part.",
  "agenda.audience.restricted": "This agenda is not public: facilitators, the assembly's tables and holders of an auditor link or of the agenda's public link see it.",
  "agenda.notPublic": "This agenda is not public. Sign in as a facilitator, or ask the facilitators for the agenda's public link."
});

(() => {
  const { el, t, api, translate, languageToggle, pathIds, lang } = Minga;
  const [assemblyId] = pathIds();
  const base = "/api/assemblies/" + encodeURIComponent(assemblyId || "");
  const $ = id => document.getElementById(id);

  let summary = null;
  let agenda = null;

  $("lang").append(languageToggle());
  $("download-csv").href = base + "/agenda.csv";
  $("download-md").href = base + "/agenda.md";
  $("audit-link").href = "/audit/" + encodeURIComponent(assemblyId || "");
  $("print").addEventListener("click", () => window.print());
  translate();

  const pad = n => String(n).padStart(2, "0");
  const locale = () => (lang() === "en" ? "en-GB" : "es");

  function dateTime(iso) {
    if (!iso) return "";
    const d = new Date(iso);
    if (isNaN(d)) return String(iso);
    return d.toLocaleDateString(locale(), { day: "numeric", month: "long", year: "numeric" })
      + " " + pad(d.getHours()) + ":" + pad(d.getMinutes());
  }
  /** A calendar date such as 2026-03-14, in the page language, without time-zone shifts. */
  function calendarDate(day) {
    if (!day) return "";
    const d = new Date(day + "T00:00:00Z");
    if (isNaN(d)) return String(day);
    return d.toLocaleDateString(locale(), { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  }

  function decisionText() {
    if (!agenda || agenda.status !== "approved" || !agenda.approval) return t("agenda.draftNote");
    const a = agenda.approval;
    const at = dateTime(a.approvedAt);
    return a.method === "vote"
      ? t("agenda.approvedVote", { at, inFavor: a.inFavor ?? 0, against: a.against ?? 0, abstentions: a.abstentions ?? 0 })
      : t("agenda.approvedConsensus", { at });
  }

  function tableLabel(tableId) {
    const table = summary && (summary.tables || []).find(x => x.tableId === tableId);
    return table && table.label ? table.label : tableId;
  }

  /** The axes to show, in the assembly's order, plus any axis an item names that the summary lacks. */
  function axesInOrder(items) {
    const axes = summary && summary.axes ? summary.axes.map(a => ({ axisId: a.axisId, title: a.title || a.axisId })) : [];
    for (const item of items) {
      if (!axes.some(a => a.axisId === item.axisId)) axes.push({ axisId: item.axisId, title: item.axisId });
    }
    return axes;
  }

  const orNone = list => (list && list.length ? list.join(", ") : t("agenda.none"));

  /** data-label lets narrow screens, where rows become cards, name each cell (CSS attr()). */
  function row(item) {
    const label = c => t("agenda.col." + c);
    return el("tr", { "data-piece": item.needPieceId, "data-table": item.tableId },
      el("th", { scope: "row", class: "cell-need", "data-label": label("need"), text: item.need }),
      el("td", { class: "cell-solution", "data-label": label("solution"), text: item.solution || t("agenda.none") }),
      el("td", { class: "cell-orgs", "data-label": label("orgs"), text: orNone(item.cooperatingOrganizations) }),
      el("td", { class: "cell-who", "data-label": label("who"), text: orNone(item.who) }),
      el("td", { class: "cell-when", "data-label": label("when") }, item.when
        ? [el("time", { datetime: item.when.from, text: item.when.from }), " – ",
          el("time", { datetime: item.when.to, text: item.when.to })]
        : t("agenda.none")),
      el("td", { class: "cell-table", "data-label": label("table"), text: tableLabel(item.tableId) }));
  }

  function axisSection(axis, items) {
    const headingId = "axis-" + axis.axisId;
    const section = el("section", { class: "axis", "data-axis": axis.axisId, "aria-labelledby": headingId },
      el("h2", { id: headingId },
        el("span", { class: "axis-title", text: axis.title }),
        el("span", { class: "count", text: t("agenda.count", { n: items.length }) })));
    if (!items.length) {
      section.append(el("p", { class: "axis-empty muted", text: t("agenda.axisEmpty") }));
      return section;
    }
    const cols = ["need", "solution", "orgs", "who", "when", "table"];
    section.append(el("table", { class: "agenda-table", "aria-labelledby": headingId },
      el("colgroup", {}, cols.map(c => el("col", { class: "col-" + c }))),
      el("thead", {}, el("tr", {}, cols.map(c => el("th", { scope: "col", class: "col-" + c, text: t("agenda.col." + c) })))),
      el("tbody", {}, items.map(row))));
    return section;
  }

  function render() {
    const title = (summary && summary.title) || (agenda && agenda.title) || "Minga";
    $("title").textContent = title;
    document.title = t("agenda.kicker") + " · " + title;
    $("meta").replaceChildren(...(summary ? [
      summary.date ? el("span", { class: "date", text: t("agenda.date", { date: calendarDate(summary.date) }) }) : null,
      summary.region ? el("span", { class: "region", text: t("agenda.region", { region: summary.region }) }) : null,
      summary.venue ? el("span", { class: "venue", text: t("agenda.venue", { venue: summary.venue }) }) : null
    ].filter(Boolean) : []));
    // Only a public link's summary says "public"; its holder may read nothing beyond this page.
    const isPublic = summary && summary.audience === "public";
    $("audience").textContent = summary ? t("agenda.audience." + (isPublic ? "public" : "restricted")) : "";
    $("audit-link").style.display = isPublic ? "none" : ""; // a .button's display would win over [hidden]
    if (!agenda) return;

    const approved = agenda.status === "approved";
    const box = $("status-box");
    box.dataset.status = agenda.status;
    $("status").textContent = t("agenda.status." + (approved ? "approved" : "draft"));
    $("decision").textContent = decisionText();

    const items = agenda.items || [];
    const area = $("axes");
    area.removeAttribute("aria-busy");
    if (!items.length) {
      area.replaceChildren(el("p", { class: "no-items notice", text: t("agenda.noItems") }));
      return;
    }
    area.replaceChildren(...axesInOrder(items).map(axis =>
      axisSection(axis, items.filter(i => i.axisId === axis.axisId))));
  }

  async function load() {
    const [summaryAnswer, agendaAnswer] = await Promise.all([
      api("GET", base).catch(() => null),
      api("GET", base + "/agenda").catch(() => null)
    ]);
    if (!summaryAnswer || !agendaAnswer) { $("alert").textContent = t("error.network"); return; }
    const refused = [summaryAnswer, agendaAnswer].find(a => !a.ok);
    $("alert").textContent = !refused ? ""
      : refused.status === 401 ? t("agenda.notPublic")
      : (refused.problem && refused.problem.detail) || t("agenda.loadError");
    if (summaryAnswer.ok) summary = summaryAnswer.data;
    if (agendaAnswer.ok) agenda = agendaAnswer.data;
    Minga.useAssemblyLanguage((agenda || summary || {}).language);
    if (!agenda) $("axes").removeAttribute("aria-busy");
    render();
  }

  document.addEventListener("minga:lang", load); // problem details come in the page language
  load();
})();
