package com.acme.greeter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.greeter.internal.Secret;
import java.lang.reflect.Field;
import java.lang.reflect.InaccessibleObjectException;
import org.junit.jupiter.api.Test;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * Where the test runs: in the module com.acme.greeter on the module path (Surefire's default for a project with
 * module-info), or in the unnamed module when the run says {@code expect.classpath=true}.
 */
class GreeterTest {
    private static final boolean CLASS_PATH = Boolean.getBoolean("expect.classpath");

    private final Module module = getClass().getModule();

    @Test
    void greets() {
        assertEquals("Hello, Ada", new Greeter().greet("Ada"));
    }

    @Test
    void runsInTheMainModule() {
        if (CLASS_PATH) {
            assertFalse(module.isNamed());
            assertNull(module.getName());
        } else {
            assertTrue(module.isNamed());
            assertEquals("com.acme.greeter", module.getName());
            assertSame(Greeter.class.getModule(), module);
            assertSame(module, Secret.class.getModule());
        }
    }

    @Test
    void readsWhatTheModuleRequiresAndTheUnnamedModuleOnly() {
        Module logging = ModuleLayer.boot().findModule("java.logging").orElseThrow();
        Module sql = ModuleLayer.boot().findModule("java.sql").orElseThrow();
        assertTrue(module.canRead(logging));
        assertTrue(module.canRead(Test.class.getModule()), "JUnit, on the class path");
        assertEquals(CLASS_PATH, module.canRead(sql), "java.sql, which module-info does not require");
    }

    @Test
    void opensTheTestsPackagesOnlyToTheUnnamedModule() {
        Module unnamed = ClassLoader.getSystemClassLoader().getUnnamedModule();
        assertTrue(module.isOpen("com.acme.greeter", unnamed));
        assertTrue(module.isOpen("com.acme.greeter.more", unnamed));
        assertEquals(CLASS_PATH, module.isOpen("com.acme.greeter.internal", unnamed));
    }

    @Test
    void reflectionFromTheClassPathReachesNoPrivateMemberOfAClosedPackage() throws Exception {
        Field code = Secret.class.getDeclaredField("CODE");
        // JUnit's support code is on the class path: it opens the field for itself, as a mocking library would.
        if (CLASS_PATH) {
            assertEquals("42", ReflectionSupport.tryToReadFieldValue(code, null).get());
        } else {
            Exception e = assertThrows(Exception.class, () -> ReflectionSupport.tryToReadFieldValue(code, null).get());
            assertInstanceOf(InaccessibleObjectException.class, e);
            // The module itself may: it is its own package.
            assertTrue(code.trySetAccessible());
        }
    }
}
