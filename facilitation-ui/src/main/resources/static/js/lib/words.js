/*
 * The page's words: one catalogue per language, served by Minga as /js/words.js (MINGA_MESSAGES,
 * loaded before any module). A language added as a catalogue file appears in the language menu
 * with no code change; a key it lacks reads in Spanish.
 */
const LANG_KEY = "minga.lang";
const CATALOGUES = globalThis.MINGA_MESSAGES || { es: {} };
let assemblyLang = null;

/** The languages Minga has a catalogue for, each with its own name ("Español", "English", "K'iche'"). */
export function languages() {
  return Object.keys(CATALOGUES).map(code => ({ code, name: CATALOGUES[code]["language.name"] || code }));
}

/** The reader's choice (the language menu), else the assembly's language, else the browser's. */
export function lang() {
  const chosen = localStorage.getItem(LANG_KEY);
  if (chosen && CATALOGUES[chosen]) return chosen;
  if (assemblyLang) return assemblyLang;
  const browser = (navigator.language || "es").toLowerCase().split("-")[0];
  return CATALOGUES[browser] ? browser : "es";
}

/** An assembly's pages speak its language once they know it, unless the reader chose another. */
export function useAssemblyLanguage(language) {
  if (!language || !CATALOGUES[language] || language === assemblyLang) return;
  const before = lang();
  assemblyLang = language;
  if (lang() !== before) {
    translate();
    document.dispatchEvent(new CustomEvent("minga:lang", { detail: lang() }));
  }
}

/** Whether the catalogue has a key (in Spanish, the complete one). */
export function has(key) {
  return key in CATALOGUES.es;
}

/**
 * The text of key in the page's language, {name} filled from vars; a key the language lacks reads
 * in Spanish. When vars.n is 1 and the catalogue has "key.one", that singular form is used. A count
 * with its word, {name#singular|plural}, reads "1 abstención" or "2 abstenciones".
 */
export function t(key, vars) {
  const words = CATALOGUES[lang()] || CATALOGUES.es;
  const singular = vars && Number(vars.n) === 1 ? key + ".one" : null;
  const text = (singular && (words[singular] ?? CATALOGUES.es[singular])) ?? words[key] ?? CATALOGUES.es[key] ?? key;
  if (!vars) return text;
  return text
    .replace(/\{(\w+)#([^|{}]*)\|([^{}]*)\}/g, (m, name, one, other) =>
      name in vars ? vars[name] + " " + (Number(vars[name]) === 1 ? one : other) : m)
    .replace(/\{(\w+)\}/g, (m, name) => (name in vars ? String(vars[name]) : m));
}

/** Fills every [data-i18n] (text), [data-i18n-placeholder] and [data-i18n-label] (aria-label) under root. */
export function translate(root = document) {
  document.documentElement.lang = lang();
  root.querySelectorAll("[data-i18n]").forEach(e => { e.textContent = t(e.dataset.i18n); });
  root.querySelectorAll("[data-i18n-placeholder]").forEach(e => { e.placeholder = t(e.dataset.i18nPlaceholder); });
  root.querySelectorAll("[data-i18n-label]").forEach(e => { e.setAttribute("aria-label", t(e.dataset.i18nLabel)); });
}

export function setLang(language) {
  localStorage.setItem(LANG_KEY, language);
  translate();
  document.dispatchEvent(new CustomEvent("minga:lang", { detail: language }));
}

/**
 * The language menu for any page header (#lang-menu): every shipped catalogue by its own name.
 * It follows the page's language when an assembly's language takes over.
 */
export function languageMenu() {
  const menu = document.createElement("select");
  menu.id = "lang-menu";
  menu.className = "lang-menu";
  for (const { code, name } of languages()) {
    const option = document.createElement("option");
    option.value = code;
    option.lang = code;
    option.textContent = name;
    menu.append(option);
  }
  const show = () => {
    menu.value = lang();
    menu.setAttribute("aria-label", t("lang.menu.label"));
  };
  menu.addEventListener("change", () => setLang(menu.value));
  document.addEventListener("minga:lang", show);
  show();
  return menu;
}

/** A value of the registration form in the page's words ("Mujer", "Rural"), or the value as typed. */
export function valueLabel(dimension, value) {
  if (value === "unknown" || value === null || value === undefined || value === "") return t("participation.unknown");
  const key = "value." + dimension + "." + value;
  return has(key) ? t(key) : value;
}
