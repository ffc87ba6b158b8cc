package ci.fast.maven.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
