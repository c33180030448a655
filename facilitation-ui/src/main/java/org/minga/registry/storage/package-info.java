/**
 * Where the registry keeps its records (people, facilitators, tokens, sign-ins, share links,
 * table codes): one port, {@link org.minga.registry.storage.RegistryStorage}, over MongoDB or a
 * database reached through JDBC. Records keep the shape, ids and field names of the MongoDB
 * documents they have always been.
 */
package org.minga.registry.storage;
