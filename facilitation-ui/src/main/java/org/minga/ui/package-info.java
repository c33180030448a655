/** The REST API of assemblies (docs/API.md): one controller per part of the method. */
package org.minga.ui;
