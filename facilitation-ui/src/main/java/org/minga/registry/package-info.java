/** The participant registry: names and contacts, kept apart from events so they can be erased. */
package org.minga.registry;
