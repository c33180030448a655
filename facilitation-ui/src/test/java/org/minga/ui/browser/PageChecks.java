package org.minga.ui.browser;

import java.util.List;
import java.util.Map;

import org.openqa.selenium.JavascriptExecutor;

/** Measurements a person would make of a page, taken in the browser itself. */
final class PageChecks {

    private PageChecks() {
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
