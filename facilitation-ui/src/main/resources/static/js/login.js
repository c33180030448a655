/* The facilitator's sign-in: a plain form; the CSRF token comes from its cookie. */
(() => {
  const { t, translate, languageToggle, csrfToken } = Minga;
  document.getElementById("lang").append(languageToggle());
  document.getElementById("csrf").value = csrfToken();
  const show = () => {
    translate();
    // error=locked: the account took too many wrong passwords; error=throttled: this device sent too many.
    const error = new URLSearchParams(location.search).get("error");
    const failed = { locked: "login.locked", throttled: "login.throttled" }[error] || (error !== null ? "login.failed" : null);
    document.getElementById("alert").textContent = failed ? t(failed) : "";
    document.getElementById("notice").textContent = location.search.includes("logout") ? t("login.loggedOut") : "";
  };
  document.addEventListener("minga:lang", show);
  show();
})();
