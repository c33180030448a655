/*
 * Share links: a projector link (no sign-in on the projector's laptop), an auditor link and a
 * public agenda link, each revocable. Links made in this session of the console are listed.
 */
import { el } from "../lib/dom.js";
import { t } from "../lib/words.js";
import { state } from "./state.js";
import { $, call, showAlert, showNotice } from "./ui.js";

const shareLinks = [];

export function startShareLinks() {
  document.addEventListener("minga:lang", renderLinks);
  setTimeout(renderLinks, 0);
}

const failure = answer => answer && answer.problem ? answer.problem.detail : t("error.network");

async function create(kind) {
  const answer = await call("POST", state.base + "/links", { kind });
  if (!answer || !answer.ok) { showAlert(failure(answer)); return; }
  shareLinks.push({ kind, linkId: answer.data.linkId, url: location.origin + answer.data.url });
  renderLinks();
}

async function revoke(link) {
  const revoked = await call("DELETE", state.base + "/links/" + encodeURIComponent(link.linkId));
  if (revoked && revoked.ok) {
    shareLinks.splice(shareLinks.indexOf(link), 1);
    renderLinks();
    showNotice(t("console.access.revoked"));
  } else {
    showAlert(failure(revoked));
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

function renderLinks() {
  const section = el("section", { class: "panel", id: "share-links", "aria-labelledby": "links-title" },
    el("h2", { id: "links-title", text: t("console.access.title") }),
    el("p", { class: "muted", text: t("console.access.hint") }),
    el("div", { class: "inline" },
      el("button", { type: "button", id: "new-projector-link", text: t("console.access.newProjector"), onclick: () => create("projector") }),
      el("button", { type: "button", id: "new-auditor-link", class: "secondary", text: t("console.access.newAuditor"), onclick: () => create("auditor") }),
      el("button", { type: "button", id: "new-public-link", class: "secondary", text: t("console.access.newPublic"), onclick: () => create("public") })),
    el("p", { class: "muted", id: "public-link-hint", text: t("console.access.publicHint") }),
    el("ul", { id: "links-list" }, shareLinks.map(link => el("li", { "data-link": link.linkId, "data-kind": link.kind },
      el("strong", { text: t("console.access." + link.kind) }), " ",
      el("input", { type: "text", readonly: true, value: link.url, "aria-label": t("console.access." + link.kind), class: "link-url" }),
      link.kind === "public" ? publicLinkExtras(link) : null,
      el("button", { type: "button", class: "danger small", text: t("console.access.revoke"), onclick: () => revoke(link) })))));
  const existing = document.getElementById("share-links");
  if (existing) existing.replaceWith(section);
  else $("tables-section").after(section);
}
