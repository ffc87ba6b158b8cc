package ci.fast.maven.booter;

/**
 * The class loader of the tests: the one that loaded the booter, which sits on the tests' class path. In a fork that
 * is the system class loader; in Maven's JVM ({@code forkCount=0}, {@link InProcessBooter}) it is the loader built for
 * the run, whose parent is the platform loader, while the system loader is Maven's own. Every lookup of a test class
 * and every switch of the context loader to the tests' goes through here, so that both places work alike.
 */
final class TestsLoader {
    private TestsLoader() {}

    static ClassLoader get() {
        return TestsLoader.class.getClassLoader();
    }
}
