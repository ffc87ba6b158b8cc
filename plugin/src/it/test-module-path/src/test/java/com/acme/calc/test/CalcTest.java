package com.acme.calc.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.calc.Calc;
import org.junit.jupiter.api.Test;

class CalcTest {
    private final Module module = getClass().getModule();

    @Test
    void adds() {
        assertEquals(5, new Calc().add(2, 3));
    }

    @Test
    void runsInTheTestModuleBesideTheMainModuleAndJUnitsOwn() {
        assertEquals("com.acme.calc.test", module.getName());
        assertEquals("com.acme.calc", Calc.class.getModule().getName());
        assertEquals("org.junit.jupiter.api", Test.class.getModule().getName());
    }

    @Test
    void readsOnlyWhatItRequires() {
        assertTrue(module.canRead(Calc.class.getModule()));
        assertFalse(module.canRead(ModuleLayer.boot().findModule("java.sql").orElseThrow()));
        assertFalse(module.canRead(ClassLoader.getSystemClassLoader().getUnnamedModule()));
    }
}
