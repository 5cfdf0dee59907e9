package com.minkshop.command;

import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ServiceJarTest {

    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");

    @Test
    void freePortsComeFromBelowTheKernelsEphemeralRangeAndCanBeBound() throws Exception {
        assumeTrue(Files.isReadable(EPHEMERAL_RANGE), "Linux only");
        int ephemeralStart = Integer.parseInt(Files.readAllLines(EPHEMERAL_RANGE).get(0).trim().split("\\s+")[0]);
        assumeTrue(ephemeralStart >= 12_000, "a kernel range leaving room below it");

        for (int i = 0; i < 20; i++) {
            int port = ServiceJar.freePort();
            assertThat(port).isBetween(10_000, ephemeralStart - 1);
            try (ServerSocket bound = new ServerSocket(port)) {
                assertThat(bound.getLocalPort()).isEqualTo(port);
            }
        }
    }
}
