/* The facilitator's sign-in: a plain form; the CSRF token comes from its cookie. */
(() => {
  const { t, translate, languageToggle } = Minga;
  document.getElementById("lang").append(languageToggle());
  const csrf = document.cookie.split("; ").find(c => c.startsWith("XSRF-TOKEN="));
  document.getElementById("csrf").value = csrf ? decodeURIComponent(csrf.slice("XSRF-TOKEN=".length)) : "";
  const show = () => {
    translate();
    document.getElementById("alert").textContent = location.search.includes("error") ? t("login.failed") : "";
    document.getElementById("notice").textContent = location.search.includes("logout") ? t("login.loggedOut") : "";
  };
  document.addEventListener("minga:lang", show);
  show();
})();
