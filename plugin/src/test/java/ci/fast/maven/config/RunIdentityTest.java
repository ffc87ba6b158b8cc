package ci.fast.maven.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RunIdentityTest {
    private static final String SHA = "3f2a9c1d0e4b5a6978877665544332211000ffee";

    @Test
    void connectParamsFollowTheProtocolsOrder() {
        RunIdentity run = new RunIdentity(
                "GitLab CI", "1234567-unit", SHA, "main", "Fix it", "Jane Doe", "jane@example.com", 1, 3, false);

        Map<String, String> params = run.connectParams("junit-billing");

        assertEquals(
                List.of("build_id", "run_key", "commit", "branch", "commit_msg", "author"),
                List.copyOf(params.keySet()));
        assertEquals("1234567-unit", params.get("build_id"));
        assertEquals("junit-billing", params.get("run_key"));
        assertEquals(SHA, params.get("commit"));
        assertEquals("main", params.get("branch"));
        assertEquals("Fix it", params.get("commit_msg"));
        assertEquals("{\"name\":\"Jane Doe\",\"email\":\"jane@example.com\"}", params.get("author"));
    }

    @Test
    void connectParamsLeaveOutMessageAndAuthorWhenUnknown() {
        RunIdentity run =
                new RunIdentity("Jenkins", "jenkins-shop-57", SHA, "main", null, null, null, null, null, false);

        assertEquals(
                List.of("build_id", "run_key", "commit", "branch"),
                List.copyOf(run.connectParams("junit-billing").keySet()));
    }

    @Test
    void authorIsJsonEscaped() {
        RunIdentity run = new RunIdentity(
                "Buildkite",
                "b-1",
                SHA,
                "main",
                null,
                "Jane \"JJ\" Doe\\\n\t\u0001",
                "jane@example.com",
                null,
                null,
                false);

        assertEquals(
                "{\"name\":\"Jane \\\"JJ\\\" Doe\\\\\\n\\t\\u0001\",\"email\":\"jane@example.com\"}",
                run.connectParams("junit-billing").get("author"));
    }

    @Test
    void anUnknownAuthorPartIsJsonNull() {
        RunIdentity run = new RunIdentity("Buildkite", "b-1", SHA, "main", null, "Jane Doe", null, null, null, false);

        assertEquals(
                "{\"name\":\"Jane Doe\",\"email\":null}",
                run.connectParams("junit-billing").get("author"));
    }

    @Test
    void refusesABlankRunKey() {
        RunIdentity run =
                new RunIdentity("Jenkins", "jenkins-shop-57", SHA, "main", null, null, null, null, null, false);

        assertThrows(IllegalArgumentException.class, () -> run.connectParams(" "));
    }

    @ParameterizedTest
    @CsvSource({"'', main", "b-1, ''"})
    void refusesABlankBuildIdOrBranch(String buildId, String branch) {
        assertThrows(
                IllegalArgumentException.class,
                () -> new RunIdentity("Jenkins", buildId, SHA, branch, null, null, null, null, null, false));
    }

    @ParameterizedTest
    @CsvSource({"1, ", ", 3", "3, 3", "-1, 3", "0, 0"})
    void refusesANodeIndexOutsideItsTotal(Integer index, Integer total) {
        assertThrows(
                IllegalArgumentException.class,
                () -> new RunIdentity("CircleCI", "w-1", SHA, "main", null, null, null, index, total, false));
    }

    @Test
    void summaryNamesTheProviderAndWhatItSaid() {
        RunIdentity run = new RunIdentity("GitHub Actions", "42-2-test", SHA, "main", null, null, null, 1, 4, true);

        assertEquals(
                "GitHub Actions: build 42-2-test, commit 3f2a9c1d0e4b, branch main, node index 1 of 4, a retry attempt",
                run.summary());
    }
}
