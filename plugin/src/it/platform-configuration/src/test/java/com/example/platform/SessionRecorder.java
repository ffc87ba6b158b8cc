package com.example.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/** Writes a line per session opened and closed in this JVM, as a framework that starts once per JVM would see them. */
public class SessionRecorder implements LauncherSessionListener {
    @Override
    public void launcherSessionOpened(LauncherSession session) {
        record("opened");
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        record("closed");
    }

    private static void record(String what) {
        try {
            Path dir = Files.createDirectories(Path.of(System.getProperty("it.sessions")));
            Files.writeString(
                    dir.resolve(ProcessHandle.current().pid() + ".txt"),
                    what + "\n",
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
