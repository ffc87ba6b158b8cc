package ci.fast.maven.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each CI's environment is written as {@code env} would print it, with the variables the service documents. */
class CiEnvironmentTest {
    private static final String SHA = "3f2a9c1d0e4b5a6978877665544332211000ffee";

    @Test
    void gitHubActionsPullRequestTakesTheHeadBranchAndTheJobIntoTheBuildId() {
        RunIdentity run = detect(FakeGit.none(), """
                CI=true
                GITHUB_ACTIONS=true
                GITHUB_RUN_ID=9876543210
                GITHUB_RUN_ATTEMPT=1
                GITHUB_JOB=test
                GITHUB_SHA=3f2a9c1d0e4b5a6978877665544332211000ffee
                GITHUB_REF=refs/pull/42/merge
                GITHUB_REF_NAME=42/merge
                GITHUB_HEAD_REF=feature/login
                """);

        assertEquals("GitHub Actions", run.provider());
        assertEquals("9876543210-1-test", run.buildId());
        assertEquals(SHA, run.commit());
        assertEquals("feature/login", run.branch());
        assertNull(run.commitMessage());
        assertNull(run.authorName());
        assertNull(run.nodeIndex());
        assertFalse(run.retryAttempt());
    }

    @Test
    void gitHubActionsReRunGetsANewBuildIdAndOnAPushTheRefName() {
        RunIdentity run = detect(FakeGit.none(), """
                GITHUB_ACTIONS=true
                GITHUB_RUN_ID=9876543210
                GITHUB_RUN_ATTEMPT=2
                GITHUB_JOB=test
                GITHUB_SHA=3f2a9c1d0e4b5a6978877665544332211000ffee
                GITHUB_REF_NAME=main
                GITHUB_HEAD_REF=
                """);

        assertEquals("9876543210-2-test", run.buildId());
        assertEquals("main", run.branch());
        assertTrue(run.retryAttempt());
    }

    @Test
    void gitLabCiSharesOneBuildIdAcrossTheCopiesOfAParallelJob() {
        RunIdentity run = detect(FakeGit.none(), """
                GITLAB_CI=true
                CI_PIPELINE_ID=1234567
                CI_JOB_NAME=unit 2/3
                CI_COMMIT_SHA=3f2a9c1d0e4b5a6978877665544332211000ffee
                CI_COMMIT_REF_NAME=feature/login
                CI_COMMIT_MESSAGE=Fix the invoice total
                CI_COMMIT_AUTHOR=Jane Doe <jane@example.com>
                CI_NODE_INDEX=2
                CI_NODE_TOTAL=3
                """);

        assertEquals("GitLab CI", run.provider());
        assertEquals("1234567-unit", run.buildId());
        assertEquals(SHA, run.commit());
        assertEquals("feature/login", run.branch());
        assertEquals("Fix the invoice total", run.commitMessage());
        assertEquals("Jane Doe", run.authorName());
        assertEquals("jane@example.com", run.authorEmail());
        assertEquals(1, run.nodeIndex());
        assertEquals(3, run.nodeTotal());
        assertFalse(run.retryAttempt());
    }

    @ParameterizedTest
    @CsvSource({
        "'unit 1/3', unit",
        "'unit 3/3', unit",
        "unit, unit",
        "'integration 1/2', integration",
        "'test: [jdk17, linux]', 'test: [jdk17, linux]'"
    })
    void gitLabJobNamesLoseOnlyTheirParallelSuffix(String jobName, String job) {
        assertEquals(job, CiProvider.withoutParallelSuffix(jobName));
    }

    @Test
    void gitLabRetriedJobGetsANewBuildId() {
        RunIdentity run = detect(FakeGit.none(), """
                GITLAB_CI=true
                CI_PIPELINE_ID=1234567
                CI_JOB_NAME=unit 2/3
                CI_JOB_RETRY_COUNT=1
                CI_COMMIT_SHA=3f2a9c1d0e4b5a6978877665544332211000ffee
                CI_COMMIT_REF_NAME=main
                """);

        assertEquals("1234567-unit-1", run.buildId());
        assertTrue(run.retryAttempt());
    }

