package ci.fast.maven.server;

import java.util.List;
import java.util.Optional;

/**
 * The runs' reports as the server's HTTP requests reach them ({@link HttpEndpoints}): each node hands over the reports
 * of the classes it ran, and {@code fast-ci:report} takes the whole run's (docs/server-protocol.md, "Merged reports").
 * Thread-safe.
 */
public interface ReportArchive {
    /**
     * Keeps the reports of the run of {@code topic}, the first of each class it enqueued.
     *
     * @return how many were kept; -1 when the server knows no such run (never joined, or forgotten)
     */
    int add(String topic, List<Report> reports);

    /** The reports of the run of {@code topic}; empty when the server knows no such run. */
    Optional<Archived> reports(String topic);

    /**
     * A run's reports.
     *
     * @param finished whether every class has its result
     * @param classes every class the run enqueued, in the enq's order
     * @param reports the reports kept, in the order they came
     */
    record Archived(boolean finished, List<String> classes, List<Report> reports) {
        public Archived {
            classes = List.copyOf(classes);
            reports = List.copyOf(reports);
        }
    }
}
