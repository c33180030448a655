/** Minga's words: one catalogue per language for pages, refusals, the history and the downloads, falling back to Spanish key by key. */
package org.minga.words;
