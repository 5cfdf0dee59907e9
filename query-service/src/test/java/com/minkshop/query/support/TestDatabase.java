package com.minkshop.query.support;

import com.zaxxer.hikari.HikariDataSource;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;

/**
 * The PostgreSQL the tests run against (the same MINKSHOP_DB_* variables as the services) and a way to start from
 * an empty database: both services' schemas are dropped, and the event store tables are created from the
 * command-service's own Flyway scripts, so the query-service is tested against exactly the tables it reads in
 * production.
 */
public final class TestDatabase {

    public static final String URL = env("MINKSHOP_DB_URL", "jdbc:postgresql://localhost:5432/minkshop");
    public static final String USERNAME = env("MINKSHOP_DB_USERNAME", "minkshop");
    public static final String PASSWORD = env("MINKSHOP_DB_PASSWORD", "minkshop");

    private static final Path COMMAND_MIGRATIONS = Path.of("..", "command-service", "src", "main", "resources", "db",
                                                           "migration");

    private static HikariDataSource pool;

    private TestDatabase() {
    }

    /** A small connection pool of the test itself (not the service's), e.g. for writing events. */
    public static synchronized DataSource pool() {
        if (pool == null) {
            pool = new HikariDataSource();
            pool.setJdbcUrl(URL);
            pool.setUsername(USERNAME);
            pool.setPassword(PASSWORD);
            pool.setMaximumPoolSize(2);
            pool.setPoolName("test-writer");
        }
        return pool;
    }

    /** Drops both services' schemas; whoever starts next creates its own again. */
    public static void dropSchemas() {
        execute("DROP SCHEMA IF EXISTS readmodel CASCADE; DROP SCHEMA IF EXISTS eventstore CASCADE");
    }

    /** An empty database with the command side's event store tables, as if the command-service had started. */
    public static void recreateWithEventStore() {
        dropSchemas();
        StringBuilder script = new StringBuilder("CREATE SCHEMA eventstore; SET search_path TO eventstore;\n");
        commandMigrations().forEach(file -> script.append(read(file)).append('\n'));
        execute(script.toString());
    }

    public static void execute(String sql) {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed: " + e.getMessage(), e);
        }
    }

    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(URL, USERNAME, PASSWORD);
    }

    private static List<Path> commandMigrations() {
        try (Stream<Path> files = Files.list(COMMAND_MIGRATIONS)) {
            List<Path> scripts = files.filter(file -> file.getFileName().toString().matches("V\\d+__.*\\.sql"))
                                      .sorted((a, b) -> Integer.compare(version(a), version(b)))
                                      .toList();
            if (scripts.isEmpty()) {
                throw new IllegalStateException("No Flyway scripts in " + COMMAND_MIGRATIONS.toAbsolutePath());
            }
            return scripts;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the command-service migrations", e);
        }
    }

    private static int version(Path script) {
        String name = script.getFileName().toString();
        return Integer.parseInt(name.substring(1, name.indexOf("__")));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
