package com.example.queue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Appends "class pid" to target/runs.log; the lock keeps lines whole when both forks write at once. */
final class RunRecorder {
    private RunRecorder() {}

    static void record(Class<?> testClass) throws IOException {
        String line = testClass.getName() + " " + ProcessHandle.current().pid() + "\n";
        try (FileChannel channel = FileChannel.open(runsLog(),
                        StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
                FileLock lock = channel.lock()) {
            ByteBuffer bytes = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        }
    }

    /** target/runs.log, found from target/test-classes so the forks' working directory does not matter. */
    private static Path runsLog() {
        try {
            Path testClasses = Path.of(RunRecorder.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return testClasses.getParent().resolve("runs.log");
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
