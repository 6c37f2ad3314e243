package org.rencontres;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A database of its own on the tests' PostgreSQL server (same account), for a migration test: created
 * migrated up to a version, written the old way, migrated further, then dropped on close.
 */
public final class ScratchDatabase implements AutoCloseable {

    private final JdbcClient server;
    private final String name;
    private final DataSource dataSource;

    private ScratchDatabase(JdbcClient server, String name, DataSource dataSource) {
        this.server = server;
        this.name = name;
        this.dataSource = dataSource;
    }

    /** A new database named after {@code prefix}, with the application's migrations up to {@code version}. */
    public static ScratchDatabase migratedTo(DataSource application, String prefix, String version) throws SQLException {
        String name = prefix + "_" + System.nanoTime();
        JdbcClient server = JdbcClient.create(application);
        server.sql("CREATE DATABASE " + name).update();
        DriverManagerDataSource dataSource;
        try (Connection connection = application.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            String url = meta.getURL().replaceFirst("^(jdbc:postgresql://[^/]+/)[^?]*", "$1" + name);
            dataSource = new DriverManagerDataSource(url, meta.getUserName(), "");
        }
        ScratchDatabase database = new ScratchDatabase(server, name, dataSource);
        database.migrateTo(version);
        return database;
    }

    /** Applies the application's migrations up to that version. */
    public void migrateTo(String version) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target(version).load().migrate();
    }

    public JdbcClient jdbc() {
        return JdbcClient.create(dataSource);
    }

    @Override
    public void close() {
        server.sql("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)").update();
    }
}
