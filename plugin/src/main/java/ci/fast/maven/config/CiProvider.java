package ci.fast.maven.config;

import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One CI service as data: the variable that says a build runs on it, and the variables in which it keeps the run's
 * identity. Every function answers null where the service does not say, and {@link CiEnvironment} then asks the
 * {@code FAST_CI_*} variables and git.
 *
 * <p>A build id must be the same on every node of one run and new for every run, re-runs included: where the service
 * counts attempts, the attempt is part of the id, so that a re-run gets a new queue instead of joining the finished
 * one. Where the service also names the job (GitHub, GitLab, CircleCI, Buildkite), the job is part of the id too: the
 * parallel copies of one job share a queue, two different jobs of one pipeline (unit and integration tests of the same
 * module) do not.
 *
 * <p>Where the service names the job the same in every attempt ({@link #job}: GitHub, GitLab, CircleCI, Buildkite), a
 * retried job can ask our server what it ran in the attempt before; {@link CiEnvironment#attempt} adds which of the
 * job's parallel copies this is.
 */
record CiProvider(
        String name,
        String marker,
        String buildIdVariable,
        Function<EnvVars, String> buildId,
        Function<EnvVars, String> commit,
        Function<EnvVars, String> branch,
        Function<EnvVars, String> message,
        Function<EnvVars, String> authorName,
        Function<EnvVars, String> authorEmail,
        NodeVariables nodes,
        Predicate<EnvVars> retry,
        Function<EnvVars, CiJob> job) {

    /**
     * Where a service says which of its parallel copies this is: {@code index} counts from {@code firstIndex}, and
     * {@code total} is how many there are.
     */
    record NodeVariables(String index, String total, int firstIndex) {}

    /**
     * The CI job a node runs in, as every attempt of the build names it: {@code lineage}, the build id without its
     * attempt, and {@code name}, the job's name within it (without its parallel or matrix copy); null where the service
     * does not say.
     */
    record CiJob(String lineage, String name) {}

    // before KNOWN, which uses it while the class initialises
    private static final Function<EnvVars, String> NOTHING = env -> null;

    /** The services known, in the order they are tried: the first whose marker is on wins. */
    static final List<CiProvider> KNOWN = List.of(
            on("GitHub Actions", "GITHUB_ACTIONS")
                    .withBuildId(
                            "GITHUB_RUN_ID",
                            env -> join(env.get("GITHUB_RUN_ID"), env.get("GITHUB_RUN_ATTEMPT"), env.get("GITHUB_JOB")))
                    .withCommit("GITHUB_SHA")
                    // GITHUB_REF_NAME is "123/merge" in a pull request; GITHUB_HEAD_REF is its branch, empty otherwise
                    .withBranch("GITHUB_HEAD_REF", "GITHUB_REF_NAME")
                    .withRetry(env -> env.integer("GITHUB_RUN_ATTEMPT", 1) > 1)
                    // every matrix copy of a job has the same GITHUB_JOB: FAST_CI_NODE_INDEX or FAST_CI_NODE_ID tells
                    // them apart
                    .withJob(env -> job(join(env.get("GITHUB_RUN_ID"), env.get("GITHUB_JOB")), env.get("GITHUB_JOB"))),
            on("GitLab CI", "GITLAB_CI")
                    .withBuildId(
                            "CI_PIPELINE_ID",
                            env -> join(
                                    env.get("CI_PIPELINE_ID"),
                                    withoutParallelSuffix(env.get("CI_JOB_NAME")),
                                    env.get("CI_JOB_RETRY_COUNT")))
                    .withCommit("CI_COMMIT_SHA")
                    .withBranch("CI_COMMIT_REF_NAME")
                    .withMessage("CI_COMMIT_MESSAGE")
                    .withAuthor(env -> nameOf(env.get("CI_COMMIT_AUTHOR")), env -> emailOf(env.get("CI_COMMIT_AUTHOR")))
                    .withNodes("CI_NODE_INDEX", "CI_NODE_TOTAL", 1)
                    // CI_JOB_RETRY_COUNT exists since GitLab 19.3; older instances cannot tell a retry
                    .withRetry(env -> env.integer("CI_JOB_RETRY_COUNT", 0) > 0)
                    .withJob(env -> job(
                            join(env.get("CI_PIPELINE_ID"), withoutParallelSuffix(env.get("CI_JOB_NAME"))),
                            withoutParallelSuffix(env.get("CI_JOB_NAME")))),
            on("CircleCI", "CIRCLECI")
                    .withBuildId(
                            "CIRCLE_WORKFLOW_ID", env -> join(env.get("CIRCLE_WORKFLOW_ID"), env.get("CIRCLE_JOB")))
                    .withCommit("CIRCLE_SHA1")
                    .withBranch("CIRCLE_BRANCH")
                    .withNodes("CIRCLE_NODE_INDEX", "CIRCLE_NODE_TOTAL", 0)
                    // a re-run is a new workflow (so a new build id) that keeps the workspace id of the one it re-runs
                    .withRetry(env -> env.get("CIRCLE_WORKFLOW_WORKSPACE_ID") != null
                            && env.get("CIRCLE_WORKFLOW_ID") != null
                            && !env.get("CIRCLE_WORKFLOW_WORKSPACE_ID").equals(env.get("CIRCLE_WORKFLOW_ID")))
                    // the workspace is the first workflow's: the same in every re-run of it
                    .withJob(env -> job(
                            join(
                                    env.first("CIRCLE_WORKFLOW_WORKSPACE_ID", "CIRCLE_WORKFLOW_ID"),
                                    env.get("CIRCLE_JOB")),
                            env.get("CIRCLE_JOB"))),
            on("Jenkins", "JENKINS_URL")
                    // BUILD_TAG is "jenkins-${JOB_NAME}-${BUILD_NUMBER}"
                    .withBuildId(
                            "BUILD_TAG",
                            env -> env.get("BUILD_TAG") != null
                                    ? env.get("BUILD_TAG")
                                    : both(env.get("JOB_NAME"), env.get("BUILD_NUMBER")))
                    .withCommit("GIT_COMMIT")
                    // multibranch pipelines: CHANGE_BRANCH in a pull request, else BRANCH_NAME; the git plugin:
                    // GIT_BRANCH, with its remote ("origin/main")
                    .withBranch(env -> env.first("CHANGE_BRANCH", "BRANCH_NAME") != null
                            ? env.first("CHANGE_BRANCH", "BRANCH_NAME")
                            : withoutRemote(env.get("GIT_BRANCH"))),
            on("Buildkite", "BUILDKITE")
                    .withBuildId(
                            "BUILDKITE_BUILD_ID",
                            env -> join(
                                    env.get("BUILDKITE_BUILD_ID"),
                                    env.first("BUILDKITE_STEP_KEY", "BUILDKITE_STEP_ID"),
                                    env.get("BUILDKITE_RETRY_COUNT")))
                    // a build started without a commit says "HEAD"; git knows better then
                    .withCommit(env -> "HEAD".equals(env.get("BUILDKITE_COMMIT")) ? null : env.get("BUILDKITE_COMMIT"))
                    .withBranch("BUILDKITE_BRANCH")
                    .withMessage("BUILDKITE_MESSAGE")
                    .withAuthor(
                            env -> env.get("BUILDKITE_BUILD_AUTHOR"), env -> env.get("BUILDKITE_BUILD_AUTHOR_EMAIL"))
                    .withNodes("BUILDKITE_PARALLEL_JOB", "BUILDKITE_PARALLEL_JOB_COUNT", 0)
                    .withRetry(env -> env.integer("BUILDKITE_RETRY_COUNT", 0) > 0)
                    .withJob(env -> job(
                            join(env.get("BUILDKITE_BUILD_ID"), env.first("BUILDKITE_STEP_KEY", "BUILDKITE_STEP_ID")),
                            env.first("BUILDKITE_STEP_KEY", "BUILDKITE_STEP_ID"))),
            on("Azure Pipelines", "TF_BUILD")
                    .withBuildId("BUILD_BUILDID", env -> join(env.get("BUILD_BUILDID"), env.get("SYSTEM_JOBATTEMPT")))
                    .withCommit("BUILD_SOURCEVERSION")
                    // BUILD_SOURCEBRANCHNAME is only the last segment: "feature/login" becomes "login"
                    .withBranch("SYSTEM_PULLREQUEST_SOURCEBRANCH", "BUILD_SOURCEBRANCH", "BUILD_SOURCEBRANCHNAME")
                    .withMessage("BUILD_SOURCEVERSIONMESSAGE")
                    .withAuthor(env -> env.get("BUILD_REQUESTEDFOR"), env -> env.get("BUILD_REQUESTEDFOREMAIL"))
                    .withNodes("SYSTEM_JOBPOSITIONINPHASE", "SYSTEM_TOTALJOBSINPHASE", 1)
                    .withRetry(env -> env.integer("SYSTEM_JOBATTEMPT", 1) > 1),
            // Bitbucket has no marker of its own; a re-run gets a new build number
            on("Bitbucket Pipelines", "BITBUCKET_BUILD_NUMBER")
                    .withBuildId("BITBUCKET_BUILD_NUMBER", env -> env.get("BITBUCKET_BUILD_NUMBER"))
                    .withCommit("BITBUCKET_COMMIT")
                    .withBranch("BITBUCKET_BRANCH")
                    .withNodes("BITBUCKET_PARALLEL_STEP", "BITBUCKET_PARALLEL_STEP_COUNT", 0),
            on("Travis CI", "TRAVIS")
                    .withBuildId("TRAVIS_BUILD_ID", env -> env.get("TRAVIS_BUILD_ID"))
                    .withCommit("TRAVIS_COMMIT")
                    .withBranch("TRAVIS_PULL_REQUEST_BRANCH", "TRAVIS_BRANCH")
                    .withMessage("TRAVIS_COMMIT_MESSAGE")
                    .withRetry(env -> "true".equalsIgnoreCase(env.get("TRAVIS_JOB_RESTARTED"))),
            // TeamCity counts builds per configuration: the configuration's name keeps two of them apart
            on("TeamCity", "TEAMCITY_VERSION")
                    .withBuildId(
                            "BUILD_NUMBER",
                            env -> env.get("BUILD_NUMBER") == null
                                    ? null
                                    : join(env.get("TEAMCITY_BUILDCONF_NAME"), env.get("BUILD_NUMBER")))
                    .withCommit("BUILD_VCS_NUMBER"),
            // a pipeline re-run is a new pipeline of the same workflow
            on("Semaphore", "SEMAPHORE")
                    .withBuildId(
                            "SEMAPHORE_PIPELINE_ID", env -> env.first("SEMAPHORE_PIPELINE_ID", "SEMAPHORE_WORKFLOW_ID"))
                    .withCommit("SEMAPHORE_GIT_SHA")
                    .withBranch("SEMAPHORE_GIT_PR_BRANCH", "SEMAPHORE_GIT_BRANCH")
                    .withNodes("SEMAPHORE_JOB_INDEX", "SEMAPHORE_JOB_COUNT", 1)
                    .withRetry(env -> "true".equalsIgnoreCase(env.get("SEMAPHORE_PIPELINE_RERUN"))));

    private static CiProvider on(String name, String marker) {
        return new CiProvider(
                name,
                marker,
                null,
                NOTHING,
                NOTHING,
                NOTHING,
                NOTHING,
                NOTHING,
                NOTHING,
                null,
                env -> false,
                env -> null);
    }

    private CiProvider withBuildId(String variable, Function<EnvVars, String> id) {
        return new CiProvider(
                name, marker, variable, id, commit, branch, message, authorName, authorEmail, nodes, retry, job);
    }

    private CiProvider withCommit(String variable) {
        return withCommit(env -> env.get(variable));
    }

    private CiProvider withCommit(Function<EnvVars, String> sha) {
        return new CiProvider(
                name,
                marker,
                buildIdVariable,
                buildId,
                sha,
                branch,
                message,
                authorName,
                authorEmail,
                nodes,
                retry,
                job);
    }

    private CiProvider withBranch(String... variables) {
        return withBranch(env -> env.first(variables));
    }

    private CiProvider withBranch(Function<EnvVars, String> ref) {
        return new CiProvider(
                name,
                marker,
                buildIdVariable,
                buildId,
                commit,
                ref,
                message,
                authorName,
                authorEmail,
                nodes,
                retry,
                job);
    }

    private CiProvider withMessage(String variable) {
        return new CiProvider(
                name,
                marker,
                buildIdVariable,
                buildId,
                commit,
                branch,
                env -> env.get(variable),
                authorName,
                authorEmail,
                nodes,
                retry,
                job);
    }

    private CiProvider withAuthor(Function<EnvVars, String> name, Function<EnvVars, String> email) {
        return new CiProvider(
                this.name, marker, buildIdVariable, buildId, commit, branch, message, name, email, nodes, retry, job);
    }

    private CiProvider withNodes(String index, String total, int firstIndex) {
        return new CiProvider(
                name,
                marker,
                buildIdVariable,
                buildId,
                commit,
                branch,
                message,
                authorName,
                authorEmail,
                new NodeVariables(index, total, firstIndex),
                retry,
                job);
    }

    private CiProvider withRetry(Predicate<EnvVars> attempt) {
        return new CiProvider(
                name,
                marker,
                buildIdVariable,
                buildId,
                commit,
                branch,
                message,
                authorName,
                authorEmail,
                nodes,
                attempt,
                job);
    }

    private CiProvider withJob(Function<EnvVars, CiJob> ciJob) {
        return new CiProvider(
                name,
                marker,
                buildIdVariable,
                buildId,
                commit,
                branch,
                message,
                authorName,
                authorEmail,
                nodes,
                retry,
                ciJob);
    }

    /** {@code first} and the parts that are set, joined by "-"; null without {@code first}. */
    private static String join(String first, String... optional) {
        if (first == null) {
            return null;
        }
        StringBuilder id = new StringBuilder(first);
        for (String part : optional) {
            if (part != null) {
                id.append('-').append(part);
            }
        }
        return id.toString();
    }

    /** The job of {@code lineage}, named {@code name} ("job" when the service names none); null without a lineage. */
    private static CiJob job(String lineage, String name) {
        return lineage == null ? null : new CiJob(lineage, name == null ? "job" : name);
    }

    /** Both parts joined by "-", or null unless both are set. */
    private static String both(String first, String second) {
        return first == null || second == null ? null : first + "-" + second;
    }

    /** GitLab names the copies of a {@code parallel: N} job "rspec 1/3", "rspec 2/3": they are one job. */
    static String withoutParallelSuffix(String jobName) {
        return jobName == null ? null : jobName.replaceFirst("\\s+\\d+/\\d+$", "");
    }

    private static String withoutRemote(String branch) {
        return branch != null && branch.startsWith("origin/") ? branch.substring("origin/".length()) : branch;
    }

    /** The name of {@code "Jane Doe <jane@example.com>"}. */
    static String nameOf(String nameAndEmail) {
        if (nameAndEmail == null) {
            return null;
        }
        int open = nameAndEmail.lastIndexOf('<');
        String name = open >= 0 && nameAndEmail.endsWith(">") ? nameAndEmail.substring(0, open) : nameAndEmail;
        return name.isBlank() ? null : name.strip();
    }

    /** The email of {@code "Jane Doe <jane@example.com>"}. */
    static String emailOf(String nameAndEmail) {
        if (nameAndEmail == null) {
            return null;
        }
        int open = nameAndEmail.lastIndexOf('<');
        if (open < 0 || !nameAndEmail.endsWith(">")) {
            return null;
        }
        String email = nameAndEmail.substring(open + 1, nameAndEmail.length() - 1);
        return email.isBlank() ? null : email.strip();
    }
}
