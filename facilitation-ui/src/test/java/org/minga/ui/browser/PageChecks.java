package org.minga.ui.browser;

import java.util.List;
import java.util.Map;

import org.openqa.selenium.JavascriptExecutor;

/** Measurements a person would make of a page, taken in the browser itself. */
final class PageChecks {

    /** The smallest type a piece's text may have on the projector's overview, read from the back of a hall. */
    static final int OVERVIEW_LEAST_PX = 20;

    private PageChecks() {
    }

    /**
     * What keeps a text on the projector's board from being read, as a person sees it: a line cut
     * (its visible height not a whole number of lines, or clipped by the table around it), a word
     * split across two lines other than at a syllable's soft hyphen, piece texts under {@code leastPx}.
     * Empty when every text on the board reads.
     */
    @SuppressWarnings("unchecked")
    static List<String> unreadableBoardTexts(JavascriptExecutor page, int leastPx) {
        return (List<String>) page.executeScript("""
                const least = arguments[0];
                const problems = [];
                const clipped = (e, r) => { for (let a = e.parentElement; a && a.id !== 'board'; a = a.parentElement) {
                    if (getComputedStyle(a).overflow === 'visible') continue;
                    const b = a.getBoundingClientRect(); if (r.bottom > b.bottom + 0.5 || r.right > b.right + 0.5) return a.className; } return null; };
                // A word may continue on the next line only right after one of its soft hyphens (a syllable break, shown as "-").
                const atSoftHyphen = (node, start, word) => {
                  const top = j => { const r = document.createRange(); r.setStart(node, start + j); r.setEnd(node, start + j + 1);
                    const q = [...r.getClientRects()].filter(q => q.width > 0); return q.length ? Math.round(q[q.length - 1].top) : null; };
                  const first = top(0);
                  for (let j = 1; j < word.length; j++) { const here = top(j); if (here !== null && here !== first) return word[j - 1] === '\u00AD'; }
                  return false; };
                const name = e => (e.closest('[data-table]') || {}).dataset?.table + ' ' + e.textContent.slice(0, 30);
                for (const e of document.querySelectorAll('#board .piece .text, #board .orgs, #board .when, #board .axis-title, #board .table header span')) {
                  if (e.getClientRects().length === 0) continue;
                  const style = getComputedStyle(e); const line = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.2;
                  const r = e.getBoundingClientRect();
                  if (e.matches('.piece .text')) {
                    const lines = e.clientHeight / line;
                    if (Math.abs(lines - Math.round(lines)) > 0.05) problems.push('cut mid-line (' + lines.toFixed(2) + ' lines): ' + name(e));
                    if (parseFloat(style.fontSize) < least) problems.push('type ' + style.fontSize + ': ' + name(e));
                  }
                  const by = clipped(e, r); if (by) problems.push('clipped by ' + by + ': ' + name(e));
                  if (e.scrollWidth > e.clientWidth + 1 && style.textOverflow !== 'ellipsis') problems.push('wider than its box: ' + name(e));
                  const walker = document.createTreeWalker(e, NodeFilter.SHOW_TEXT);
                  while (walker.nextNode()) {
                    const node = walker.currentNode; const re = /\\S+/g; let m;
                    while ((m = re.exec(node.textContent))) {
                      const range = document.createRange(); range.setStart(node, m.index); range.setEnd(node, m.index + m[0].length);
                      const tops = new Set([...range.getClientRects()].filter(q => q.width > 0).map(q => Math.round(q.top)));
                      if (tops.size > 1 && !atSoftHyphen(node, m.index, m[0])) problems.push('word split across lines: "' + m[0] + '" in ' + name(e));
                    }
                  }
                }
                return problems;""", leastPx);
    }

    /**
     * The lowest WCAG contrast ratio between any visible text on the page and the background
     * behind it, with the element where it occurs.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> lowestTextContrast(JavascriptExecutor page) {
        return (Map<String, Object>) page.executeScript("""
                const parse = c => { const m = c.match(/rgba?\\(([^)]+)\\)/); if (!m) return null;
                  const p = m[1].split(',').map(s => parseFloat(s)); return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1}; };
                const lum = c => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
                  return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); };
                const background = e => { for (let n = e; n; n = n.parentElement) { const c = parse(getComputedStyle(n).backgroundColor);
                  if (c && c.a > 0.5) return c; } return {r: 255, g: 255, b: 255, a: 1}; };
                let worst = {ratio: 99, where: ''};
                const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
                while (walker.nextNode()) {
                  const node = walker.currentNode; if (!node.textContent.trim()) continue;
                  const e = node.parentElement; const style = getComputedStyle(e);
                  if (style.visibility === 'hidden' || style.display === 'none' || e.getClientRects().length === 0) continue;
                  const fg = parse(style.color); const bg = background(e);
                  const l1 = lum(fg), l2 = lum(bg); const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
                  if (ratio < worst.ratio) worst = {ratio, where: e.tagName + '.' + e.className + ': ' + node.textContent.trim().slice(0, 40)};
                }
                return worst;""");
    }

    /**
     * Bytes a phone with an empty cache transfers for the page and everything it loads, the live
     * stream aside: each response's body as sent (compressed or not) plus its headers when they
     * were transferred; a response served from the cache counts its full body all the same.
     */
    static long transferredBytes(JavascriptExecutor page) {
        Number bytes = (Number) page.executeScript("""
                const size = e => Math.max(e.transferSize, e.encodedBodySize + 300);
                const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
                  .filter(e => !e.name.includes('/board/stream'));
                return entries.reduce((s, e) => s + size(e), 0);""");
        return bytes.longValue();
    }

    /** Whether the page needs scrollbars to show all of itself. */
    static boolean scrolls(JavascriptExecutor page) {
        return (Boolean) page.executeScript("""
                const d = document.documentElement;
                return d.scrollHeight > window.innerHeight || d.scrollWidth > window.innerWidth;""");
    }

    /** Controls on the page a keyboard cannot reach: taken out of the tab order, or clickable things that are not controls. */
    @SuppressWarnings("unchecked")
    static List<String> interactiveElementsOutOfTabOrder(JavascriptExecutor page) {
        return (List<String>) page.executeScript("""
                return [...document.querySelectorAll('button, a[href], input, select, textarea, [onclick], [role=button]')]
                  .filter(e => e.getClientRects().length > 0 && (e.tabIndex < 0 || e.disabled === undefined && !['A','BUTTON','INPUT','SELECT','TEXTAREA'].includes(e.tagName)))
                  .map(e => e.outerHTML.slice(0, 80));""");
    }
}
