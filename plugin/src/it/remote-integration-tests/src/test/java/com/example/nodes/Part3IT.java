package com.example.nodes;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class Part3IT {
    @Test
    void runsAgainstThePackagedJar() {
        String location = Parts.class.getProtectionDomain().getCodeSource().getLocation().toString();
        assertTrue(location.endsWith("remote-integration-tests-1.0.jar"), location);
    }
}
