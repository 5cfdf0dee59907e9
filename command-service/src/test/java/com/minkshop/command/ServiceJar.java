package com.minkshop.command;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The packaged command-service run as a process of its own, for tests that kill it or its database. */
final class ServiceJar {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private ServiceJar() {
    }

    /** Starts the jar on the port with the extra environment and returns once it reports ready. */
    static Process start(int port, Path log, Map<String, String> environment) throws IOException {
        String jar = System.getProperty("commandServiceJar", "").trim();
        assertThat(new File(jar)).as("command-service jar (build it first: ./mvnw package)").isFile();
        Files.createDirectories(log.getParent());
        // C1 only: the child service starts faster, and these tests measure nothing
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                                    "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", jar,
                                                    "--server.port=" + port)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        ShopClient shop = new ShopClient(port);
        await().atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(200)).until(() -> {
            assertThat(process.isAlive()).as("command-service exited, see " + log.toAbsolutePath()).isTrue();
            try {
                return shop.get("/actuator/health/readiness").status() == 200;
            } catch (UncheckedIOException notListeningYet) {
                return false;
            }
        });
        return process;
    }

    /**
     * A port free now and below the kernel's ephemeral range: a free port inside that range can become the local end
     * of an outgoing connection (the started service's own pool, say) in the seconds before the service binds it.
     */
    static int freePort() throws IOException {
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
