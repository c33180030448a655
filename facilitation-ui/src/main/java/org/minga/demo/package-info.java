/** The demo assembly whose tables fill the puzzle on their own. */
package org.minga.demo;
