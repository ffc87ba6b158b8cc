/**
 * Turns test results into what a Maven user expects from Surefire: {@code TEST-*.xml} and {@code *.txt}
 * files in the reports directory, the per-class console line and the summary printed after "Results:".
 *
 * <p>Runs in the Maven JVM and depends on the JDK only; it knows nothing of forks or the wire.
 */
package ci.fast.maven.report;
