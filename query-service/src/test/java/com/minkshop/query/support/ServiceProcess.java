package com.minkshop.query.support;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

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

    /**
     * A port free now and below the kernel's ephemeral range: a free port inside that range can become the local end
     * of an outgoing connection (the started service's own pool, say) in the seconds before the service binds it.
     */
    public static int freePort() throws IOException {
        int from = 10_000;
        int to = ephemeralRangeStart();
        if (to - from < 2_000) {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            }
        }
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(from, to);
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(port));
                return port;
            } catch (BindException taken) {
                // another listener has it: try the next
            }
        }
        throw new IOException("no free port in " + from + "-" + (to - 1));
    }

    private static int ephemeralRangeStart() {
        try {
            // readString stops early on this file: /proc reports its size as 0
            return Integer.parseInt(Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))
                                         .get(0).trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException notLinux) {
            return 32_768;
        }
    }
}
