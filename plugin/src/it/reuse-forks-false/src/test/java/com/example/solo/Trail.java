package com.example.solo;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where each class says which JVM ran it: its pid, its fork number (from the system properties and from argLine),
 * and how many classes this JVM had run, this one included: more than 1 means a JVM was reused.
 */
final class Trail {
    private static int classes;

    private Trail() {}

    static synchronized void leave(Class<?> testClass) throws Exception {
        classes++;
        Path dir = Files.createDirectories(Path.of(System.getProperty("solo.dir")));
        Files.writeString(
                dir.resolve(testClass.getSimpleName()),
                ProcessHandle.current().pid() + " " + System.getProperty("solo.number").substring("fork".length()) + " "
                        + System.getProperty("solo.fromArgLine") + " " + classes);
    }
}
