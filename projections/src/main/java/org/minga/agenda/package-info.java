/** The agenda read model: the draft from pinned puzzles, frozen by the plenary's approval. */
package org.minga.agenda;
