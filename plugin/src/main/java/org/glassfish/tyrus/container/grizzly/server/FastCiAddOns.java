package org.glassfish.tyrus.container.grizzly.server;

import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.tyrus.spi.ServerContainer;

/**
 * Tyrus keeps {@link WebSocketAddOn}'s constructor package-private, and its own Grizzly container always binds
 * 0.0.0.0. FastCI's server must bind only the address it is given (loopback for the embedded server), so it builds
 * its own Grizzly listener and needs this one door to the add-on. Nothing else lives in this package.
 */
public final class FastCiAddOns {
    private FastCiAddOns() {}

    /** Tyrus's WebSocket add-on serving {@code container}'s endpoints under {@code contextPath}. */
    public static AddOn webSocket(ServerContainer container, String contextPath) {
        return new WebSocketAddOn(container, contextPath);
    }
}
