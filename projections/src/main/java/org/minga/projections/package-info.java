/**
 * What every read model shares: folding events into documents, batched writes, the stores they
 * live in.
 */
package org.minga.projections;
