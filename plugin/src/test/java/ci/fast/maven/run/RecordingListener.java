package ci.fast.maven.run;

import ci.fast.maven.report.RunSummary;
import ci.fast.maven.results.ClassRun;
import ci.fast.maven.results.ClassStart;
import ci.fast.maven.results.ResultListener;
import java.util.ArrayList;
import java.util.List;

/** Keeps every event a sink gives it, in order; read after the run, so guarded by {@code this}. */
final class RecordingListener implements ResultListener {
    private final List<Object> events = new ArrayList<>();
    private int reconnects;

    @Override
    public synchronized void reconnected(int fork) {
        reconnects++;
    }

    synchronized int reconnects() {
        return reconnects;
    }

    @Override
    public synchronized void classStarted(ClassStart start) {
        events.add(start);
    }

    @Override
    public synchronized void classCompleted(ClassRun run) {
        events.add(run);
    }

    @Override
    public synchronized void runFinished(RunSummary summary) {
        events.add(summary);
    }

    synchronized List<Object> events() {
        return List.copyOf(events);
    }

    synchronized List<ClassStart> starts() {
        return events.stream()
                .filter(ClassStart.class::isInstance)
                .map(ClassStart.class::cast)
                .toList();
    }

    synchronized List<ClassRun> runs() {
        return events.stream()
                .filter(ClassRun.class::isInstance)
                .map(ClassRun.class::cast)
                .toList();
    }
}
