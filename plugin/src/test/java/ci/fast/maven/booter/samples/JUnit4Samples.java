package ci.fast.maven.booter.samples;

import junit.framework.TestCase;
import junit.framework.TestSuite;
import org.junit.Test;
import org.junit.experimental.runners.Enclosed;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Suite;

/**
 * JUnit 4 and JUnit 3 classes whose reports differ between Surefire's JUnit 4 provider and its JUnit Platform
 * provider. Nested, so that the plugin's own test run leaves them out (Surefire's default excludes).
 */
public final class JUnit4Samples {
    private JUnit4Samples() {}

    public static class First {
        @Test
        public void one() {}

        @Test
        public void two() {}
    }

    public static class Second {
        @Test
        public void three() {}
    }

    /** A suite of two classes: five tests in three classes. */
    @RunWith(Suite.class)
    @Suite.SuiteClasses({First.class, Second.class})
    public static class Both {}

    @RunWith(Enclosed.class)
    public static class Enclosing {
        public static class InnerA {
            @Test
            public void a() {}
        }

        public static class InnerB {
            @Test
            public void b() {}

            @Test
            public void c() {}
        }
    }

    @RunWith(Parameterized.class)
    public static class Values {
        private final int value;

        public Values(int value) {
            this.value = value;
        }

        @Parameterized.Parameters
        public static Object[] values() {
            return new Object[] {1, 2};
        }

        @Test
        public void positive() {
            if (value <= 0) {
                throw new AssertionError(value);
            }
        }
    }

    public static class LegacyA extends TestCase {
        public void testA() {}
    }

    public static class LegacyB extends TestCase {
        public void testB() {}

        public void testC() {}
    }

    /** A JUnit 3 suite() of other classes' tests, and of a suite of them. */
    public static class AllLegacy extends TestCase {
        public static junit.framework.Test suite() {
            TestSuite all = new TestSuite();
            all.addTestSuite(LegacyA.class);
            TestSuite inner = new TestSuite("inner");
            inner.addTestSuite(LegacyB.class);
            all.addTest(inner);
            return all;
        }
    }

    /** A test case that names itself: guava-testlib's generated tests (jimfs) add their configuration this way. */
    public static class Configured extends TestCase {
        private final String configuration;

        public Configured(String method, String configuration) {
            super(method);
            this.configuration = configuration;
        }

        @Override
        public String getName() {
            return super.getName() + " [" + configuration + "]";
        }

        public void testRead() {}
    }

    /** A JUnit 3 suite() of self-named test cases, in suites named by their configuration. */
    public static class AllConfigured extends TestCase {
        public static junit.framework.Test suite() {
            TestSuite all = new TestSuite();
            for (String configuration : new String[] {"KEEP [2, -1]", "DELETE [8, 0]"}) {
                TestSuite one = new TestSuite(configuration);
                one.addTest(new Configured("testRead", configuration));
                all.addTest(one);
            }
            return all;
        }
    }
}
