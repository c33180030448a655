/**
 * The benchmark (-Pbench): rooms of phones and viewers driven against a running Minga, with
 * latency and allocation figures.
 */
package org.minga.benchmark;
