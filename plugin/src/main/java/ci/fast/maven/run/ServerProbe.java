package ci.fast.maven.run;

import ci.fast.maven.channel.Backoff;
import ci.fast.maven.channel.ChannelException;
import ci.fast.maven.channel.PhoenixClient;
import ci.fast.maven.channel.Scheduler;
import ci.fast.maven.channel.ServerAddress;
import java.time.Duration;

/**
 * Checks, before any fork starts, that the server takes this build's key, retrying a server that cannot be reached
 * with {@link Backoff}, and whether it is our own server. The probe joins nothing.
 */
final class ServerProbe {
    /** How long a node retries an unreachable server at the start before it gives up (or falls back). */
    static final Backoff AT_START = new Backoff(Duration.ofSeconds(15));

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private ServerProbe() {}

    /**
     * What the server said of itself.
     *
     * @param ours whether it is our own ({@link PhoenixClient#ours}), which takes PROTOCOL.md section 5
     * @param dashboard the path of its run pages ({@link PhoenixClient#dashboard}), or null
     */
    record Reached(boolean ours, String dashboard) {}

    /**
     * @return what the server said of itself
     * @throws ChannelException the last failure: final at once when the server refused (a key, a path, TLS), else
     *     transient once the backoff is used up
     */
    static Reached reach(ServerAddress address, Backoff backoff, Scheduler scheduler)
            throws ChannelException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                try (PhoenixClient client =
                        PhoenixClient.connect(address, CONNECT_TIMEOUT, scheduler, new PhoenixClient.Listener() {})) {
                    return new Reached(client.ours(), client.dashboard().orElse(null));
                }
            } catch (ChannelException e) {
                Duration wait = e.isTransient() ? backoff.next(attempt) : null;
                if (wait == null) {
                    throw e;
                }
                scheduler.pause(wait);
            }
        }
    }
}
