package ci.fast.maven.results;

import ci.fast.maven.report.ClassResult;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A class's result with where and when it ran, as the sink saw it: enough for a timeline of one lane per fork.
 *
 * @param fork the number of the fork that ran it, from 1, or {@link #NO_FORK} for a class no fork ran (every fork
 *     ended before it)
 * @param start when the fork's word that it starts the class arrived, by the sink's clock; {@code end} when no start
 *     was seen
 * @param end when the result arrived, by the sink's clock; never before {@code start}
 * @param result the class's result
 * @param parts the runs of its parts, in part order, when it ran split by method ({@code fastCi.splitClasses}), each
 *     on its own fork: then {@code fork} is its first part's, {@code start} the earliest part's start, {@code end} the
 *     last part's result, and {@code result} holds every part's tests; empty when it ran whole
 */
public record ClassRun(int fork, Instant start, Instant end, ClassResult result, List<ClassRun> parts) {
    /** The fork number of a class that no fork ran. */
    public static final int NO_FORK = 0;

    public ClassRun {
        Objects.requireNonNull(start, "ClassRun.start must not be null");
        Objects.requireNonNull(end, "ClassRun.end must not be null");
        Objects.requireNonNull(result, "ClassRun.result must not be null");
        parts = List.copyOf(parts);
        if (end.isBefore(start)) {
            throw new IllegalArgumentException(
                    "ClassRun of " + result.className() + " ends at " + end + ", before its start " + start);
        }
    }

    /** A class that ran whole, on one fork. */
    public ClassRun(int fork, Instant start, Instant end, ClassResult result) {
        this(fork, start, end, result, List.of());
    }

    public String className() {
        return result.className();
    }
}
