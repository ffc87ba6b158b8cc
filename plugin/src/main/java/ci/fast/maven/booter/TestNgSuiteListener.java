package ci.fast.maven.booter;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.testng.IAlterSuiteListener;
import org.testng.xml.XmlClass;
import org.testng.xml.XmlInclude;
import org.testng.xml.XmlSuite;
import org.testng.xml.XmlTest;

/**
 * Makes the suite the JUnit Platform's TestNG engine builds (one {@code <test>} of classes and included methods) the
 * suite Surefire's TestNG provider would run: its object factory, and the suite files' parameters, groups, parallel
 * settings and excluded methods, each class in a test named and configured as the {@code <test>} of the files that
 * names it. The engine registers it through {@code testng.listeners} for its execution only, after its discovery, so
 * the tests the suite does not run (other groups, excluded methods) are discovered and never reported, as Surefire
 * never reports them.
 *
 * <p>TestNG creates its listeners by class name, with no arguments; what to apply is therefore {@link #install
 * installed} once per fork before any run, by the fork's one thread that runs tests. Loaded only where TestNG is.
 */
public final class TestNgSuiteListener implements IAlterSuiteListener {
    /** What every TestNG run of this fork applies; set before the first run, then read only. */
    private static volatile TestNgSuite installed = TestNgSuite.NONE;

    /** Sets what the runs of this fork apply. */
    static void install(TestNgSuite suite) {
        installed = suite;
    }

    @Override
    public void alter(List<XmlSuite> suites) {
        TestNgSuite spec = installed;
        for (XmlSuite suite : suites) {
            alter(suite, spec);
        }
    }

    private static void alter(XmlSuite suite, TestNgSuite spec) {
        if (spec.objectFactory() != null) {
            objectFactory(suite, spec.objectFactory());
        }
        if (!spec.parameters().isEmpty()) {
            Map<String, String> parameters = new LinkedHashMap<>(spec.parameters());
            parameters.putAll(suite.getParameters());
            suite.setParameters(parameters);
        }
        if (spec.parallel() != null) {
            suite.setParallel(XmlSuite.ParallelMode.getValidParallel(spec.parallel()));
        }
        if (spec.threadCount() > 0) {
            suite.setThreadCount(spec.threadCount());
        }
        if (spec.dataProviderThreadCount() > 0) {
            suite.setDataProviderThreadCount(spec.dataProviderThreadCount());
        }
        if (spec.classes().isEmpty()) {
            return;
        }
        List<XmlTest> engineTests = new ArrayList<>(suite.getTests());
        suite.getTests().clear();
        for (XmlTest engineTest : engineTests) {
            Map<String, XmlTest> made = new LinkedHashMap<>();
            for (XmlClass type : engineTest.getXmlClasses()) {
                TestNgSuite.Member member = member(spec, type.getName());
                TestNgSuite.Test test = member == null ? null : spec.tests().get(member.test());
                if (test == null) {
                    // Not named by the files: it stays in a test as the engine made it.
                    XmlTest target = made.computeIfAbsent("", key -> copy(suite, engineTest, null));
                    type.setXmlTest(target);
                    target.getXmlClasses().add(type);
                    continue;
                }
                if (exclude(type, member) && inGroups(type, test)) {
                    XmlTest target = made.computeIfAbsent(member.test(), key -> copy(suite, engineTest, test));
                    type.setXmlTest(target);
                    target.getXmlClasses().add(type);
                }
            }
        }
    }

    /**
     * Where the files place {@code className}; a static nested class the engine runs beside its outer class (as TestNG
     * does, given the outer class) is in the outer class's test, without the outer class's own parameters and
     * excluded methods.
     */
    private static TestNgSuite.Member member(TestNgSuite spec, String className) {
        TestNgSuite.Member member = spec.classes().get(className);
        for (String outer = className; member == null && outer.contains("$"); ) {
            outer = outer.substring(0, outer.lastIndexOf('$'));
            TestNgSuite.Member found = spec.classes().get(outer);
            if (found != null) {
                member = new TestNgSuite.Member(found.test(), Map.of(), List.of());
            }
        }
        return member;
    }

