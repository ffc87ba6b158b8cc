package com.example.toolchain;

import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ToolchainTest {
    @Test
    void runsOnTheToolchainsJdk() throws Exception {
        String expected = Files.readString(Path.of("expected-java-home.txt")).strip();
        System.out.println("fork java.home=" + System.getProperty("java.home") + " version="
                + System.getProperty("java.specification.version"));
        assertNotEquals(System.getProperty("it.mavenJavaHome"), System.getProperty("java.home"));
        org.junit.jupiter.api.Assertions.assertEquals(
                Path.of(expected).toRealPath(), Path.of(System.getProperty("java.home")).toRealPath());
    }
}
