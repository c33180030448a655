/*
 * The facilitator console. /console lists assemblies and schedules new ones (home.js);
 * /console/{assemblyId} runs one (assembly.js): registration, tables, steps and time, the plenary
 * and the closing. Everything people typed reaches the page as text (lib/dom.js el).
 */
import { csrfToken } from "../lib/api.js";
import { pathIds } from "../lib/dom.js";
import { languageMenu, t, translate } from "../lib/words.js";
import { startAssemblyPage } from "./assembly.js";
import { NOTICE_KEY, startHomePage } from "./home.js";
import { showNotice } from "./ui.js";

const [assemblyId] = pathIds();

document.getElementById("lang").append(languageMenu());
// Signing out is a form post (the server answers with the login page); it carries the CSRF token like every write.
document.getElementById("sign-out").addEventListener("submit", () => {
  document.getElementById("sign-out-csrf").value = csrfToken();
});

translate();
if (assemblyId) startAssemblyPage(assemblyId); else startHomePage();

// A notice that survives the move from /console to the new assembly's page.
const carried = sessionStorage.getItem(NOTICE_KEY);
if (carried) { sessionStorage.removeItem(NOTICE_KEY); if (assemblyId) showNotice(t(carried)); }