    /**
     * A test of {@code suite} with the engine's test's settings and, for a suite file's {@code <test>}, its name,
     * parameters, groups and parallel settings; no classes yet.
     */
    private static XmlTest copy(XmlSuite suite, XmlTest engineTest, TestNgSuite.Test test) {
        XmlTest made = new XmlTest(suite); // adds itself to the suite's tests
        made.setName(test == null ? engineTest.getName() : test.name());
        made.setPreserveOrder(engineTest.getPreserveOrder());
        made.setXmlClasses(new ArrayList<>());
        Map<String, String> parameters = new LinkedHashMap<>(engineTest.getLocalParameters());
        List<String> included = new ArrayList<>(engineTest.getIncludedGroups());
        List<String> excluded = new ArrayList<>(engineTest.getExcludedGroups());
        if (test != null) {
            parameters.putAll(test.parameters());
            included.addAll(test.includedGroups());
            excluded.addAll(test.excludedGroups());
            if (test.parallel() != null) {
                made.setParallel(XmlSuite.ParallelMode.getValidParallel(test.parallel()));
            }
            if (test.threadCount() > 0) {
                made.setThreadCount(test.threadCount());
            }
        }
        made.setParameters(parameters);
        // The suite's groups are the test's too (XmlTest adds them): only the test's own are set here.
        included.removeAll(suite.getIncludedGroups());
        excluded.removeAll(suite.getExcludedGroups());
        made.setIncludedGroups(included);
        made.setExcludedGroups(excluded);
        return made;
    }

    /**
     * Gives {@code type} its parameters and takes out of its included methods those its {@code <exclude>}s name;
     * false when none is left, so that it runs nothing (an empty include list would run all its methods).
     */
    private static boolean exclude(XmlClass type, TestNgSuite.Member member) {
        Map<String, String> parameters = new LinkedHashMap<>(member.parameters());
        parameters.putAll(type.getLocalParameters());
        type.setParameters(parameters);
        if (member.excludedMethods().isEmpty()) {
            return true;
        }
        List<Pattern> patterns =
                member.excludedMethods().stream().map(Pattern::compile).toList();
        List<XmlInclude> kept = new ArrayList<>();
        for (XmlInclude include : type.getIncludedMethods()) {
            if (patterns.stream().noneMatch(p -> p.matcher(include.getName()).matches())) {
                kept.add(include);
            }
        }
        boolean someIncluded = !type.getIncludedMethods().isEmpty();
        type.setIncludedMethods(kept);
        List<String> excludedMethods = new ArrayList<>(type.getExcludedMethods());
        excludedMethods.addAll(member.excludedMethods());
        type.setExcludedMethods(excludedMethods);
        return !someIncluded || !kept.isEmpty();
    }

    /**
     * Takes out of {@code type}'s included methods those outside the test's groups, and says whether any is left (true
     * when it included none). TestNG runs a method it is given by name even outside the test's groups, so the
     * engine's included methods (every method its discovery found) are chosen here as TestNG chooses by groups: a
     * method's groups are its {@code @Test}'s and its class's; a group name in the file is a regular expression.
     */
    private static boolean inGroups(XmlClass type, TestNgSuite.Test test) {
        List<String> included = new ArrayList<>(test.includedGroups());
        List<String> excluded = new ArrayList<>(test.excludedGroups());
        if ((included.isEmpty() && excluded.isEmpty())
                || type.getIncludedMethods().isEmpty()) {
            return true;
        }
        Class<?> testClass = type.getSupportClass();
        List<XmlInclude> kept = new ArrayList<>();
        for (XmlInclude include : type.getIncludedMethods()) {
            List<String> groups = TestNgGroups.of(testClass, include.getName());
            boolean in = included.isEmpty() || groups.stream().anyMatch(g -> matches(included, g));
            boolean out = groups.stream().anyMatch(g -> matches(excluded, g));
            if (in && !out) {
                kept.add(include);
            }
        }
        type.setIncludedMethods(kept);
        return !kept.isEmpty();
    }

    private static boolean matches(List<String> patterns, String group) {
        return patterns.stream().anyMatch(p -> Pattern.matches(p, group));
    }

    /**
     * Sets the suite's object factory, as Surefire's {@code -objectfactory} sets TestNG's: by class from TestNG 7.5
     * ({@code setObjectFactoryClass}), by instance before ({@code setObjectFactory}).
     */
    private static void objectFactory(XmlSuite suite, String className) {
        Class<?> factory;
        try {
            factory = Class.forName(className, true, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException(
                    "Parameter \"objectFactory\": class " + className + " is not on the test class path", e);
        }
        try {
            Method byClass = XmlSuite.class.getMethod("setObjectFactoryClass", Class.class);
            byClass.invoke(suite, factory);
            return;
        } catch (NoSuchMethodException e) {
            // an older TestNG, which takes an instance
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot set TestNG's object factory " + className + ": " + e, e);
        }
        try {
            for (Method method : XmlSuite.class.getMethods()) {
                if (method.getName().equals("setObjectFactory") && method.getParameterCount() == 1) {
                    method.invoke(suite, factory.getDeclaredConstructor().newInstance());
                    return;
                }
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot set TestNG's object factory " + className + ": " + e, e);
        }
    }
}
