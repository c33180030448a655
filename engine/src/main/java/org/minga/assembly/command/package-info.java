/**
 * The assembly aggregate: the method's rules (tables, pieces, steps, plenary), checked before each
 * event is applied.
 */
package org.minga.assembly.command;
