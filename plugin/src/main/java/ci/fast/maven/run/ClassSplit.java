package ci.fast.maven.run;

import ci.fast.maven.booter.SplitKey;
import ci.fast.maven.server.Timings;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The queue's keys for {@code fastCi.splitClasses}: each class whose estimate exceeds its fair share (the suite's
 * estimated seconds over the forks) is handed out in parts ({@link SplitKey}) of about half a share each, so that the
 * queue can even the forks out with them (at most one part per fork and one per method), its methods dealt to the
 * parts longest first, each to the part with the least so far; every other class is one key. A class is split only once the history holds its methods' times,
 * which a run records for the classes the fork found splittable ({@code booter.SplitRule}): a class is split from the
 * run after its first. When its methods have no time yet (all 0), they are dealt evenly by count. The last part runs
 * every method the others do not, those added since the history too.
 *
 * @param keys the classes and parts, each class's parts in its place
 * @param estimates each part's estimated seconds: its class's, shared in proportion to its methods' times, so that the
 *     server orders the parts among the classes (longest first)
 */
record ClassSplit(List<String> keys, Map<String, Double> estimates) {
    ClassSplit {
        keys = List.copyOf(keys);
        estimates = Map.copyOf(estimates);
    }

    /** The keys of {@code classes} on {@code forks} forks, by {@code timings}. */
    static ClassSplit of(List<String> classes, Timings timings, int forks) {
        Map<String, Double> estimates = timings.estimates(classes);
        double share =
                estimates.values().stream().mapToDouble(Double::doubleValue).sum() / forks;
        List<String> keys = new ArrayList<>();
        Map<String, Double> partEstimates = new HashMap<>();
        for (String className : classes) {
            Map<String, Double> methods = timings.methods(className);
            double estimate = estimates.get(className);
            // Parts of half a share or less, so that the queue can even the forks out; no more than forks to run them.
            int halves = share <= 0 ? 1 : (int) Math.ceil(2 * estimate / share - 1e-9);
            int parts = Math.min(Math.min(methods.size(), forks), halves);
            if (forks < 2 || estimate <= share || parts < 2) {
                keys.add(className);
                continue;
            }
            List<List<String>> groups = deal(methods, parts);
            double methodSeconds =
                    methods.values().stream().mapToDouble(Double::doubleValue).sum();
            List<String> others = new ArrayList<>();
            for (int i = 0; i < groups.size(); i++) {
                boolean last = i == groups.size() - 1;
                // The last part runs all the others do not: a method added since the history still runs.
                List<String> named = last ? others.stream().sorted().toList() : groups.get(i);
                String key = new SplitKey(className, i + 1, parts, named, last).toString();
                others.addAll(groups.get(i));
                double groupSeconds =
                        groups.get(i).stream().mapToDouble(methods::get).sum();
                keys.add(key);
                partEstimates.put(key, methodSeconds > 0 ? estimate * groupSeconds / methodSeconds : estimate / parts);
            }
        }
        return new ClassSplit(keys, partEstimates);
    }

    /** Whether any class is split. */
    boolean splitsAny() {
        return !estimates.isEmpty();
    }

    /**
     * {@code methods} in {@code parts} groups of about equal seconds: longest first, each to the group with the least
     * (the first of those with as little); each group's methods sorted by name. With no times, round-robin by name.
     */
    static List<List<String>> deal(Map<String, Double> methods, int parts) {
        List<String> byLength = new ArrayList<>(methods.keySet());
        byLength.sort(Comparator.comparing((String m) -> -methods.get(m)).thenComparing(Comparator.naturalOrder()));
        List<List<String>> groups = new ArrayList<>();
        double[] loads = new double[parts];
        for (int i = 0; i < parts; i++) {
            groups.add(new ArrayList<>());
        }
        for (String method : byLength) {
            int least = 0;
            for (int i = 1; i < parts; i++) {
                if (loads[i] < loads[least]
                        || loads[i] == loads[least]
                                && groups.get(i).size() < groups.get(least).size()) {
                    least = i;
                }
            }
            groups.get(least).add(method);
            loads[least] += methods.get(method);
        }
        groups.forEach(group -> group.sort(Comparator.naturalOrder()));
        return groups;
    }
}
