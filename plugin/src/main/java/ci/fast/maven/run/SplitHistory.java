package ci.fast.maven.run;

import ci.fast.maven.booter.SplitKey;
import ci.fast.maven.server.TimingHistory;
import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A local run's history as its embedded server sees it when classes are split ({@link ClassSplit}): the parts'
 * estimates are their shares of their class's, and what the server learns of a part (it failed, its cache) is its
 * class's; no part is kept in the history under its own key, which the next run may cut differently. A part's
 * duration is not recorded here: the run records the class's, its parts' added up, when it ends.
 */
final class SplitHistory implements TimingHistory {
    private final TimingHistory classes;
    private final Map<String, Double> partEstimates;
    /** The split classes that a part of has failed in this run. Guarded by {@code this}. */
    private final Set<String> failedClasses = new HashSet<>();

    /**
     * @param classes the history by class
     * @param partEstimates each part's estimated seconds
     */
    SplitHistory(TimingHistory classes, Map<String, Double> partEstimates) {
        this.classes = classes;
        this.partEstimates = Map.copyOf(partEstimates);
    }

    @Override
    public Map<String, Double> estimates(String runKey, Collection<String> keys) {
        Map<String, Double> byClass = classes.estimates(runKey, classNames(keys));
        Map<String, Double> estimates = new HashMap<>();
        for (String key : keys) {
            Double part = partEstimates.get(key);
            estimates.put(key, part != null ? part : byClass.get(SplitKey.className(key)));
        }
        return estimates;
    }

    @Override
    public Set<String> failed(String runKey, Collection<String> keys) {
        Set<String> failedClasses = classes.failed(runKey, classNames(keys));
        Set<String> failed = new HashSet<>();
        for (String key : keys) {
            if (failedClasses.contains(SplitKey.className(key))) {
                failed.add(key);
            }
        }
        return failed;
    }

    @Override
    public Map<String, String> contexts(String runKey, Collection<String> keys) {
        Map<String, String> byClass = classes.contexts(runKey, classNames(keys));
        Map<String, String> contexts = new HashMap<>();
        for (String key : keys) {
            String context = byClass.get(SplitKey.className(key));
            if (context != null) {
                contexts.put(key, context);
            }
        }
        return contexts;
    }

    @Override
    public void recordContexts(String runKey, Map<String, String> contexts) {
        Map<String, String> byClass = new HashMap<>();
        contexts.forEach((key, context) -> byClass.put(SplitKey.className(key), context));
        classes.recordContexts(runKey, byClass);
    }

    /**
     * A whole class's duration and outcome go to the history; a part's outcome makes its class failed once any part
     * failed, and its duration waits for the class's.
     */
    @Override
    public void record(String runKey, String key, double seconds, boolean failed) {
        SplitKey part = SplitKey.parse(key);
        if (part == null) {
            classes.record(runKey, key, seconds, failed);
            return;
        }
        boolean classFailed;
        synchronized (this) {
            if (failed) {
                failedClasses.add(part.className());
            }
            classFailed = failedClasses.contains(part.className());
        }
        classes.record(runKey, part.className(), seconds, classFailed);
    }

    @Override
    public void save() throws IOException {
        classes.save();
    }

    private static Set<String> classNames(Collection<String> keys) {
        Set<String> names = new LinkedHashSet<>();
        keys.forEach(key -> names.add(SplitKey.className(key)));
        return names;
    }
}
