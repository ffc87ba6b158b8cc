package ci.fast.maven.booter;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.PostDiscoveryFilter;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Which report each container of a batch's test plan belongs to, and which containers are test sets of their own.
 *
 * <p>A batch class owns everything below it: its tests, a {@code @Nested} class's, a JUnit 4 suite's members'. When
 * a class of the batch is also below another one (a {@code Suite} member queued beside its suite), the outermost
 * owns it, as Surefire reports what ran in the class it ran. A TestNG class's static nested classes, selected beside
 * it, belong to it and are counted in it, as Surefire's TestNG provider reports them.
 *
 * <p>Test sets: with Surefire's JUnit Platform provider every class container is one (a {@code @Nested} class's
 * tests are counted apart, on the console and in the counts). With its JUnit 4 (and JUnit 3) provider, which runs
 * each class through {@code Request.aClass} and counts all that it ran in that one class, the classes below a batch
 * class that the Vintage engine runs (a {@code Suite}'s members, an {@code Enclosed} class's inner classes, a JUnit
 * 3 {@code suite()}'s test cases) are not: their tests are the batch class's own.
 *
 * <p>A run of TestNG suite files is one batch entry, {@link TestRunOptions#SUITE_FILES}, that owns every class the
 * files name: it is one test set, as Surefire's TestNG provider reports such a run, and its classes are none.
 */
final class BatchClasses {
    private static final String VINTAGE = "[engine:junit-vintage]";

    /** Class name → the batch class whose report it belongs to. */
    private final Map<String, String> owners;

    private final boolean junit4Reports;

    /** Batch entries that are runs of suite files, not classes. */
    private final Set<String> suites;

    /** The classes selected with the batch's entries, which belong to one of them. */
    private final Set<String> members;

    /** What the batch's run selects: its classes, their TestNG nested classes, what its suite files name. */
    private final List<DiscoverySelector> selectors;

    private volatile TestPlan plan;

    /**
     * {@link #keyOf}, {@link #topClass} and {@link #isSet} of each identifier of the plan, asked for every event of
     * every test: an ancestor walk each time. The plan's identifiers are one instance each, so they are kept by
     * identity.
     */
    private final Map<TestIdentifier, Optional<String>> keys = new IdentityHashMap<>();

    private final Map<TestIdentifier, Optional<String>> tops = new IdentityHashMap<>();

    private final Map<TestIdentifier, Boolean> sets = new IdentityHashMap<>();

    /**
     * @param batch the batch's classes
     * @param members classes selected with them: nested class (or suite file's class) → its batch entry
     * @param suites the batch entries that are runs of suite files
     * @param junit4Reports whether the reports follow Surefire's JUnit 4 provider rather than its Platform provider
     */
    BatchClasses(List<String> batch, Map<String, String> members, Set<String> suites, boolean junit4Reports) {
        this(
                batch,
                members,
                suites,
                junit4Reports,
                batch.stream()
                        .<DiscoverySelector>map(name -> selectClass(SplitKey.className(name)))
                        .toList());
    }

    private BatchClasses(
            List<String> batch,
            Map<String, String> members,
            Set<String> suites,
            boolean junit4Reports,
            List<DiscoverySelector> selectors) {
        Map<String, String> all = new LinkedHashMap<>();
        // A part's tests are its class's: the class's name leads to the part's key.
        batch.forEach(name -> all.put(SplitKey.className(name), name));
        members.forEach(all::putIfAbsent);
        this.owners = all;
        this.suites = Set.copyOf(suites);
        this.members = Set.copyOf(members.keySet());
        this.junit4Reports = junit4Reports;
        this.selectors = List.copyOf(selectors);
    }

    /**
     * A batch's classes and what its run selects: each class, the static nested TestNG classes of each, and for the
     * entry {@link TestRunOptions#SUITE_FILES} the classes and methods its suite files name.
     *
     * @param suiteSelectors what the suite files name: {@code pkg.Class} or {@code pkg.Class#method}
     */
    static BatchClasses select(List<String> batch, List<String> suiteSelectors, boolean junit4Reports) {
        List<String> classes = new ArrayList<>(batch);
        Map<String, String> members = new LinkedHashMap<>();
        Set<String> suites = new LinkedHashSet<>();
        List<DiscoverySelector> selectors = new ArrayList<>();
        if (classes.remove(TestRunOptions.SUITE_FILES) && !suiteSelectors.isEmpty()) {
            suites.add(TestRunOptions.SUITE_FILES);
            for (String selector : suiteSelectors) {
                int hash = selector.indexOf('#');
                String type = hash < 0 ? selector : selector.substring(0, hash);
                members.putIfAbsent(type, TestRunOptions.SUITE_FILES);
                selectors.add(hash < 0 ? selectClass(type) : selectMethod(type, selector.substring(hash + 1)));
            }
            TestNgNestedClasses.of(List.copyOf(members.keySet()))
                    .forEach((inner, outer) -> members.putIfAbsent(inner, TestRunOptions.SUITE_FILES));
        }
        List<String> parts =
                classes.stream().filter(name -> SplitKey.parse(name) != null).toList();
        classes.removeAll(parts); // a part is never a TestNG class's: only JUnit classes are split
        Map<String, String> nested = TestNgNestedClasses.of(classes);
        nested.forEach(members::putIfAbsent);
        classes.forEach(name -> selectors.add(selectClass(name)));
        parts.forEach(name -> selectors.add(selectClass(SplitKey.className(name))));
        nested.keySet().stream()
                .filter(name -> !batch.contains(name))
                .forEach(name -> selectors.add(selectClass(name)));
        return new BatchClasses(batch, members, suites, junit4Reports, selectors);
    }

    List<DiscoverySelector> selectors() {
        return selectors;
    }

    /**
     * Leaves out the methods of a part's class that the part does not hold ({@link SplitKey}), by name: a method's
     * invocations and dynamic tests go with it, and containers left empty are pruned. Keeps everything of a whole
     * class. A batch runs each part alone, so the class's name leads to one part.
     *
     * <p>A class that {@code rule} no longer lets split (it gained a {@code @TestMethodOrder} since the history that
     * split it was written) runs whole in its first part, and its other parts run nothing: never in pieces.
     */
    PostDiscoveryFilter partFilter(SplitRule rule) {
        Map<String, Boolean> allowed = new HashMap<>();
        return descriptor -> {
            if (descriptor.getSource().orElse(null) instanceof MethodSource method) {
                String owner = owners.get(method.getClassName());
                SplitKey part = owner == null ? null : SplitKey.parse(owner);
                if (part == null) {
                    return FilterResult.included("a whole class");
                }
                if (!allowed.computeIfAbsent(part.className(), rule::allowsDeclared)) {
                    return FilterResult.includedIf(part.part() == 1);
                }
                return FilterResult.includedIf(part.runs(method.getMethodName()));
            }
            return FilterResult.included("not a method");
        };
    }

    /** Whether the batch entry {@code key} is a run of suite files: one test set, started with its first class. */
    boolean isSuite(String key) {
        return suites.contains(key);
    }

    void planStarted(TestPlan plan) {
        synchronized (keys) {
            keys.clear();
            tops.clear();
        }
        this.plan = plan;
    }

    /** The batch class {@code id} belongs to (the outermost among its containers), or null for engines. */
    String keyOf(TestIdentifier id) {
        return remembered(keys, id, at -> Optional.ofNullable(findKey(at))).orElse(null);
    }

    /** The batch class {@code id} stands for, as its outermost container, or null. */
    String topClass(TestIdentifier id) {
        return remembered(tops, id, at -> Optional.ofNullable(findTop(at))).orElse(null);
    }

    /** What {@code find} gives for {@code id}, found once; {@code find} never gives null. */
    private static <T> T remembered(Map<TestIdentifier, T> known, TestIdentifier id, Function<TestIdentifier, T> find) {
        T seen;
        synchronized (known) {
            seen = known.get(id);
        }
        if (seen == null) {
            seen = find.apply(id); // outside the lock: finding it asks for the parents' keys
            synchronized (known) {
                known.put(id, seen);
            }
        }
        return seen;
    }

    private String findKey(TestIdentifier id) {
        String key = null;
        for (TestIdentifier at = id; at != null; at = parent(at)) {
            String owner = ownerOf(at);
            if (owner != null) {
                key = owner;
            }
        }
        return key;
    }

    private String findTop(TestIdentifier id) {
        String owner = ownerOf(id);
        if (owner == null) {
            return null;
        }
        TestIdentifier parent = parent(id);
        return parent == null || keyOf(parent) == null ? owner : null;
    }

    /** Whether {@code id} is a test set of its own, reported on the console and counted apart. */
    boolean isSet(TestIdentifier id) {
        return remembered(sets, id, this::findSet);
    }

    private boolean findSet(TestIdentifier id) {
        String key = keyOf(id);
        String name = TestNames.className(id);
        if (name == null || key == null || suites.contains(key) || !name.equals(key) && members.contains(name)) {
            return false; // a suite file's class, or a TestNG class's nested class: counted in its batch entry
        }
        if (junit4Reports && VINTAGE.equals(root(id).getUniqueId())) {
            return topClass(id) != null;
        }
        return true;
    }

    private String ownerOf(TestIdentifier id) {
        String name = TestNames.className(id);
        return name == null ? null : owners.get(name);
    }

    /** The engine {@code id} is under: its root, whose unique id is formatted once (a test's would be, each). */
    private TestIdentifier root(TestIdentifier id) {
        TestIdentifier root = id;
        for (TestIdentifier at = parent(id); at != null; at = parent(at)) {
            root = at;
        }
        return root;
    }

    private TestIdentifier parent(TestIdentifier id) {
        return plan.getParent(id).orElse(null);
    }
}