    @Test
    void circleCiTakesTheWorkflowAndJobAndItsZeroBasedNode() {
        RunIdentity run = detect(FakeGit.none(), """
                CIRCLECI=true
                CIRCLE_WORKFLOW_ID=6b5c7e4a-2f1d-4b8e-9a3c-1d2e3f4a5b6c
                CIRCLE_WORKFLOW_WORKSPACE_ID=6b5c7e4a-2f1d-4b8e-9a3c-1d2e3f4a5b6c
                CIRCLE_JOB=test
                CIRCLE_SHA1=3f2a9c1d0e4b5a6978877665544332211000ffee
                CIRCLE_BRANCH=main
                CIRCLE_NODE_INDEX=0
                CIRCLE_NODE_TOTAL=4
                """);

        assertEquals("CircleCI", run.provider());
        assertEquals("6b5c7e4a-2f1d-4b8e-9a3c-1d2e3f4a5b6c-test", run.buildId());
        assertEquals(SHA, run.commit());
        assertEquals("main", run.branch());
        assertEquals(0, run.nodeIndex());
        assertEquals(4, run.nodeTotal());
        assertFalse(run.retryAttempt());
    }

    @Test
    void circleCiReRunIsANewWorkflowOnTheOldWorkspace() {
        RunIdentity run = detect(FakeGit.none(), """
                CIRCLECI=true
                CIRCLE_WORKFLOW_ID=9e8d7c6b-0000-4000-8000-000000000002
                CIRCLE_WORKFLOW_WORKSPACE_ID=6b5c7e4a-2f1d-4b8e-9a3c-1d2e3f4a5b6c
                CIRCLE_JOB=test
                CIRCLE_SHA1=3f2a9c1d0e4b5a6978877665544332211000ffee
                CIRCLE_BRANCH=main
                """);

        assertEquals("9e8d7c6b-0000-4000-8000-000000000002-test", run.buildId());
        assertTrue(run.retryAttempt());
    }

    @Test
    void jenkinsTakesTheBuildTagAndTheGitPluginsBranchWithoutItsRemote() {
        RunIdentity run = detect(FakeGit.none(), """
                JENKINS_URL=https://jenkins.example.com/
                BUILD_TAG=jenkins-shop-billing-57
                JOB_NAME=shop/billing
                BUILD_NUMBER=57
                GIT_COMMIT=3f2a9c1d0e4b5a6978877665544332211000ffee
                GIT_BRANCH=origin/main
                """);

        assertEquals("Jenkins", run.provider());
        assertEquals("jenkins-shop-billing-57", run.buildId());
        assertEquals(SHA, run.commit());
        assertEquals("main", run.branch());
    }

    @Test
    void jenkinsMultibranchPullRequestTakesTheChangeBranch() {
        RunIdentity run = detect(FakeGit.none(), """
                JENKINS_URL=https://jenkins.example.com/
                JOB_NAME=shop/PR-12
                BUILD_NUMBER=3
                GIT_COMMIT=3f2a9c1d0e4b5a6978877665544332211000ffee
                BRANCH_NAME=PR-12
                CHANGE_BRANCH=feature/login
                """);

        assertEquals("shop/PR-12-3", run.buildId());
        assertEquals("feature/login", run.branch());
    }

    @Test
    void buildkiteTakesTheStepAndRetryCountAndTheAuthor() {
        RunIdentity run = detect(FakeGit.none(), """
                BUILDKITE=true
                BUILDKITE_BUILD_ID=01902b9c-5d7e-4f1a-8b2c-3d4e5f6a7b8c
                BUILDKITE_STEP_KEY=tests
                BUILDKITE_RETRY_COUNT=0
                BUILDKITE_COMMIT=3f2a9c1d0e4b5a6978877665544332211000ffee
                BUILDKITE_BRANCH=feature/login
                BUILDKITE_MESSAGE=Fix the invoice total
                BUILDKITE_BUILD_AUTHOR=Jane Doe
                BUILDKITE_BUILD_AUTHOR_EMAIL=jane@example.com
                BUILDKITE_PARALLEL_JOB=3
                BUILDKITE_PARALLEL_JOB_COUNT=4
                """);

        assertEquals("Buildkite", run.provider());
        assertEquals("01902b9c-5d7e-4f1a-8b2c-3d4e5f6a7b8c-tests-0", run.buildId());
        assertEquals(SHA, run.commit());
        assertEquals("feature/login", run.branch());
        assertEquals("Fix the invoice total", run.commitMessage());
        assertEquals("Jane Doe", run.authorName());
        assertEquals("jane@example.com", run.authorEmail());
        assertEquals(3, run.nodeIndex());
        assertEquals(4, run.nodeTotal());
        assertFalse(run.retryAttempt());
    }

