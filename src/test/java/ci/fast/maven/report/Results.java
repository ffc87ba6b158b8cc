package ci.fast.maven.report;

import java.util.List;

/** Test fixtures: results shaped like those a fork reports for {@code com.acme.FooTest}. */
final class Results {

    static final String CLASS = "com.acme.FooTest";

    static final String ASSERTION_TRACE = String.join(
            "\n",
            "org.opentest4j.AssertionFailedError: expected: <2> but was: <3>",
            "\tat org.junit.jupiter.api.AssertionFailureBuilder.build(AssertionFailureBuilder.java:151)",
            "\tat org.junit.jupiter.api.Assertions.assertEquals(Assertions.java:563)",
            "\tat app//com.acme.FooTest.divides(FooTest.java:12)",
            "\tat java.base/java.lang.reflect.Method.invoke(Method.java:568)",
            "");

    static final String LIBRARY_ERROR_TRACE = String.join(
            "\n",
            "java.lang.IllegalStateException: boom",
            "\tat com.acme.Store.read(Store.java:40)",
            "\tat com.acme.FooTest.reads(FooTest.java:30)",
            "\tat java.base/java.lang.reflect.Method.invoke(Method.java:568)");

    private Results() {}

    /** A class of one passing test that printed {@code stdout} and {@code stderr}. */
    static ClassResult printing(String stdout, String stderr) {
        return new ClassResult(CLASS, List.of(passed("prints", 0.001).withOutput(stdout, stderr)), 0, stdout, stderr);
    }

    static TestResult passed(String name, double seconds) {
        return new TestResult(name, CLASS, Status.PASSED, seconds, null, null, null, null);
    }

    static TestResult failed(String name, String message, String trace) {
        return new TestResult(
                name, CLASS, Status.FAILED, 0.012, "org.opentest4j.AssertionFailedError", message, trace, null);
    }

    static TestResult error(String name, String type, String message, String trace) {
        return new TestResult(name, CLASS, Status.ERROR, 0.004, type, message, trace, null);
    }

    static TestResult skipped(String name, String reason) {
        return new TestResult(name, CLASS, Status.SKIPPED, 0, null, null, null, reason);
    }

    /** One test of each status, as a failing class of four tests; the first printed {@code stdout}, {@code stderr}. */
    static ClassResult mixed(String stdout, String stderr) {
        return new ClassResult(
                CLASS,
                List.of(
                        passed("adds", 0.001).withOutput(stdout, stderr),
                        failed("divides", "expected: <2> but was: <3>", ASSERTION_TRACE),
                        error("reads", "java.lang.IllegalStateException", "boom", LIBRARY_ERROR_TRACE),
                        skipped("later", "not yet")),
                0.123,
                stdout,
                stderr);
    }
}
