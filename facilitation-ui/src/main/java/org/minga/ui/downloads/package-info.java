/** Files to hand over: the agenda as CSV for spreadsheets and the minutes (acta) in Markdown. */
package org.minga.ui.downloads;
