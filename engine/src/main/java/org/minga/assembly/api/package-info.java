/**
 * What the engine says to the rest of Minga: commands, events, refusals and their codes, as
 * records; the only engine package other modules may use.
 */
package org.minga.assembly.api;
