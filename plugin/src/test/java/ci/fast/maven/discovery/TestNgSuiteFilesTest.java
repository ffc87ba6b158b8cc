package ci.fast.maven.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ci.fast.maven.booter.TestNgSuite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What TestNG suite files name to run: classes, included methods, packages, and the suite files they name. */
class TestNgSuiteFilesTest {
    @TempDir
    Path dir;

    @Test
    void namesTheClassesMethodsPackagesAndSuiteFilesOfEnabledTests() throws IOException {
        Path classes = dir.resolve("test-classes");
        for (String file : List.of("p/q/A.class", "p/q/A$Inner.class", "p/q/r/B.class", "p/s/C.class")) {
            Files.createDirectories(classes.resolve(file).getParent());
            Files.writeString(classes.resolve(file), "");
        }
        Path suite = write("suite.xml", """
                <!DOCTYPE suite SYSTEM "https://testng.org/testng-1.0.dtd">
                <suite name="s">
                  <test name="one">
                    <classes>
                      <class name="x.First"/>
                      <class name="x.Second">
                        <methods><include name="a"/><include name="b"/><exclude name="c"/></methods>
                      </class>
                    </classes>
                  </test>
                  <test name="two">
                    <packages><package name="p.q"/><package name="p.*"/></packages>
                  </test>
                  <test name="off" enabled="false">
                    <classes><class name="x.Off"/></classes>
                  </test>
                  <suite-files><suite-file path="sub/more.xml"/><suite-file path="suite.xml"/></suite-files>
                </suite>
                """);
        write(
                "sub/more.xml",
                "<suite name=\"m\"><test name=\"t\"><classes><class name=\"x.Third\"/><class name=\"x.First\"/></classes></test></suite>");

        assertEquals(
                List.of("x.First", "x.Second#a", "x.Second#b", "p.q.A", "p.q.r.B", "p.s.C", "x.Third"),
                TestNgSuiteFiles.selectors(List.of(suite.toFile()), classes));
    }

    @Test
    void readsTheParametersListenersGroupsParallelSettingsAndExcludedMethodsTestNgApplies() throws IOException {
        Path suite = write("suite.xml", """
                <!DOCTYPE suite SYSTEM "https://testng.org/testng-1.0.dtd">
                <suite name="s" parallel="classes" thread-count="3" data-provider-thread-count="4">
                  <listeners><listener class-name="x.Listener"/></listeners>
                  <parameter name="env" value="ci"/>
                  <parameter name="who" value="suite"/>
                  <groups><run><exclude name="broken"/></run></groups>
                  <test name="one" parallel="methods" thread-count="2">
                    <parameter name="who" value="test"/>
                    <groups><run><include name="fast.*"/></run></groups>
                    <classes>
                      <class name="x.First">
                        <parameter name="who" value="class"/>
                        <methods><exclude name="slow.*"/></methods>
                      </class>
                    </classes>
                  </test>
                  <test name="off" enabled="false">
                    <classes><class name="x.Off"/></classes>
                  </test>
                  <suite-files><suite-file path="more.xml"/></suite-files>
                </suite>
                """);
        write("more.xml", """
                <suite name="m" parallel="none">
                  <listeners><listener class-name="x.Listener"/><listener class-name="x.Other"/></listeners>
                  <test name="one"><classes><class name="x.Second"/><class name="x.First"/></classes></test>
                </suite>
                """);

        TestNgSuite settings = TestNgSuiteFiles.settings(List.of(suite.toFile()), dir);

        assertEquals(List.of("x.Listener", "x.Other"), settings.listeners());
        assertEquals(Map.of("env", "ci", "who", "suite"), settings.parameters());
        assertEquals("classes", settings.parallel());
        assertEquals(3, settings.threadCount());
        assertEquals(4, settings.dataProviderThreadCount());
        assertEquals(
                Map.of(
                        "one",
                        new TestNgSuite.Test(
                                "one",
                                Map.of("env", "ci", "who", "test"),
                                List.of("fast.*"),
                                List.of("broken"),
                                "methods",
                                2),
                        "one (2)",
                        new TestNgSuite.Test(
                                "one", Map.of("env", "ci", "who", "suite"), List.of(), List.of(), null, 0)),
                settings.tests());
        assertEquals(
                Map.of(
                        "x.First", new TestNgSuite.Member("one", Map.of("who", "class"), List.of("slow.*")),
                        "x.Second", new TestNgSuite.Member("one (2)", Map.of(), List.of())),
                settings.classes());
    }

    @Test
    void aThreadCountThatIsNoNumberIsOneLineNamingTheFile() throws IOException {
        Path suite = write("suite.xml", "<suite name=\"s\" thread-count=\"many\"/>");

        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> TestNgSuiteFiles.settings(List.of(suite.toFile()), dir));

        assertEquals("Suite file " + suite + ": thread-count=\"many\" is not a number", e.getMessage());
    }

    @Test
    void aMissingSuiteFileIsOneLineNamingIt() {
        Path missing = dir.resolve("nope.xml");

        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> TestNgSuiteFiles.selectors(List.of(missing.toFile()), dir));

        assertEquals("Suite file " + missing + " is not a valid file", e.getMessage());
    }

    @Test
    void aFileThatIsNoXmlIsOneLineNamingIt() throws IOException {
        Path broken = write("broken.xml", "<suite><test>");

        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> TestNgSuiteFiles.selectors(List.of(broken.toFile()), dir));

        assertEquals(true, e.getMessage().startsWith("Suite file " + broken + " cannot be read: "), e.getMessage());
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }
}