    @Test
    void buildkiteRetryGetsANewBuildIdAndHeadAsCommitMeansAskGit() {
        RunIdentity run = detect(FakeGit.onMain(), """
                BUILDKITE=true
                BUILDKITE_BUILD_ID=01902b9c-5d7e-4f1a-8b2c-3d4e5f6a7b8c
                BUILDKITE_STEP_ID=0190aaaa-0000-4000-8000-000000000001
                BUILDKITE_RETRY_COUNT=2
                BUILDKITE_COMMIT=HEAD
                BUILDKITE_BRANCH=main
                """);

        assertEquals("01902b9c-5d7e-4f1a-8b2c-3d4e5f6a7b8c-0190aaaa-0000-4000-8000-000000000001-2", run.buildId());
        assertEquals(FakeGit.SHA, run.commit());
        assertTrue(run.retryAttempt());
    }

    @Test
    void azurePipelinesTakesTheAttemptTheFullBranchAndTheRequester() {
        RunIdentity run = detect(FakeGit.none(), """
                TF_BUILD=True
                BUILD_BUILDID=4321
                SYSTEM_JOBATTEMPT=1
                BUILD_SOURCEVERSION=3f2a9c1d0e4b5a6978877665544332211000ffee
                BUILD_SOURCEBRANCH=refs/heads/feature/login
                BUILD_SOURCEBRANCHNAME=login
                BUILD_SOURCEVERSIONMESSAGE=Fix the invoice total
                BUILD_REQUESTEDFOR=Jane Doe
                BUILD_REQUESTEDFOREMAIL=jane@example.com
                SYSTEM_JOBPOSITIONINPHASE=2
                SYSTEM_TOTALJOBSINPHASE=2
                """);

        assertEquals("Azure Pipelines", run.provider());
        assertEquals("4321-1", run.buildId());
        assertEquals(SHA, run.commit());
        assertEquals("feature/login", run.branch());
        assertEquals("Fix the invoice total", run.commitMessage());
        assertEquals("Jane Doe", run.authorName());
        assertEquals("jane@example.com", run.authorEmail());
        assertEquals(1, run.nodeIndex());
        assertEquals(2, run.nodeTotal());
        assertFalse(run.retryAttempt());
    }

    @Test
    void azurePipelinesPullRequestTakesItsSourceBranchAndASecondAttemptIsARetry() {
        RunIdentity run = detect(FakeGit.none(), """
                TF_BUILD=True
                BUILD_BUILDID=4321
                SYSTEM_JOBATTEMPT=2
                BUILD_SOURCEVERSION=3f2a9c1d0e4b5a6978877665544332211000ffee
                BUILD_SOURCEBRANCH=refs/pull/7/merge
                SYSTEM_PULLREQUEST_SOURCEBRANCH=refs/heads/feature/login
                """);

        assertEquals("4321-2", run.buildId());
        assertEquals("feature/login", run.branch());
        assertTrue(run.retryAttempt());
    }

    @Test
    void bitbucketPipelinesTakesTheBuildNumberAndTheParallelStep() {
        RunIdentity run = detect(FakeGit.none(), """
                CI=true
                BITBUCKET_BUILD_NUMBER=118
                BITBUCKET_COMMIT=3f2a9c1d0e4b5a6978877665544332211000ffee
                BITBUCKET_BRANCH=feature/login
                BITBUCKET_PARALLEL_STEP=1
                BITBUCKET_PARALLEL_STEP_COUNT=3
                """);

        assertEquals("Bitbucket Pipelines", run.provider());
        assertEquals("118", run.buildId());
        assertEquals(SHA, run.commit());
        assertEquals("feature/login", run.branch());
        assertEquals(1, run.nodeIndex());
        assertEquals(3, run.nodeTotal());
    }

