package ci.fast.maven.run;

import ci.fast.maven.booter.SplitKey;
import ci.fast.maven.report.ClassResult;
import ci.fast.maven.report.TestResult;
import ci.fast.maven.report.TestSet;
import ci.fast.maven.results.ClassRun;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Gathers the parts of classes split by method ({@link SplitKey}) as their results come, and puts each class back
 * together once all its parts have come: one result with every part's tests, counts and time, as if the class had
 * run whole, so that it has one TEST-&lt;class&gt;.xml. Not thread-safe: the sink calls it under its lock.
 */
final class SplitParts {
    /** The parts come so far, by class, then by part number. */
    private final Map<String, TreeMap<Integer, ClassRun>> arrived = new LinkedHashMap<>();

    /** Takes a part's run; returns its class's run once every part has come, else null. */
    ClassRun add(SplitKey key, ClassRun part) {
        TreeMap<Integer, ClassRun> parts = arrived.computeIfAbsent(key.className(), k -> new TreeMap<>());
        parts.putIfAbsent(key.part(), part);
        if (parts.size() < key.parts()) {
            return null;
        }
        arrived.remove(key.className());
        return merge(key.className(), List.copyOf(parts.values()));
    }

    /**
     * The classes some of whose parts never came here, each put together from the parts that did: in remote mode a
     * node reports what it ran, and other nodes ran the rest. Empties this.
     */
    List<ClassRun> rest() {
        List<ClassRun> rest = new ArrayList<>();
        arrived.forEach((className, parts) -> rest.add(merge(className, List.copyOf(parts.values()))));
        arrived.clear();
        return rest;
    }

    /**
     * One run of {@code className} from its parts' runs, in part order: their tests one after another, their seconds
     * and output added up, on the first part's fork (a part no fork ran counts only when none did), from the earliest
     * start to the last result. The times of its methods are kept only when every part could be split again.
     */
    static ClassRun merge(String className, List<ClassRun> parts) {
        List<TestResult> tests = new ArrayList<>();
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        StringBuilder nativeOut = new StringBuilder();
        StringBuilder nativeErr = new StringBuilder();
        Map<String, Double> methods = new TreeMap<>();
        boolean splittable = true;
        double seconds = 0;
        Map<String, String> properties = null;
        String context = "";
        TestSet ownSet = null;
        for (ClassRun part : parts) {
            ClassResult result = part.result();
            tests.addAll(result.tests());
            seconds += result.seconds();
            out.append(result.stdout());
            err.append(result.stderr());
            nativeOut.append(result.nativeOut());
            nativeErr.append(result.nativeErr());
            properties = result.properties() == null ? properties : result.properties();
            context = context.isEmpty() ? result.context() : context;
            if (!result.sets().isEmpty()) {
                ownSet = result.sets().get(result.sets().size() - 1);
            }
            splittable &= !result.methods().isEmpty();
            result.methods().forEach((method, s) -> methods.merge(method, s, Double::sum));
        }
        ClassResult whole = ClassResult.builder(className)
                .tests(tests)
                .seconds(seconds)
                .output(out.toString(), err.toString())
                .properties(properties)
                .nativeOutput(nativeOut.toString(), nativeErr.toString())
                // only classes without @Nested classes are split: each part is one set, the class's own
                .sets(
                        ownSet == null
                                ? List.of()
                                : List.of(new TestSet(
                                        ownSet.name(),
                                        ownSet.className(),
                                        ownSet.chainedName(),
                                        tests.size(),
                                        seconds)))
                .context(context)
                .methods(splittable ? methods : Map.of())
                .build();
        int fork = parts.stream()
                .mapToInt(ClassRun::fork)
                .filter(f -> f != ClassRun.NO_FORK)
                .findFirst()
                .orElse(ClassRun.NO_FORK);
        Instant start = parts.stream()
                .map(ClassRun::start)
                .min(Comparator.naturalOrder())
                .orElseThrow();
        Instant end =
                parts.stream().map(ClassRun::end).max(Comparator.naturalOrder()).orElseThrow();
        return new ClassRun(fork, start, end, whole, parts);
    }
}
