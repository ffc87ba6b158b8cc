package com.example.isolation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.Gson;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClassLoaderIsolationTest {
    @Test
    void testClassComesFromTheSystemClassLoader() {
        assertSame(ClassLoader.getSystemClassLoader(), getClass().getClassLoader());
    }

    @Test
    void threadContextLoaderIsTheSystemClassLoader() {
        assertSame(ClassLoader.getSystemClassLoader(), Thread.currentThread().getContextClassLoader());
    }

    @Test
    void ownDependencyIsLoadable() throws ClassNotFoundException {
        Class<?> gson = Class.forName("com.google.gson.Gson");
        assertSame(ClassLoader.getSystemClassLoader(), gson.getClassLoader());
        assertEquals("{\"a\":1}", new Gson().toJson(Map.of("a", 1)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "jakarta.websocket.Session",
        "org.glassfish.tyrus.client.ClientManager",
        "org.eclipse.parsson.JsonProviderImpl",
        "jakarta.json.Json",
        "org.apache.maven.plugin.Mojo",
        // The server's metrics client: a dependency of the plugin that no fork loads.
        "io.prometheus.metrics.core.metrics.Histogram",
        "io.prometheus.metrics.model.registry.PrometheusRegistry",
        // fast-ci:serve's store: its JDBC driver never reaches a fork.
        "org.sqlite.JDBC",
    })
    void pluginDependencyIsNotVisible(String className) {
        assertThrows(ClassNotFoundException.class, () -> Class.forName(className));
        assertThrows(ClassNotFoundException.class,
                () -> Class.forName(className, false, ClassLoader.getSystemClassLoader()));
        assertThrows(ClassNotFoundException.class,
                () -> Thread.currentThread().getContextClassLoader().loadClass(className));
    }
}
