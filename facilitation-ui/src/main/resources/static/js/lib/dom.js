/*
 * DOM helpers. Every text that comes from people is put on the page with textContent (never
 * innerHTML), so "<img onerror=…>" reads as text everywhere.
 */

/** Builds an element; strings among children become text nodes, never markup. */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "text") node.textContent = value;
    else if (name.startsWith("on") && typeof value === "function") node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? "" : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** The ids in the page's path: /projector/{assemblyId}, /table/{assemblyId}/{tableId}… */
export function pathIds() {
  return location.pathname.split("/").filter(Boolean).slice(1).map(decodeURIComponent);
}
