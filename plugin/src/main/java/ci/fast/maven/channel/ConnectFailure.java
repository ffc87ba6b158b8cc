package ci.fast.maven.channel;

import java.net.ConnectException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;

/** Turns a failed connect into the cause a user understands. */
final class ConnectFailure {
    private ConnectFailure() {}

    /**
     * Whether the failure is the server's answer rather than the network's: a refused key, a wrong path, a TLS
     * mismatch. Retrying it cannot help, and it must never trigger the fallback to a local run.
     */
    static boolean isFinal(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UpgradeRefused refused) {
                return refused.status() < 500;
            }
            if (t instanceof SSLException) {
                return true;
            }
        }
        return false;
    }

    static String describe(Throwable failure, ServerAddress address) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UpgradeRefused refused) {
                int status = refused.status();
                if (status == 403 || status == 401) {
                    return "the server refused the secret key (HTTP " + status + "); check FAST_CI_SECRET_KEY";
                }
                return "the server refused the WebSocket upgrade (HTTP " + status + ")";
            }
            if (t instanceof ConnectException) {
                return "connection refused (is the server running and the port right?)";
            }
            if (t instanceof UnknownHostException) {
                return "unknown host " + address.base().getHost();
            }
            if (t instanceof SSLException) {
                return "TLS failure: " + t.getMessage();
            }
        }
        String message = failure.getMessage();
        return address.secret().redact(message == null ? failure.getClass().getSimpleName() : message);
    }
}