    @Test
    void travisCiTakesThePullRequestBranchAndTheMessage() {
        RunIdentity run = detect(FakeGit.none(), """
                TRAVIS=true
                TRAVIS_BUILD_ID=555000111
                TRAVIS_COMMIT=3f2a9c1d0e4b5a6978877665544332211000ffee
                TRAVIS_BRANCH=main
                TRAVIS_PULL_REQUEST_BRANCH=feature/login
                TRAVIS_COMMIT_MESSAGE=Fix the invoice total
                TRAVIS_JOB_RESTARTED=false
                """);

        assertEquals("Travis CI", run.provider());
        assertEquals("555000111", run.buildId());
        assertEquals(SHA, run.commit());
        assertEquals("feature/login", run.branch());
        assertEquals("Fix the invoice total", run.commitMessage());
        assertFalse(run.retryAttempt());
    }

    @Test
    void travisCiPushTakesTheBranchAndTellsARestart() {
        RunIdentity run = detect(FakeGit.none(), """
                TRAVIS=true
                TRAVIS_BUILD_ID=555000111
                TRAVIS_COMMIT=3f2a9c1d0e4b5a6978877665544332211000ffee
                TRAVIS_BRANCH=main
                TRAVIS_PULL_REQUEST_BRANCH=
                TRAVIS_JOB_RESTARTED=true
                """);

        assertEquals("main", run.branch());
        assertTrue(run.retryAttempt());
    }

    @Test
    void teamCityTakesTheConfigurationsBuildNumberAndGitTheBranch() {
        RunIdentity run = detect(new FakeGit(SHA, "release/2.0", null, null, null), """
                TEAMCITY_VERSION=2024.03 (build 156364)
                TEAMCITY_BUILDCONF_NAME=Tests
                BUILD_NUMBER=311
                BUILD_VCS_NUMBER=3f2a9c1d0e4b5a6978877665544332211000ffee
                """);

        assertEquals("TeamCity", run.provider());
        assertEquals("Tests-311", run.buildId());
        assertEquals(SHA, run.commit());
        assertEquals("release/2.0", run.branch());
    }

    @Test
    void semaphoreTakesThePipelineThePullRequestBranchAndItsOneBasedJob() {
        RunIdentity run = detect(FakeGit.none(), """
                SEMAPHORE=true
                SEMAPHORE_WORKFLOW_ID=a1b2c3d4-0000-4000-8000-00000000000a
                SEMAPHORE_PIPELINE_ID=e5f6a7b8-0000-4000-8000-00000000000b
                SEMAPHORE_PIPELINE_RERUN=false
                SEMAPHORE_GIT_SHA=3f2a9c1d0e4b5a6978877665544332211000ffee
                SEMAPHORE_GIT_BRANCH=main
                SEMAPHORE_GIT_PR_BRANCH=feature/login
                SEMAPHORE_JOB_INDEX=1
                SEMAPHORE_JOB_COUNT=2
                """);

        assertEquals("Semaphore", run.provider());
        assertEquals("e5f6a7b8-0000-4000-8000-00000000000b", run.buildId());
        assertEquals(SHA, run.commit());
        assertEquals("feature/login", run.branch());
        assertEquals(0, run.nodeIndex());
        assertEquals(2, run.nodeTotal());
        assertFalse(run.retryAttempt());
    }

    @Test
    void semaphoreRerunIsARetry() {
        RunIdentity run = detect(FakeGit.none(), """
                SEMAPHORE=true
                SEMAPHORE_WORKFLOW_ID=a1b2c3d4-0000-4000-8000-00000000000a
                SEMAPHORE_PIPELINE_ID=c9d0e1f2-0000-4000-8000-00000000000c
                SEMAPHORE_PIPELINE_RERUN=true
                SEMAPHORE_GIT_SHA=3f2a9c1d0e4b5a6978877665544332211000ffee
                SEMAPHORE_GIT_BRANCH=main
                """);

        assertEquals("c9d0e1f2-0000-4000-8000-00000000000c", run.buildId());
        assertTrue(run.retryAttempt());
    }

