/*
 * /console/{assemblyId}: one assembly run from the console. Each part of the page starts here; the
 * board comes from its stream, everything else from reads when something says it changed.
 */
import { followBoard } from "../lib/live.js";
import { startCsvImport } from "./csv-import.js";
import { showConnection, startHeader } from "./header.js";
import { startParticipants } from "./participants.js";
import { startPlenary } from "./plenary.js";
import { loadParticipation, loadSummary, readAgainWhenTold } from "./reading.js";
import { startRegistration } from "./registration.js";
import { startShareLinks } from "./share-links.js";
import { changed, state } from "./state.js";
import { startSteps } from "./steps.js";
import { startTables } from "./tables.js";
import { markTouchedControls, showAlert, showNotice } from "./ui.js";

export function startAssemblyPage(assemblyId) {
  state.assemblyId = assemblyId;
  state.base = "/api/assemblies/" + encodeURIComponent(assemblyId);
  markTouchedControls();
  // Alerts and notices were written in the other language: they go first, before anything redraws.
  document.addEventListener("minga:lang", () => { showAlert(""); showNotice(""); });
  document.addEventListener("minga:lang", loadParticipation);   // the charts' words come from the server
  startHeader();
  startShareLinks();
  startRegistration();
  startParticipants();
  startCsvImport();
  startTables();
  startSteps();
  startPlenary();

  const boardChanged = readAgainWhenTold();
  state.live = followBoard(assemblyId, board => {
    state.board = board;
    changed("board");
    boardChanged(board);
  }, showConnection);
  loadSummary();
}
