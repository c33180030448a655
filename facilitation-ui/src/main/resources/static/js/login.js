/* The facilitator's sign-in: a plain form; the CSRF token comes from its cookie. */
import { csrfToken } from "./lib/api.js";
import { languageMenu, t, translate } from "./lib/words.js";

document.getElementById("lang").append(languageMenu());
document.getElementById("csrf").value = csrfToken();

function show() {
  translate();
  // error=locked: the account took too many wrong passwords; error=throttled: this device sent too many.
  const error = new URLSearchParams(location.search).get("error");
  const failed = { locked: "login.locked", throttled: "login.throttled" }[error] || (error !== null ? "login.failed" : null);
  document.getElementById("alert").textContent = failed ? t(failed) : "";
  document.getElementById("notice").textContent = location.search.includes("logout") ? t("login.loggedOut") : "";
}
document.addEventListener("minga:lang", show);
show();
