package com.example.params;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AlphaTest {
    @Test
    void systemPropertiesComposeAsSurefireComposesThem() {
        assertEquals("from the file", System.getProperty("it.a"));
        assertEquals("from systemProperties", System.getProperty("it.b"));
        assertEquals("from systemPropertyVariables", System.getProperty("it.c"));
    }

    @Test
    void userPropertiesAreNotPromotedWhenThePomSaysSo() {
        assertNull(System.getProperty("it.cli"));
    }

    @Test
    void anExcludedDependencyIsNotOnTheClassPath() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("org.apiguardian.api.API"));
    }

    @Test
    void anAdditionalElementIsOnTheClassPath() throws Exception {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("extra.txt")) {
            assertNotNull(in, "extra.txt from additionalClasspathElements");
            assertEquals("from additionalClasspathElements", new String(in.readAllBytes(), StandardCharsets.UTF_8).strip());
        }
    }

    @Test
    void anAdditionalDependencyAndItsOwnAreOnTheClassPathAfterTheElements() throws Exception {
        Class.forName("org.junit.Assert");
        Class.forName("org.hamcrest.Matcher");
        String classPath = System.getProperty("java.class.path");
        int junit = classPath.indexOf("junit-4.13.2.jar");
        int hamcrest = classPath.indexOf("hamcrest-core-1.3.jar");
        assertTrue(classPath.indexOf("extra") < junit && junit < hamcrest, classPath);
    }
}
