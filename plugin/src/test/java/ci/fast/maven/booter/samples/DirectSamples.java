package ci.fast.maven.booter.samples;

import static org.junit.Assert.assertEquals;

import java.util.List;
import junit.framework.TestCase;
import junit.framework.TestSuite;
import org.junit.After;
import org.junit.AfterClass;
import org.junit.Assume;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Ignore;
import org.junit.Test;
import org.junit.rules.TestRule;
import org.junit.runner.Description;
import org.junit.runner.RunWith;
import org.junit.runner.Runner;
import org.junit.runner.notification.RunNotifier;
import org.junit.runners.Parameterized;
import org.junit.runners.model.Statement;

/** JUnit 4 and 3 classes that the direct JUnit 4 run and the Vintage engine must report alike. */
public final class DirectSamples {
    private DirectSamples() {}

    /** Every outcome a test can have, each printing to both streams. */
    public static class Outcomes {
        @Test
        public void passes() {
            System.out.println("out of passes");
            System.err.println("err of passes");
        }

        @Test
        public void fails() {
            System.out.println("out of fails");
            assertEquals("expected", "actual");
        }

        @Test
        public void errs() {
            throw new IllegalStateException("broken");
        }

        @Test
        public void assumes() {
            Assume.assumeTrue("not here", false);
        }

        @Ignore("not yet")
        @Test
        public void ignoredWithReason() {}

        @Ignore
        @Test
        public void ignored() {}

        @Test(timeout = 60_000)
        public void passesInTime() {
            System.out.println("in time");
        }
    }

    /** A test that fails, then its {@code @After} too: two failures of one test. */
    public static class TwiceFailing {
        @After
        public void after() {
            throw new IllegalStateException("after");
        }

        @Test
        public void fails() {
            assertEquals(1, 2);
        }
    }

    @Ignore("the whole class")
    public static class IgnoredClass {
        @Test
        public void never() {}
    }

    public static class BeforeClassFails {
        @BeforeClass
        public static void setUp() {
            throw new IllegalStateException("no set-up");
        }

        @Test
        public void one() {}

        @Test
        public void two() {}
    }

    public static class BeforeClassAssumes {
        @BeforeClass
        public static void setUp() {
            Assume.assumeTrue(false);
        }

        @Test
        public void one() {}
    }

    public static class AfterClassFails {
        @AfterClass
        public static void tearDown() {
            throw new IllegalStateException("no tear-down");
        }

        @Test
        public void one() {
            System.out.println("one ran");
        }
    }

    public static class ClassRuleFails {
        @ClassRule
        public static final TestRule RULE = (base, description) -> new Statement() {
            @Override
            public void evaluate() {
                throw new IllegalStateException("rule");
            }
        };

        @Test
        public void one() {}
    }

    /** A JUnit 3 test case. */
    public static class Legacy extends TestCase {
        public void testPasses() {
            System.out.println("legacy out");
        }

        public void testFails() {
            assertEquals("a", "b");
        }

        public void testErrs() {
            throw new IllegalArgumentException("legacy");
        }
    }

    /** A JUnit 3 {@code suite()} of a test case and a named test. */
    public static class LegacySuite extends TestCase {
        public static junit.framework.Test suite() {
            TestSuite suite = new TestSuite("legacy suite");
            suite.addTestSuite(Legacy.class);
            suite.addTest(new Named("testNamed"));
            return suite;
        }
    }

    public static class Named extends TestCase {
        public Named(String name) {
            super(name);
        }

        public void testNamed() {}
    }

    @RunWith(Parameterized.class)
    public static class Parameters {
        private final int value;

        public Parameters(int value) {
            this.value = value;
        }

        @Parameterized.Parameters(name = "{index}: value {0}")
        public static List<Integer> values() {
            return List.of(1, 2, 3);
        }

        @Test
        public void odd() {
            System.out.println("value " + value);
            assertEquals(1, value % 2);
        }
    }

    /** A base class queued by its name (it matches {@code *Test}): the Vintage engine passes over it. */
    public abstract static class AbstractBase {
        @Test
        public void inherited() {}
    }

    /** {@link NotPublic}, for tests outside this package. */
    public static final Class<?> NOT_PUBLIC = NotPublic.class;

    /** Its tests are its abstract base class's. */
    public static class Concrete extends AbstractBase {}

    /** A {@code suite()} method in a class that is no {@code TestCase}. */
    public static class SuiteOnly {
        public static junit.framework.Test suite() {
            TestSuite suite = new TestSuite("suite only");
            suite.addTestSuite(Legacy.class);
            return suite;
        }
    }

    /** Not public: the Vintage engine passes over it. */
    static class NotPublic {
        @Test
        public void hidden() {}
    }

    /** An inner class: the Vintage engine passes over it. */
    public class Inner {
        @Test
        public void inner() {}
    }

    /** A class without tests: the Vintage engine leaves it out. */
    public static class NoTests {
        public void notATest() {}
    }

    /** A runner that is not JUnit's own: the direct run leaves its class to the Vintage engine. */
    public static class OwnRunner extends Runner {
        private final Class<?> type;

        public OwnRunner(Class<?> type) {
            this.type = type;
        }

        @Override
        public Description getDescription() {
            Description suite = Description.createSuiteDescription(type);
            suite.addChild(Description.createTestDescription(type, "only"));
            return suite;
        }

        @Override
        public void run(RunNotifier notifier) {
            Description test = getDescription().getChildren().get(0);
            notifier.fireTestStarted(test);
            notifier.fireTestFinished(test);
        }
    }

    @RunWith(OwnRunner.class)
    public static class WithOwnRunner {}
}
