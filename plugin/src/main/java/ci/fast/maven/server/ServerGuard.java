package ci.fast.maven.server;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * What one server checks of every connection, shared by its upgrades and its sockets: the keys an upgrade must present,
 * the limits a connection is cut at, whether the server drains (then it refuses new upgrades with 503, which a node
 * takes as a reason to try again, through the load balancer, at another replica), and how many connections are open.
 * The log gets one line per connection cut or refused, naming its address and never its key. Thread-safe.
 */
final class ServerGuard {
    final ProjectKeys keys;
    final ServerSettings.Limits limits;
    final Consumer<String> log;
    final LongSupplier clock;
    final AtomicBoolean draining = new AtomicBoolean();
    final AtomicInteger open = new AtomicInteger();

    ServerGuard(ProjectKeys keys, ServerSettings.Limits limits, Consumer<String> log, LongSupplier clock) {
        this.keys = keys;
        this.limits = limits;
        this.log = log;
        this.clock = clock;
    }

    /** A new connection's join budget. */
    JoinRate joinRate() {
        return new JoinRate(limits.joinsPerMinute(), clock);
    }
}
