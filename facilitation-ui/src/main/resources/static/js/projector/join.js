/* The projector's join QR: the address phones dial, or a warning in its place when they cannot reach it. */
import { api } from "../lib/api.js";
import { t } from "../lib/words.js";

let joinAnswer = null;

/** Shows the QR code and link of the assembly's phone page. */
export async function showJoinLink(assemblyId) {
  const answer = await api("GET", "/api/join-address").catch(() => null);
  joinAnswer = answer && answer.ok ? answer.data : null;
  const url = (joinAnswer ? joinAnswer.baseUrl : location.origin) + "/table/" + encodeURIComponent(assemblyId);
  const link = document.getElementById("join-link");
  link.textContent = url.replace(/^https?:\/\//, "");
  link.href = url;
  document.getElementById("qr").src = "/qr.svg?text=" + encodeURIComponent(url);
  joinWarning();
}

/**
 * Phones cannot reach a loopback address: the warning takes the QR code's place (a code no phone
 * can follow helps nobody), within the header's height so the board keeps its room.
 */
export function joinWarning() {
  const warning = document.getElementById("join-warning");
  warning.hidden = !(joinAnswer && joinAnswer.reachable === false);
  warning.textContent = warning.hidden ? "" : t("projector.unreachable");
  warning.closest(".join").classList.toggle("unreachable", !warning.hidden);
}
