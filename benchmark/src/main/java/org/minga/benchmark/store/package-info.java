/** The event-store run: raw appends against Minga's own store on the same machine, for comparison. */
package org.minga.benchmark.store;
