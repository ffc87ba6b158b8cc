package ci.fast.maven.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FailedTestsTest {
    @TempDir
    Path dir;

    @Test
    void namesEachFailedTestByItsTopLevelClassWithTheMessagesFirstLine() throws Exception {
        Files.writeString(dir.resolve("TEST-com.example.NestingIT.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <testsuite name="com.example.NestingIT" tests="3" failures="1" errors="1">
                  <testcase name="outer" classname="com.example.NestingIT"/>
                  <testcase name="innerFails" classname="com.example.NestingIT$Inner">
                    <failure message="inner failure" type="org.opentest4j.AssertionFailedError">trace</failure>
                  </testcase>
                  <testcase name="breaks" classname="com.example.NestingIT">
                    <error message="broken&#10;second line" type="java.lang.IllegalStateException">trace</error>
                  </testcase>
                </testsuite>
                """);
        Files.writeString(dir.resolve("TEST-unreadable.xml"), "<testsuite");

        assertEquals(List.of("NestingIT.breaks: broken", "NestingIT.innerFails: inner failure"), FailedTests.in(dir));
    }

    @Test
    void namesTheFailedTestsOfAReportNameSuffixByTheirClass() throws Exception {
        Files.writeString(dir.resolve("TEST-com.example.NestingIT-jdk17.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <testsuite name="com.example.NestingIT(jdk17)" tests="2" failures="1" errors="1">
                  <testcase name="innerFails" classname="com.example.NestingIT$Inner(jdk17)">
                    <failure message="inner failure" type="org.opentest4j.AssertionFailedError">trace</failure>
                  </testcase>
                  <testcase name="breaks" classname="com.example.NestingIT(jdk17)">
                    <error message="broken" type="java.lang.IllegalStateException">trace</error>
                  </testcase>
                </testsuite>
                """);

        assertEquals(List.of("NestingIT.breaks: broken", "NestingIT.innerFails: inner failure"), FailedTests.in(dir));
    }
}
