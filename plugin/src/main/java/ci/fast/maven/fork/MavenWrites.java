package ci.fast.maven.fork;

/**
 * Marks what Maven's side writes while a node runs in Maven's JVM ({@code forkCount=0}), where System.out and
 * System.err capture the tests' output: the node's router passes a write made under the mark on to Maven's own
 * stream, and captures every other, from whichever thread (a pool's thread a test hands work to among them), as
 * Surefire's in-process run captures them. The mark is a JDK type, so that the router, in the tests' loader, reads
 * the same one.
 */
public final class MavenWrites {
    /** TRUE on a thread while Maven's side writes; null otherwise. */
    static final ThreadLocal<Boolean> WRITING = new ThreadLocal<>();

    private MavenWrites() {}

    /** Runs {@code write} as Maven's: what it prints reaches Maven's console, never a test's output. */
    public static void run(Runnable write) {
        Boolean before = WRITING.get();
        WRITING.set(Boolean.TRUE);
        try {
            write.run();
        } finally {
            if (before == null) {
                WRITING.remove();
            }
        }
    }
}
