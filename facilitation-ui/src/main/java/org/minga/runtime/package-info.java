/**
 * Runtime wiring: the embedded event store or Axon Server, the upcasters of stored events,
 * read-model storage, processors, availability and metrics.
 */
package org.minga.runtime;
