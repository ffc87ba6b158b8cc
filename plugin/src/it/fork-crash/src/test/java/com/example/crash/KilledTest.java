package com.example.crash;

import org.junit.jupiter.api.Test;

class KilledTest {
    @Test
    void isKilledFromOutside() throws Exception {
        Runs.record(KilledTest.class);
        // Another process sends the signal, as an OOM killer or a CI runner would.
        new ProcessBuilder("kill", "-KILL", Long.toString(ProcessHandle.current().pid())).inheritIO().start().waitFor();
        Thread.sleep(60_000); // the signal ends this JVM first
    }
}
