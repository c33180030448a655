/** The Spring Boot application that runs Minga. */
package org.minga;
