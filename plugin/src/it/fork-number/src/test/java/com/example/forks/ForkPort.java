package com.example.forks;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The fork's port, bound once and held until the fork ends, as a per-fork server would: two forks given one port
 * fail to bind it. Each class also waits until both forks have bound theirs, so that both forks run classes.
 */
final class ForkPort {
    private static ServerSocket held;

    private ForkPort() {}

    static synchronized void bindAndMeetTheOtherFork(String testClass) throws Exception {
        int number = Integer.parseInt(System.getProperty("forks.id").substring("fork".length()));
        int port = Integer.parseInt(System.getProperty("forks.port"));
        Path dir = Files.createDirectories(Path.of(System.getProperty("forks.dir")));
        if (held == null) {
            held = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
            Files.writeString(dir.resolve("fork-" + number), Long.toString(ProcessHandle.current().pid()));
        }
        Files.writeString(
                dir.resolve(testClass),
                number + " " + port + " " + System.getProperty("forks.fromArgLine") + " "
                        + ProcessHandle.current().pid());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(dir.resolve("fork-1")) || !Files.exists(dir.resolve("fork-2"))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the other fork did not bind its port within 60 s");
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }
}
