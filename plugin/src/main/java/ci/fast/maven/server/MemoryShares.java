package ci.fast.maven.server;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@link NodeShares} in this JVM's memory, for {@link MemoryStore}: the shares of the {@code lineages} builds
 * last written to or asked about, the others forgotten, so that a standing server does not grow with every build it served. Class
 * names are kept once however many attempts name them. Thread-safe: every call takes this object's lock.
 */
final class MemoryShares implements NodeShares {
    /** How many builds' shares are kept by default: a few days of a busy team's CI. */
    static final int DEFAULT_LINEAGES = 500;

    private final int lineages;
    /** By lineage, least recently used first; by node; its attempts in the order first recorded. */
    private final LinkedHashMap<String, Map<String, List<Attempt>>> shares = new LinkedHashMap<>(16, 0.75f, true);
    /** Each class name once, however many attempts name it, with how many do: freed when none does. */
    private final Map<String, Name> names = new HashMap<>();

    MemoryShares(int lineages) {
        if (lineages < 1) {
            throw new IllegalArgumentException("a store keeps the shares of at least 1 build, not " + lineages);
        }
        this.lineages = lineages;
    }

    @Override
    public synchronized void handedOut(CiNode node, List<String> classes) {
        Attempt attempt = attempt(node);
        attempt.machines.add(node.machine());
        for (String key : classes) {
            if (!attempt.classes.contains(key)) {
                attempt.classes.add(use(key));
            }
        }
    }

    @Override
    public synchronized void failed(CiNode node, String key) {
        Attempt attempt = attempt(node);
        if (!attempt.failed.contains(key)) {
            attempt.failed.add(use(key));
        }
    }

    @Override
    public synchronized Optional<NodeShare> earlier(String lineage, String node, String attempt) {
        Map<String, List<Attempt>> nodes = shares.get(lineage);
        List<Attempt> attempts = nodes == null ? null : nodes.get(node);
        if (attempts == null) {
            return Optional.empty();
        }
        for (int i = attempts.size() - 1; i >= 0; i--) {
            Attempt last = attempts.get(i);
            if (!last.id.equals(attempt)) {
                return Optional.of(new NodeShare(
                        last.id, List.copyOf(last.classes), List.copyOf(last.failed), last.machines.size()));
            }
        }
        return Optional.empty();
    }

    private Attempt attempt(CiNode node) {
        List<Attempt> attempts = shares.computeIfAbsent(node.lineage(), l -> new HashMap<>())
                .computeIfAbsent(node.node(), n -> new ArrayList<>());
        for (Attempt attempt : attempts) {
            if (attempt.id.equals(node.attempt())) {
                return attempt;
            }
        }
        Attempt fresh = new Attempt(node.attempt());
        attempts.add(fresh);
        if (shares.size() > lineages) {
            forgetOldest();
        }
        return fresh;
    }

    private void forgetOldest() {
        Map<String, List<Attempt>> nodes =
                shares.remove(shares.keySet().iterator().next());
        for (List<Attempt> attempts : nodes.values()) {
            for (Attempt attempt : attempts) {
                attempt.classes.forEach(this::release);
                attempt.failed.forEach(this::release);
            }
        }
    }

    /** How many distinct class names are kept, for the test that they are freed with their builds. */
    synchronized int names() {
        return names.size();
    }

    /** The one copy of {@code key}, counted once more. */
    private String use(String key) {
        Name name = names.computeIfAbsent(key, Name::new);
        name.uses++;
        return name.text;
    }

    private void release(String key) {
        Name name = names.get(key);
        if (name != null && --name.uses == 0) {
            names.remove(key);
        }
    }

    /** A class name and how many attempts' sets hold it. */
    private static final class Name {
        final String text;
        int uses;

        Name(String text) {
            this.text = text;
        }
    }

    /** One attempt of one node: mutable, under the lock. */
    private static final class Attempt {
        final String id;
        final Set<String> classes = new LinkedHashSet<>();
        final Set<String> failed = new LinkedHashSet<>();
        final Set<String> machines = new HashSet<>();

        Attempt(String id) {
            this.id = id;
        }
    }
}
