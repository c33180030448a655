/**
 * The live board (the solidarity puzzle), its changes for viewers, and the board as it stood after
 * any event.
 */
package org.minga.board;
