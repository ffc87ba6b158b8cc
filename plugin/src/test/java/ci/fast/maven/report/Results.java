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
        return ClassResult.builder(CLASS)
                .tests(List.of(passed("prints", 0.001).withOutput(stdout, stderr)))
                .output(stdout, stderr)
                .build();
    }

    static TestResult passed(String name, double seconds) {
        return TestResult.builder(name, CLASS, Status.PASSED).seconds(seconds).build();
    }

    static TestResult failed(String name, String message, String trace) {
        return TestResult.builder(name, CLASS, Status.FAILED)
                .seconds(0.012)
                .failure("org.opentest4j.AssertionFailedError", message, trace)
                .build();
    }

    static TestResult error(String name, String type, String message, String trace) {
        return TestResult.builder(name, CLASS, Status.ERROR)
                .seconds(0.004)
                .failure(type, message, trace)
                .build();
    }

    static TestResult skipped(String name, String reason) {
        return TestResult.builder(name, CLASS, Status.SKIPPED)
                .skipReason(reason)
                .build();
    }

    /** One test of each status, as a failing class of four tests; the first printed {@code stdout}, {@code stderr}. */
    static ClassResult mixed(String stdout, String stderr) {
        return ClassResult.builder(CLASS)
                .tests(List.of(
                        passed("adds", 0.001).withOutput(stdout, stderr),
                        failed("divides", "expected: <2> but was: <3>", ASSERTION_TRACE),
                        error("reads", "java.lang.IllegalStateException", "boom", LIBRARY_ERROR_TRACE),
                        skipped("later", "not yet")))
                .seconds(0.123)
                .output(stdout, stderr)
                .build();
    }
}
