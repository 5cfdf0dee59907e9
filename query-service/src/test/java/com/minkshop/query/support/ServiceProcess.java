package com.minkshop.query.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A service jar run as a child process against the test database, its output in a log file, so a test can kill it
 * like an operating system would.
 */
public final class ServiceProcess {

    private ServiceProcess() {
    }

    /**
     * Starts {@code java <javaArguments>} with the MINKSHOP_DB_* variables of {@link TestDatabase}.
     */
    public static Process start(Path log, String... javaArguments) throws IOException {
        Files.createDirectories(log.toAbsolutePath().getParent());
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(javaArguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("MINKSHOP_DB_URL", TestDatabase.URL);
        builder.environment().put("MINKSHOP_DB_USERNAME", TestDatabase.USERNAME);
        builder.environment().put("MINKSHOP_DB_PASSWORD", TestDatabase.PASSWORD);
        return builder.start();
    }
}
