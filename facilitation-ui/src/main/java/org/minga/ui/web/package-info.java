/**
 * What every controller shares: gateways to Axon, refusals as problem+json, JSON and locale
 * settings, reads that wait for writes.
 */
package org.minga.ui.web;
