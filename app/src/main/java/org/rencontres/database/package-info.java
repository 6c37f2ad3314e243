/**
 * Where the data lives: an embedded, real PostgreSQL under the data directory unless an external
 * one is given through {@code spring.datasource.url} ({@code SPRING_DATASOURCE_URL}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Database")
package org.rencontres.database;
