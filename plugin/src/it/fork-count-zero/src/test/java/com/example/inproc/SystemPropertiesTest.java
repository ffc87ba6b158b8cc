package com.example.inproc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import org.junit.jupiter.api.Test;

/** What a test sees of the JVM it runs in with forkCount=0: Maven's, with the run's properties set in it. */
class SystemPropertiesTest {
    @Test
    void seesThePomsSystemPropertyVariables() {
        assertEquals("from the pom", System.getProperty("inproc.value"));
        System.out.println("inproc.value=" + System.getProperty("inproc.value"));
    }

    @Test
    void seesBasedirAndTheWorkingDirectoryAsUserDir() {
        assertTrue(new File(System.getProperty("basedir"), "pom.xml").isFile(), System.getProperty("basedir"));
        String runner = System.getProperty("compare.runner");
        assertTrue(System.getProperty("user.dir").endsWith("work-" + runner), System.getProperty("user.dir"));
    }

    @Test
    void seesTheTestClassPathProperty() {
        String path = System.getProperty("surefire.test.class.path");
        assertNotNull(path);
        assertTrue(path.contains("test-classes"), path);
    }

    @Test
    void runsInMavensJvmWithoutItsArgLine() {
        assertNotNull(System.getProperty("maven.home"), "Maven's own JVM");
        assertNull(System.getProperty("inproc.argLine"), "argLine has no JVM to go to");
    }
}
