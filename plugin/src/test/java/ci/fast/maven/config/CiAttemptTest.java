package ci.fast.maven.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Which CI node a job is across the attempts of its build, per CI: the same lineage and node in the first attempt and
 * in its retry, while the build id (the queue) is new. Environments are written as {@code env} would print them.
 */
class CiAttemptTest {
    private static final String GITHUB = """
            GITHUB_ACTIONS=true
            GITHUB_RUN_ID=9876543210
            GITHUB_JOB=test
            GITHUB_SHA=3f2a9c1d0e4b5a6978877665544332211000ffee
            GITHUB_REF_NAME=main
            """;

    @Test
    void gitHubActionsMatrixCopyIsItsJobAndTheIndexTheWorkflowPassesInEveryAttempt() {
        String copy = GITHUB + "FAST_CI_NODE_INDEX=2\nFAST_CI_NODE_TOTAL=4\n";
        Map<String, String> first = env(copy + "GITHUB_RUN_ATTEMPT=1");
        Map<String, String> retry = env(copy + "GITHUB_RUN_ATTEMPT=2");

        assertEquals(new CiAttempt("9876543210-test", "test/2", null), CiEnvironment.attempt(first));
        assertEquals(CiEnvironment.attempt(first), CiEnvironment.attempt(retry));
        assertEquals(
                "9876543210-2-test", CiEnvironment.detect(retry, FakeGit.none()).buildId(), "a new queue");
    }

    @Test
    void gitHubActionsNodeIdNamesTheCopyBeforeTheIndexAndAJobWithoutCopiesIsItsName() {
        assertEquals(
                new CiAttempt("9876543210-test", "test/{\"jdk\":17}", null),
                CiEnvironment.attempt(
                        env(GITHUB + "FAST_CI_NODE_ID={\"jdk\":17}\nFAST_CI_NODE_INDEX=0\n" + "FAST_CI_NODE_TOTAL=2")));
        assertEquals(new CiAttempt("9876543210-test", "test", null), CiEnvironment.attempt(env(GITHUB)));
    }

    @Test
    void gitLabParallelCopyKeepsItsJobAndIndexAcrossRetries() {
        String job = """
                GITLAB_CI=true
                CI_PIPELINE_ID=555
                CI_JOB_NAME=rspec 2/3
                CI_NODE_INDEX=2
                CI_NODE_TOTAL=3
                CI_COMMIT_SHA=3f2a9c1d0e4b5a6978877665544332211000ffee
                CI_COMMIT_REF_NAME=main
                """;

        assertEquals(new CiAttempt("555-rspec", "rspec/1", null), CiEnvironment.attempt(env(job)));
        assertEquals(
                CiEnvironment.attempt(env(job)), CiEnvironment.attempt(env(job + "CI_JOB_RETRY_COUNT=1")), "a retry");
    }

    @Test
    void circleCiReRunIsTheJobOfItsFirstWorkflowsWorkspace() {
        String job = """
                CIRCLECI=true
                CIRCLE_JOB=unit
                CIRCLE_NODE_INDEX=1
                CIRCLE_NODE_TOTAL=2
                CIRCLE_SHA1=3f2a9c1d0e4b5a6978877665544332211000ffee
                CIRCLE_BRANCH=main
                CIRCLE_WORKFLOW_WORKSPACE_ID=wf-1
                """;

        CiAttempt first = CiEnvironment.attempt(env(job + "CIRCLE_WORKFLOW_ID=wf-1"));
        CiAttempt rerun = CiEnvironment.attempt(env(job + "CIRCLE_WORKFLOW_ID=wf-2"));

        assertEquals(new CiAttempt("wf-1-unit", "unit/1", null), first);
        assertEquals(first, rerun);
    }

    @Test
    void buildkiteRetryIsTheSameStepAndParallelJob() {
        String job = """
                BUILDKITE=true
                BUILDKITE_BUILD_ID=b-77
                BUILDKITE_STEP_KEY=tests
                BUILDKITE_PARALLEL_JOB=3
                BUILDKITE_PARALLEL_JOB_COUNT=4
                BUILDKITE_COMMIT=3f2a9c1d0e4b5a6978877665544332211000ffee
                BUILDKITE_BRANCH=main
                """;

        assertEquals(new CiAttempt("b-77-tests", "tests/3", null), CiEnvironment.attempt(env(job)));
        assertEquals(CiEnvironment.attempt(env(job)), CiEnvironment.attempt(env(job + "BUILDKITE_RETRY_COUNT=1")));
    }

    @Test
    void unknownWhereTheCiNamesNoJobsAttemptsOrTheBuildIdIsTheUsers() {
        CiAttempt jenkins = CiEnvironment.attempt(env("JENKINS_URL=http://ci\nBUILD_TAG=jenkins-shop-12"));
        CiAttempt own = CiEnvironment.attempt(env(GITHUB + "FAST_CI_BUILD_ID=mine"));
        CiAttempt none = CiEnvironment.attempt(env("FAST_CI_BUILD_ID=mine"));

        assertFalse(jenkins.known());
        assertEquals("Jenkins does not name its jobs' attempts", jenkins.unknown());
        assertEquals("FAST_CI_BUILD_ID names the build, and nothing names its earlier attempts", own.unknown());
        assertFalse(none.known());
        assertEquals(
                "not on a CI that names its jobs",
                CiEnvironment.attempt(env("CI=true")).unknown(),
                "no CI at all");
    }

    @Test
    void anAttemptIsKnownWholeOrNotAtAll() {
        assertThrows(IllegalArgumentException.class, () -> new CiAttempt("l", null, null));
        assertThrows(IllegalArgumentException.class, () -> new CiAttempt("l", "n", "why"));
        assertThrows(IllegalArgumentException.class, () -> new CiAttempt(null, null, null));
    }

    private static Map<String, String> env(String lines) {
        Map<String, String> env = new HashMap<>();
        lines.lines().filter(line -> !line.isBlank()).forEach(line -> {
            int equals = line.indexOf('=');
            env.put(line.substring(0, equals), line.substring(equals + 1));
        });
        return env;
    }
}
