/*
 * Minga's REST API from a page: the CSRF token, the page's language and the read-your-writes
 * position travel with every call from here, and nowhere else.
 */
import { el } from "./dom.js";
import { lang, t } from "./words.js";

let clockOffsetMs = 0;

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
export function csrfToken() {
  const cookie = document.cookie.split("; ").find(c => c.startsWith("XSRF-TOKEN="));
  return cookie ? decodeURIComponent(cookie.slice("XSRF-TOKEN=".length)) : "";
}

/**
 * Calls the REST API. Resolves to {ok, status, data, problem, retryAfterMs}; a refusal's problem carries the
 * facilitator-readable detail in the page's language. Rejects only when Minga cannot be reached.
 */
export async function api(method, path, body) {
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
  // A 503 says when to try again (Retry-After, in seconds): nothing was saved, the same write may be sent again.
  const retryAfter = Number(response.headers.get("Retry-After"));
  return {
    ok: response.ok, status: response.status, data: response.ok ? data : null, problem: response.ok ? null : data,
    retryAfterMs: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : null
  };
}

/** A banner for a page opened without the link, code or sign-in its data needs. */
export function needAccess() {
  if (document.getElementById("need-access")) return;
  const banner = el("div", { id: "need-access", class: "alert", role: "alert" },
    t("access.needed"), " ", el("a", { href: "/login", text: t("access.signIn") }));
  document.body.prepend(banner);
}

/** Minga's clock, as its last answer gave it: every screen counts a step down to the same second. */
export function serverNow() {
  return Date.now() + clockOffsetMs;
}

/**
 * The address phones should dial: {baseUrl, reachable}. reachable is false when Minga found only an
 * address of this computer (127.0.0.1, localhost) and no MINGA_PUBLIC_URL is set; the page then says
 * so with addressWarning instead of printing a link no phone can follow. Without an answer, the page's own address.
 */
export async function joinAddress() {
  const answer = await api("GET", "/api/join-address").catch(() => null);
  return answer && answer.ok && answer.data && answer.data.baseUrl
    ? { baseUrl: answer.data.baseUrl.replace(/\/+$/, ""), reachable: answer.data.reachable !== false }
    : { baseUrl: location.origin, reachable: true };
}

/** The warning for an address phones cannot reach, or null when they can. */
export function addressWarning(address) {
  return address.reachable ? null
    : el("p", { class: "alert address-warning", role: "alert", text: t("address.unreachable", { baseUrl: address.baseUrl }) });
}
