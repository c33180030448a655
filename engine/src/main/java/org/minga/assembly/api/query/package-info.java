/**
 * Queries and the read views they answer with: board, agenda, history, participation, assembly
 * summaries.
 */
package org.minga.assembly.api.query;
