package com.example.inproc;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The tests' own class loader in Maven's JVM: the context loader, and none of Maven's classes in sight. */
class ClassLoadersTest {
    @Test
    void theContextLoaderIsTheTestsLoader() {
        assertSame(getClass().getClassLoader(), Thread.currentThread().getContextClassLoader());
        assertNotSame(ClassLoader.getSystemClassLoader(), getClass().getClassLoader());
        assertSame(ClassLoader.getPlatformClassLoader(), getClass().getClassLoader().getParent());
    }

    @Test
    void mavensClassesAreNotVisible() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("org.apache.maven.plugin.Mojo"));
        assertThrows(ClassNotFoundException.class, () -> Class.forName("org.codehaus.plexus.classworlds.ClassWorld"));
    }
}
