package ci.fast.maven.server;

import java.util.List;

/** The orchestrator's {@link RunListener}s, in order, each told every event of a call. */
final class Listeners {
    private final List<RunListener> listeners;

    Listeners(List<RunListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    /**
     * Tells every listener {@code events}, in order.
     *
     * @param joinedFrom the joining peer's description, for a call that was a successful join; null otherwise
     */
    void tell(RunId run, List<RunEvent> events, String joinedFrom) {
        for (RunEvent event : events) {
            for (RunListener listener : listeners) {
                tell(listener, run, event, joinedFrom);
            }
        }
    }

    void evicted(RunId run) {
        listeners.forEach(listener -> listener.runEvicted(run));
    }

    private static void tell(RunListener listener, RunId run, RunEvent event, String joinedFrom) {
        // Java 17: no patterns in switch. Join refusals and deq_requests are the dispatch's business alone.
        if (event instanceof RunEvent.NodeJoined e) {
            listener.nodeJoined(run, e.node(), joinedFrom);
        } else if (event instanceof RunEvent.NodeRejoined e) {
            listener.nodeRejoined(run, e.node(), joinedFrom);
        } else if (event instanceof RunEvent.NodeAway e) {
            listener.nodeAway(run, e.node(), e.held());
        } else if (event instanceof RunEvent.BatchHandedOut e) {
            listener.batchHandedOut(run, e.node(), e.keys());
        } else if (event instanceof RunEvent.ClassCompleted e) {
            listener.classCompleted(run, e.result());
        } else if (event instanceof RunEvent.DuplicateDropped e) {
            listener.duplicateDropped(run, e.key());
        } else if (event instanceof RunEvent.NodeLost e) {
            listener.nodeLost(run, e.node(), e.requeued());
        } else if (event instanceof RunEvent.Progressed e) {
            listener.runProgressed(run, e.progress());
        } else if (event instanceof RunEvent.RunFinished e) {
            listener.runFinished(run, e.progress());
        }
    }
}
