/*
 * What the auditor's page has read of the assembly (its summary, its history oldest first, its
 * agenda), shared by the page's parts, and how they name its tables and axes.
 */
import { pathIds } from "../lib/dom.js";

const [assemblyId] = pathIds();

export const audited = {
  assemblyId: assemblyId || "",
  base: "/api/assemblies/" + encodeURIComponent(assemblyId || ""),
  summary: null, // GET /api/assemblies/{a}
  history: [],   // GET …/history, oldest first
  agenda: null   // GET …/agenda
};

export const $ = id => document.getElementById(id);

export function tableInfo(tableId) {
  const table = audited.summary && (audited.summary.tables || []).find(x => x.tableId === tableId);
  return table || null;
}

export function tableLabel(tableId) {
  const table = tableInfo(tableId);
  return table && table.label ? table.label : tableId;
}

export function axisTitle(axisId) {
  const axis = audited.summary && (audited.summary.axes || []).find(x => x.axisId === axisId);
  return axis && axis.title ? axis.title : axisId;
}

export const sequences = () => audited.history.map(e => e.sequence);
export const lastSequence = () => (audited.history.length ? audited.history[audited.history.length - 1].sequence : 0);

/** The history entry of a sequence, or the latest one before it. */
export function entryAt(sequence) {
  let found = null;
  for (const entry of audited.history) {
    if (entry.sequence <= sequence) found = entry; else break;
  }
  return found;
}
