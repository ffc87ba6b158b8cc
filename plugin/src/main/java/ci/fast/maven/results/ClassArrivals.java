package ci.fast.maven.results;

import ci.fast.maven.report.ClassResult;
import java.util.function.Consumer;

/**
 * Where one fork hands over what it runs: each class as it starts, each result as it completes. Called on the fork's
 * reader threads. A plain {@code Consumer<ClassResult>} is one that ignores the starts.
 */
@FunctionalInterface
public interface ClassArrivals extends Consumer<ClassResult> {
    /** The fork says it starts {@code className}. */
    default void classStarted(String className) {}

    /** The fork's node is back after an outage of its connection. */
    default void reconnected() {}

    /**
     * {@code completed} itself when it takes starts too, else arrivals that pass only results on. The fork's supervisor
     * takes a plain consumer today, so that the starts travel through it unchanged.
     */
    static ClassArrivals of(Consumer<ClassResult> completed) {
        return completed instanceof ClassArrivals arrivals ? arrivals : completed::accept;
    }
}
