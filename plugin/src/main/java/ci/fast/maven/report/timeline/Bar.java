package ci.fast.maven.report.timeline;

import ci.fast.maven.results.ClassRun;

/**
 * One class on its lane.
 *
 * @param run the class as the sink stamped it
 * @param from seconds from the schedule's origin (the earliest start) to the class's start
 * @param seconds from its start to its result, by the sink's clock: the bar's length
 * @param outcome its colour
 */
public record Bar(ClassRun run, double from, double seconds, Outcome outcome) {
    public String className() {
        return run.className();
    }
}
