/**
 * Runtime wiring: the embedded event store or Axon Server, read-model storage, processors,
 * availability and metrics.
 */
package org.minga.runtime;
