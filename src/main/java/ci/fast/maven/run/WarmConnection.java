package ci.fast.maven.run;

import ci.fast.maven.channel.ChannelException;
import ci.fast.maven.channel.Events;
import ci.fast.maven.channel.Json;
import ci.fast.maven.channel.PhoenixClient;
import ci.fast.maven.channel.Scheduler;
import ci.fast.maven.channel.ServerAddress;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * One throwaway connection to the embedded server as soon as it is up: an upgrade and a heartbeat, no join, so the
 * run does not see it. The server's first upgrade runs code the Maven JVM has not loaded yet (Grizzly's HTTP, Tyrus's
 * upgrade, the key check, the endpoint), which took it about 200 ms after a fork's first dial; made here, that runs
 * while the forks still load their classes, and their upgrades meet warm code.
 */
final class WarmConnection {
    /** Bounds the connect and the heartbeat's reply; a server that takes longer is the forks' trouble, not this. */
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private WarmConnection() {}

    /**
     * Connects, sends a heartbeat, waits for its reply and closes; never throws.
     *
     * @param log gets one line when it failed (the forks' own connects then say what is wrong)
     */
    static void make(ServerAddress address, Consumer<String> log) {
        try (Scheduler scheduler = Scheduler.daemon("fast-ci-warm-up");
                PhoenixClient client =
                        PhoenixClient.connect(address, TIMEOUT, scheduler, new PhoenixClient.Listener() {})) {
            client.push(Events.PHOENIX_TOPIC, Events.HEARTBEAT, Json.EMPTY)
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ChannelException | ExecutionException | TimeoutException | RuntimeException e) {
            log.accept("the embedded server's warm-up connection failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