    @Test
    void fastCiVariablesWinOverTheCi() {
        RunIdentity run = detect(FakeGit.onMain(), """
                GITHUB_ACTIONS=true
                GITHUB_RUN_ID=9876543210
                GITHUB_RUN_ATTEMPT=1
                GITHUB_SHA=3f2a9c1d0e4b5a6978877665544332211000ffee
                GITHUB_REF_NAME=main
                FAST_CI_BUILD_ID=nightly-2024-06-01
                FAST_CI_COMMIT=abcdef0123456789abcdef0123456789abcdef01
                FAST_CI_BRANCH=release/2.0
                FAST_CI_NODE_INDEX=2
                FAST_CI_NODE_TOTAL=3
                """);

        assertEquals("GitHub Actions", run.provider());
        assertEquals("nightly-2024-06-01", run.buildId());
        assertEquals("abcdef0123456789abcdef0123456789abcdef01", run.commit());
        assertEquals("release/2.0", run.branch());
        assertEquals(2, run.nodeIndex());
        assertEquals(3, run.nodeTotal());
    }

    @Test
    void fastCiVariablesAloneAreEnoughOffAnyCi() {
        RunIdentity run = detect(FakeGit.none(), """
                FAST_CI_BUILD_ID=local-1
                FAST_CI_COMMIT=3f2a9c1d0e4b5a6978877665544332211000ffee
                FAST_CI_BRANCH=main
                """);

        assertEquals(CiEnvironment.VARIABLES_ONLY, run.provider());
        assertEquals("local-1", run.buildId());
        assertEquals(SHA, run.commit());
        assertEquals("main", run.branch());
        assertNull(run.nodeIndex());
        assertFalse(run.retryAttempt());
    }

    @Test
    void gitFillsCommitBranchMessageAndAuthorNobodyElseTold() {
        RunIdentity run = detect(FakeGit.onMain(), "FAST_CI_BUILD_ID=local-1");

        assertEquals(FakeGit.SHA, run.commit());
        assertEquals("main", run.branch());
        assertEquals("Fix the invoice total\n\nRounding was off.", run.commitMessage());
        assertEquals("Jane Doe", run.authorName());
        assertEquals("jane@example.com", run.authorEmail());
    }

    @Test
    void gitFillsMessageAndAuthorOfTheCommitTheCiNames() {
        RunIdentity run = detect(FakeGit.onMain(), """
                CIRCLECI=true
                CIRCLE_WORKFLOW_ID=6b5c7e4a-2f1d-4b8e-9a3c-1d2e3f4a5b6c
                CIRCLE_SHA1=0123456789abcdef0123456789abcdef01234567
                CIRCLE_BRANCH=main
                """);

        assertEquals("Fix the invoice total\n\nRounding was off.", run.commitMessage());
        assertEquals("Jane Doe", run.authorName());
    }

    @Test
    void gitDescribesHeadSoItsMessageIsNotTakenForAnotherCommit() {
        RunIdentity run = detect(FakeGit.onMain(), """
                FAST_CI_BUILD_ID=local-1
                FAST_CI_COMMIT=3f2a9c1d0e4b5a6978877665544332211000ffee
                FAST_CI_BRANCH=main
                """);

        assertNull(run.commitMessage());
        assertNull(run.authorName());
        assertNull(run.authorEmail());
    }

    @Test
    void anAbbreviatedCommitIsStillHead() {
        RunIdentity run = detect(FakeGit.onMain(), """
                FAST_CI_BUILD_ID=local-1
                FAST_CI_COMMIT=0123456
                """);

        assertEquals("0123456", run.commit());
        assertEquals("Jane Doe", run.authorName());
    }

    @Test
    void asksGitNothingWhenTheCiTellsEverything() {
        FakeGit git = FakeGit.onMain();

        detect(git, """
                BUILDKITE=true
                BUILDKITE_BUILD_ID=01902b9c-5d7e-4f1a-8b2c-3d4e5f6a7b8c
                BUILDKITE_COMMIT=3f2a9c1d0e4b5a6978877665544332211000ffee
                BUILDKITE_BRANCH=main
                BUILDKITE_MESSAGE=Fix the invoice total
                BUILDKITE_BUILD_AUTHOR=Jane Doe
                """);

        assertEquals(0, git.questions);
    }

