/** Assembly summaries: the list of assemblies, their status, counts and tables. */
package org.minga.roster;
