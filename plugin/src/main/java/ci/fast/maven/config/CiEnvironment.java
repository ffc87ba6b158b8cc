package ci.fast.maven.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Finds this run's identity: from the {@code FAST_CI_*} variables first, then from the CI service the environment
 * shows ({@link CiProvider#KNOWN}), then, for the commit, branch, message and author only, from git.
 */
public final class CiEnvironment {
    /** Overrides the CI's build id; without a known CI, the only source of one. */
    public static final String BUILD_ID = "FAST_CI_BUILD_ID";
    /** Overrides the CI's and git's commit. */
    public static final String COMMIT = "FAST_CI_COMMIT";
    /** Overrides the CI's and git's branch. */
    public static final String BRANCH = "FAST_CI_BRANCH";
    /** Overrides the CI's node index: this node among the run's nodes, counting from 0; set with the total. */
    public static final String NODE_INDEX = "FAST_CI_NODE_INDEX";
    /** Overrides the CI's number of parallel nodes; set with the index. */
    public static final String NODE_TOTAL = "FAST_CI_NODE_TOTAL";
    /**
     * Which of a job's parallel or matrix copies this node is, the same in every attempt (GitHub Actions:
     * {@code ${{ strategy.job-index }}}, or the matrix's values); before the node index when both are set.
     */
    public static final String NODE_ID = "FAST_CI_NODE_ID";
    /** The provider named when no CI service is recognised and the {@code FAST_CI_*} variables say it all. */
    public static final String VARIABLES_ONLY = "FAST_CI_* variables";

    private CiEnvironment() {}

    /**
     * The GitHub Actions job summary a run may append to: {@code GITHUB_STEP_SUMMARY} when {@code GITHUB_ACTIONS} is
     * on, read as the rest of the detection reads the environment; null elsewhere.
     */
    public static Path gitHubStepSummary(Map<String, String> env) {
        EnvVars vars = new EnvVars(env);
        String file = vars.get("GITHUB_STEP_SUMMARY");
        return vars.isOn("GITHUB_ACTIONS") && file != null ? Path.of(file) : null;
    }

    /**
     * GitLab CI's project directory, where a job's artifact paths start: {@code CI_PROJECT_DIR} when {@code GITLAB_CI}
     * is on, read as the rest of the detection reads the environment; null elsewhere.
     */
    public static Path gitLabProjectDir(Map<String, String> env) {
        EnvVars vars = new EnvVars(env);
        String dir = vars.get("CI_PROJECT_DIR");
        return vars.isOn("GITLAB_CI") && dir != null ? Path.of(dir) : null;
    }

    /**
     * @param env the environment, usually {@link System#getenv()}; a blank value counts as unset
     * @param git asked only for what neither the variables nor the CI say
     * @throws IllegalArgumentException with the one line a user needs when no build id, commit or branch can be
     *     found, or {@code FAST_CI_NODE_INDEX} / {@code FAST_CI_NODE_TOTAL} are not a valid pair
     */
    public static RunIdentity detect(Map<String, String> env, Git git) {
        EnvVars vars = new EnvVars(env);
        Objects.requireNonNull(git, "git");
        CiProvider ci = provider(vars);

        String buildId =
                first(vars.get(BUILD_ID), ci == null ? null : ci.buildId().apply(vars));
        if (buildId == null) {
            throw new IllegalArgumentException(noBuildId(ci, vars));
        }
        String commit = first(vars.get(COMMIT), ci == null ? null : ci.commit().apply(vars));
        String head = null; // git's HEAD, asked for at most once
        if (commit == null) {
            head = git.commit().orElse(null);
            commit = head;
        }
        String branch = first(
                vars.get(BRANCH),
                ci == null ? null : withoutRefPrefix(ci.branch().apply(vars)));
        if (branch == null) {
            branch = git.branch().orElse(null);
        }
        if (commit == null || branch == null) {
            throw new IllegalArgumentException(noCommitOrBranch(commit == null, branch == null));
        }

        String message = ci == null ? null : ci.message().apply(vars);
        String authorName = ci == null ? null : ci.authorName().apply(vars);
        String authorEmail = ci == null ? null : ci.authorEmail().apply(vars);
        boolean noAuthor = authorName == null && authorEmail == null;
        if (message == null || noAuthor) {
            head = head != null ? head : git.commit().orElse(null);
            // git describes HEAD: its message and author are this run's only when HEAD is the commit reported
            if (head != null && sameCommit(head, commit)) {
                message = message != null ? message : git.commitMessage().orElse(null);
                if (noAuthor) {
                    authorName = git.authorName().orElse(null);
                    authorEmail = git.authorEmail().orElse(null);
                }
            }
        }

        Node node = node(vars, ci);
        boolean retry = ci != null && ci.retry().test(vars);
        String provider = ci == null ? VARIABLES_ONLY : ci.name();
        return new RunIdentity(
                provider, buildId, commit, branch, message, authorName, authorEmail, node.index(), node.total(), retry);
    }

    /**
     * Which CI node this is across the attempts of its build: the CI job (GitHub Actions, GitLab CI, CircleCI, Buildkite
     * name theirs) and which of its copies this is. Unknown, with the reason, where the CI does not name its jobs, or
     * where {@code FAST_CI_BUILD_ID} names the build (nothing then says what its earlier attempts were).
     *
     * @param env as for {@link #detect}, which must have accepted it
     */
    public static CiAttempt attempt(Map<String, String> env) {
        EnvVars vars = new EnvVars(env);
        if (vars.get(BUILD_ID) != null) {
            return CiAttempt.unknown(BUILD_ID + " names the build, and nothing names its earlier attempts");
        }
        CiProvider ci = provider(vars);
        CiProvider.CiJob job = ci == null ? null : ci.job().apply(vars);
        if (job == null) {
            return CiAttempt.unknown(
                    ci == null ? "not on a CI that names its jobs" : ci.name() + " does not name its jobs' attempts");
        }
        String copy = vars.get(NODE_ID);
        if (copy == null) {
            Integer index = node(vars, ci).index();
            copy = index == null ? null : index.toString();
        }
        return new CiAttempt(job.lineage(), copy == null ? job.name() : job.name() + "/" + copy, null);
    }

    private static CiProvider provider(EnvVars vars) {
        return CiProvider.KNOWN.stream()
                .filter(p -> vars.isOn(p.marker()))
                .findFirst()
                .orElse(null);
    }

    private static String noBuildId(CiProvider ci, EnvVars vars) {
        String where;
        if (ci != null) {
            where = "on " + ci.name() + " but " + ci.buildIdVariable() + " is not set";
        } else {
            String known = CiProvider.KNOWN.stream().map(CiProvider::name).collect(Collectors.joining(", "));
            where = "not on a known CI (" + known + ")" + (vars.isOn("CI") ? " although CI is set" : "");
        }
        return "no build id: " + where + ", and " + BUILD_ID + " is not set; set " + BUILD_ID
                + " to an id shared by every node of this run";
    }

    private static String noCommitOrBranch(boolean noCommit, boolean noBranch) {
        List<String> missing = new ArrayList<>();
        List<String> variables = new ArrayList<>();
        if (noCommit) {
            missing.add("commit");
            variables.add(COMMIT + " to the sha being tested");
        }
        if (noBranch) {
            missing.add("branch");
            variables.add(BRANCH + " to its branch");
        }
        return "no " + String.join(" and no ", missing) + ": neither the CI environment nor git tells it"
                + (noBranch ? " (a detached HEAD has no branch)" : "") + "; set " + String.join(" and ", variables);
    }

    /** Whether two shas name the same commit, one possibly abbreviated (at least 7 digits, as git abbreviates). */
    private static boolean sameCommit(String a, String b) {
        String shorter = (a.length() <= b.length() ? a : b).toLowerCase(Locale.ROOT);
        String longer = (a.length() <= b.length() ? b : a).toLowerCase(Locale.ROOT);
        return shorter.length() >= 7 && longer.startsWith(shorter);
    }

    /** This node among the run's parallel nodes: from FAST_CI_NODE_*, which must then be right, else from the CI. */
    private static Node node(EnvVars vars, CiProvider ci) {
        if (vars.get(NODE_INDEX) != null || vars.get(NODE_TOTAL) != null) {
            Node node = node(vars.integer(NODE_INDEX), vars.integer(NODE_TOTAL), 0);
            if (node == Node.UNKNOWN) {
                throw new IllegalArgumentException(NODE_INDEX + " and " + NODE_TOTAL + " go together: this node's index"
                        + " counting from 0, and the number of nodes; were " + quoted(vars.get(NODE_INDEX)) + " and "
                        + quoted(vars.get(NODE_TOTAL)));
            }
            return node;
        }
        if (ci == null || ci.nodes() == null) {
            return Node.UNKNOWN;
        }
        CiProvider.NodeVariables names = ci.nodes();
        return node(vars.integer(names.index()), vars.integer(names.total()), names.firstIndex());
    }

    private static Node node(Integer index, Integer total, int firstIndex) {
        if (index == null || total == null) {
            return Node.UNKNOWN;
        }
        int fromZero = index - firstIndex;
        return total >= 1 && fromZero >= 0 && fromZero < total ? new Node(fromZero, total) : Node.UNKNOWN;
    }

    private static String quoted(String value) {
        return value == null ? "unset" : "'" + value + "'";
    }

    private static String withoutRefPrefix(String branch) {
        if (branch == null) {
            return null;
        }
        for (String prefix : List.of("refs/heads/", "refs/tags/")) {
            if (branch.startsWith(prefix)) {
                return branch.substring(prefix.length());
            }
        }
        return branch;
    }

    private static String first(String preferred, String otherwise) {
        return preferred != null ? preferred : otherwise;
    }

    /** Which of the run's parallel nodes this is, counting from 0; both null when unknown. */
    private record Node(Integer index, Integer total) {
        static final Node UNKNOWN = new Node(null, null);
    }
}