    @Test
    void refusesARunWithoutBuildIdOffAnyCiNamingTheVariable() {
        FakeGit git = FakeGit.onMain();

        // a blank value counts as unset
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> detect(git, """
                FAST_CI_BUILD_ID=\s\s
                FAST_CI_COMMIT=3f2a9c1d0e4b5a6978877665544332211000ffee
                """));

        assertOneLine(e);
        assertTrue(
                e.getMessage().startsWith("no build id: not on a known CI (GitHub Actions, GitLab CI,"),
                e.getMessage());
        assertTrue(e.getMessage().contains("Semaphore"), e.getMessage());
        assertTrue(
                e.getMessage().endsWith("set FAST_CI_BUILD_ID to an id shared by every node of this run"),
                e.getMessage());
        assertEquals(0, git.questions);
    }

    @Test
    void refusesARunWithoutBuildIdOnACiThatLacksItsVariable() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> detect(FakeGit.onMain(), "GITLAB_CI=true"));

        assertOneLine(e);
        assertTrue(e.getMessage().contains("on GitLab CI but CI_PIPELINE_ID is not set"), e.getMessage());
        assertTrue(e.getMessage().contains("FAST_CI_BUILD_ID"), e.getMessage());
    }

    @Test
    void refusesARunWithoutCommitOrBranchNamingBothVariables() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> detect(FakeGit.none(), "FAST_CI_BUILD_ID=local-1"));

        assertOneLine(e);
        assertTrue(e.getMessage().startsWith("no commit and no branch:"), e.getMessage());
        assertTrue(e.getMessage().contains("FAST_CI_COMMIT"), e.getMessage());
        assertTrue(e.getMessage().contains("FAST_CI_BRANCH"), e.getMessage());
    }

    @Test
    void refusesADetachedHeadWithoutBranchNamingOnlyTheBranchVariable() {
        FakeGit detached = new FakeGit(SHA, null, null, null, null);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> detect(detached, """
                JENKINS_URL=https://jenkins.example.com/
                BUILD_TAG=jenkins-shop-billing-57
                """));

        assertOneLine(e);
        assertTrue(e.getMessage().startsWith("no branch:"), e.getMessage());
        assertTrue(e.getMessage().contains("detached HEAD"), e.getMessage());
        assertTrue(e.getMessage().contains("FAST_CI_BRANCH"), e.getMessage());
        assertFalse(e.getMessage().contains("FAST_CI_COMMIT"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"3, 3", "-1, 3", "0, 0", "x, 2", "1, ''", "'', 2"})
    void refusesFastCiNodeVariablesThatAreNoIndexAndTotal(String index, String total) {
        Map<String, String> env = Map.of(
                "FAST_CI_BUILD_ID", "local-1",
                "FAST_CI_NODE_INDEX", index,
                "FAST_CI_NODE_TOTAL", total);

        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> CiEnvironment.detect(env, FakeGit.onMain()));

        assertOneLine(e);
        assertTrue(e.getMessage().startsWith("FAST_CI_NODE_INDEX and FAST_CI_NODE_TOTAL"), e.getMessage());
    }

    @Test
    void ignoresANodeIndexFromTheCiThatIsOutOfRange() {
        RunIdentity run = detect(FakeGit.none(), """
                CIRCLECI=true
                CIRCLE_WORKFLOW_ID=6b5c7e4a-2f1d-4b8e-9a3c-1d2e3f4a5b6c
                CIRCLE_SHA1=3f2a9c1d0e4b5a6978877665544332211000ffee
                CIRCLE_BRANCH=main
                CIRCLE_NODE_INDEX=4
                CIRCLE_NODE_TOTAL=4
                """);

        assertNull(run.nodeIndex());
        assertNull(run.nodeTotal());
    }

    /** Detects from {@code NAME=value} lines, as {@code env} prints them. */
    private static RunIdentity detect(Git git, String lines) {
        Map<String, String> env = new HashMap<>();
        lines.lines().forEach(line -> {
            int equals = line.indexOf('=');
            env.put(line.substring(0, equals), line.substring(equals + 1));
        });
        return CiEnvironment.detect(env, git);
    }

    private static void assertOneLine(IllegalArgumentException e) {
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }
}
