package com.example.versions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.nio.file.Path;
import org.glassfish.tyrus.client.ClientManager;
import org.glassfish.tyrus.client.ClientProperties;
import org.glassfish.tyrus.container.jdk.client.JdkClientContainer;
import org.glassfish.tyrus.core.TyrusWebSocketEngine;
import org.junit.jupiter.api.Test;

/** The project's own versions of the libraries the plugin also uses are the ones its tests load and run. */
class OwnVersionsTest {
    private static String jarOf(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI())
                .getFileName()
                .toString();
    }

    @Test
    void loadsItsOwnJakartaJsonApi() throws Exception {
        assertEquals("jakarta.json-api-2.0.1.jar", jarOf(Json.class));
        assertEquals(ClassLoader.getSystemClassLoader(), Json.class.getClassLoader());
    }

    @Test
    void parsesJsonWithItsOwnParsson() throws Exception {
        JsonProvider provider = JsonProvider.provider();
        assertEquals("parsson-1.0.5.jar", jarOf(provider.getClass()));
        JsonObject object = Json.createReader(new StringReader("{\"name\":\"fast\",\"sizes\":[1,2,3]}"))
                .readObject();
        assertEquals("fast", object.getString("name"));
        assertEquals(3, object.getJsonArray("sizes").getInt(2));
        assertEquals("{\"ok\":true}", Json.createObjectBuilder().add("ok", true).build().toString());
    }

    @Test
    void loadsItsOwnTyrus() throws Exception {
        assertEquals("tyrus-client-2.1.5.jar", jarOf(ClientManager.class));
        assertEquals("tyrus-core-2.1.5.jar", jarOf(TyrusWebSocketEngine.class));
        assertEquals("tyrus-container-jdk-client-2.1.5.jar", jarOf(JdkClientContainer.class));
        ClientManager client = ClientManager.createClient(JdkClientContainer.class.getName());
        client.getProperties().put(ClientProperties.HANDSHAKE_TIMEOUT, 1000);
        assertEquals(1000, client.getProperties().get(ClientProperties.HANDSHAKE_TIMEOUT));
        assertTrue(client.getInstalledExtensions().isEmpty());
    }
}
