package ci.fast.maven.report.timeline;

import java.util.List;

/**
 * One fork's classes, in the order they started.
 *
 * @param fork the fork's number, from 1; {@link ci.fast.maven.results.ClassRun#NO_FORK} for the classes no fork ran
 * @param bars its classes, by start
 * @param busySeconds how long at least one of its classes was running
 * @param idleSeconds the rest of the schedule's makespan: waiting for its JVM, for the queue, or done early
 */
public record Lane(int fork, List<Bar> bars, double busySeconds, double idleSeconds) {
    public Lane {
        bars = List.copyOf(bars);
    }
}
