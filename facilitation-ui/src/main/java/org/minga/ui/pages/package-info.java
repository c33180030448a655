/** The pages' server side: page routes, the join address phones should dial, QR codes. */
package org.minga.ui.pages;
