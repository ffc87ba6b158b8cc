package ci.fast.maven.booter.samples;

import junit.extensions.ActiveTestSuite;
import junit.extensions.RepeatedTest;
import junit.extensions.TestSetup;
import junit.framework.Test;
import junit.framework.TestCase;
import junit.framework.TestSuite;

/**
 * JUnit 3 classes as a JUnit 3.8 project has them, run by the own-JUnit 3 run as Surefire's JUnit 3 provider runs
 * them (the API is junit.framework's, the same in JUnit 3.8 and JUnit 4).
 */
public final class JUnit3Samples {
    private JUnit3Samples() {}

    /** Two tests that pass, one printing. */
    public static class Money extends TestCase {
        public void testAdds() {
            System.out.println("adding");
            assertEquals(5, 2 + 3);
        }

        public void testSubtracts() {
            assertEquals(1, 3 - 2);
        }
    }

    /** A failure, an error and a comparison failure. */
    public static class Ledger extends TestCase {
        public void testFails() {
            assertEquals("balanced", 2, 1 + 2);
        }

        public void testThrows() {
            throw new IllegalStateException("the ledger is closed");
        }

        public void testBreaksLines() {
            throw new IllegalArgumentException("first line\nsecond line");
        }
    }

    /** Its setUp() throws: each test is an error. */
    public static class SetUpFails extends TestCase {
        @Override
        protected void setUp() {
            throw new UnsupportedOperationException("no fixture");
        }

        public void testNeverRuns() {}
    }

    /** No test method: JUnit 3's TestSuite adds its "warning" test. */
    public static class NoTests extends TestCase {
        public void helper() {}
    }

    /** Abstract: not run, not reported. */
    public abstract static class AbstractBase extends TestCase {
        public void testInherited() {}
    }

    /** A suite() of another class's tests, a repeated test and tests that run in threads of their own. */
    public static class AllSuites {
        public static Test suite() {
            TestSuite all = new TestSuite("all");
            all.addTestSuite(Money.class);
            all.addTest(new RepeatedTest(new Threaded("testOne"), 2));
            ActiveTestSuite threads = new ActiveTestSuite("in threads");
            threads.addTestSuite(Threaded.class);
            all.addTest(threads);
            return all;
        }
    }

    /** Run through AllSuites only. */
    public static class Threaded extends TestCase {
        public Threaded() {}

        public Threaded(String name) {
            super(name);
        }

        public void testOne() {}

        public void testTwo() {
            fail("two fails");
        }
    }

    /** A suite() whose decorator's setUp() throws: an error that no test started. */
    public static class DecoratorFails {
        public static Test suite() {
            return new TestSetup(new TestSuite(Money.class)) {
                @Override
                protected void setUp() {
                    throw new IllegalStateException("no database");
                }
            };
        }
    }

    /** A suite() that throws. */
    public static class SuiteThrows {
        public static Test suite() {
            throw new IllegalStateException("cannot build the suite");
        }
    }

    /** No TestCase, queued by its name: a POJO test. */
    public static class Pojo {
        public void setUp() {
            System.out.println("pojo set-up");
        }

        public void testPasses() {}

        public void testThrows() {
            throw new IllegalStateException("pojo error");
        }

        public void helper() {}
    }

    /** A POJO test whose setUp() throws: its first test fails and the class stops. */
    public static class PojoSetUpFails {
        public void setUp() {
            throw new IllegalStateException("no pojo fixture");
        }

        public void testOne() {}
    }

    /** Neither a TestCase nor a POJO test with tests. */
    public static class NothingToRun {
        public void helper() {}
    }

    /** No public no-argument constructor, no TestCase: not run. */
    public static class NoPublicConstructor {
        private NoPublicConstructor() {}

        public void testNotRun() {}
    }
}
