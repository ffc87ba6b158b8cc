package ci.fast.maven.channel;

import java.io.IOException;

/** The server answered the WebSocket upgrade with an HTTP status other than 101. */
final class UpgradeRefused extends IOException {
    private static final long serialVersionUID = 1L;

    private final int status;

    UpgradeRefused(int status, String statusLine) {
        super("the server answered the upgrade with " + statusLine);
        this.status = status;
    }

    /** The answer's HTTP status code. */
    int status() {
        return status;
    }
}
