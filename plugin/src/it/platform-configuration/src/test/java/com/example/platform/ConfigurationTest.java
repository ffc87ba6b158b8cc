package com.example.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

@ExtendWith(ConfigurationTest.Context.class)
class ConfigurationTest {
    /** Hands a test its own extension context, where the Platform's configuration parameters are read. */
    static final class Context implements ParameterResolver {
        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == ExtensionContext.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return context;
        }
    }

    @Test
    void propertiesAreConfigurationParameters(ExtensionContext context) {
        assertEquals("set in the pom", context.getConfigurationParameter("it.fromProperties").orElse(null));
    }

    @Test
    void parallelClassesIsThePlatformsParallelExecution(ExtensionContext context) {
        assertEquals("true", context.getConfigurationParameter("junit.jupiter.execution.parallel.enabled").orElse(null));
        assertEquals(
                "concurrent",
                context.getConfigurationParameter("junit.jupiter.execution.parallel.mode.classes.default").orElse(null));
        assertEquals("fixed", context.getConfigurationParameter("junit.jupiter.execution.parallel.config.strategy").orElse(null));
        assertEquals(
                "2",
                context.getConfigurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism").orElse(null));
        // The pom's own configuration parameters win over the mapping.
        assertEquals(
                "same_thread", context.getConfigurationParameter("junit.jupiter.execution.parallel.mode.default").orElse(null));
    }

    @Test
    void anExcludedVariableIsNotInheritedAndTheOthersAre() {
        assertNull(System.getenv("IT_EXCLUDED_VARIABLE"));
        assertEquals("kept", System.getenv("IT_KEPT_VARIABLE"));
    }
}
