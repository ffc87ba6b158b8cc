package ci.fast.maven.report;

import java.util.Objects;

/**
 * One class container of a test class as Surefire reports it: the class itself or one of its {@code @Nested}
 * classes. Surefire counts each test in the container that finishes next after it, so a container's tests are those
 * that finished after the container before it: {@code end} marks where they stop in the class's test list.
 *
 * @param name    what the console calls it: the {@code @DisplayName}, else the binary class name; never null
 * @param className its binary class name (the batch entry's name for a run of suite files); never null
 * @param chainedName how Surefire's JUnit Platform provider before 3.5.4 names it: the display names of its enclosing
 *     classes and its own, joined by spaces, or {@code className} where they are the classes' own; never null
 * @param end     the index in {@link ClassResult#tests()} after its last test
 * @param seconds its wall time
 */
public record TestSet(String name, String className, String chainedName, int end, double seconds) {
    public TestSet {
        Objects.requireNonNull(name, "TestSet.name must not be null");
        Objects.requireNonNull(className, "TestSet.className must not be null");
        Objects.requireNonNull(chainedName, "TestSet.chainedName must not be null");
        if (end < 0) {
            throw new IllegalArgumentException("TestSet.end must not be negative: " + end);
        }
    }
}
