/** The history: every event of an assembly as a sentence in Spanish or English, for auditors. */
package org.minga.history;
