package ci.fast.maven.booter;

import java.util.List;

/**
 * Two JUnit 4 classes of the booter's own that the launcher's warm-up discovers where the Vintage engine runs the
 * tests: a JUnit 4 class and a JUnit 3 test case, so that JUnit 4's runner builders, the Vintage engine's descriptors
 * and the test plan are loaded while the node connects and joins, not in the first batch's discovery. They are
 * discovered, never run: no execution listener sees them, and no report or event names them. A discovery listener or
 * post-discovery filter of the project's own (registered through the service loader) sees the warm-up's discovery, as
 * it saw the warm-up's discovery of a class without tests before these two.
 *
 * <p>Compiled against {@code junit:junit} and loaded only from a test class path that has it: this holder names them
 * and holds no JUnit type, so it loads anywhere.
 */
final class VintageWarmUp {
    /** The binary names of the classes the warm-up discovers. */
    static final List<String> CLASSES =
            List.of(VintageWarmUp.class.getName() + "$Annotated", VintageWarmUp.class.getName() + "$Legacy");

    private VintageWarmUp() {}

    /** A JUnit 4 class: {@code BlockJUnit4ClassRunner}'s discovery and validation. */
    public static final class Annotated {
        @org.junit.Test
        public void warms() {}
    }

    /** A JUnit 3 test case: {@code JUnit38ClassRunner}'s. */
    public static final class Legacy extends junit.framework.TestCase {
        public void testWarms() {}
    }
}
