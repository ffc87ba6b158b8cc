package ci.fast.maven.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which run this node belongs to, as the orchestration server needs it (PROTOCOL.md section 1), and what the CI says
 * about this node. Built by {@link CiEnvironment#detect}.
 *
 * @param provider the CI service the values came from, or {@code "FAST_CI_* variables"}; never null
 * @param buildId the same on every node of one run, new for every run; never null
 * @param commit the sha being tested; never null
 * @param branch never null
 * @param commitMessage null when unknown
 * @param authorName the commit's author, null when unknown
 * @param authorEmail null when unknown
 * @param nodeIndex which of the CI's parallel nodes this is, counting from 0; null when the CI does not say
 * @param nodeTotal how many parallel nodes the CI started; null exactly when {@code nodeIndex} is
 * @param retryAttempt whether the CI says this is a re-run or retry of an earlier attempt
 */
public record RunIdentity(
        String provider,
        String buildId,
        String commit,
        String branch,
        String commitMessage,
        String authorName,
        String authorEmail,
        Integer nodeIndex,
        Integer nodeTotal,
        boolean retryAttempt) {

    public RunIdentity {
        requireText(provider, "provider");
        requireText(buildId, "buildId");
        requireText(commit, "commit");
        requireText(branch, "branch");
        if ((nodeIndex == null) != (nodeTotal == null)) {
            throw new IllegalArgumentException("nodeIndex and nodeTotal are known together or not at all; were "
                    + nodeIndex + " and " + nodeTotal);
        }
        if (nodeIndex != null && (nodeTotal < 1 || nodeIndex < 0 || nodeIndex >= nodeTotal)) {
            throw new IllegalArgumentException(
                    "nodeIndex must be from 0 to nodeTotal - 1; was " + nodeIndex + " of " + nodeTotal);
        }
    }

    /**
     * The connect parameters of PROTOCOL.md section 1 except the secret, in this order: {@code build_id},
     * {@code run_key}, {@code commit}, {@code branch}, then {@code commit_msg} when the message is known and
     * {@code author} (a JSON string {@code {"name":…,"email":…}}, an unknown part being {@code null}) when the name or
     * the email is known. Values are not URL-encoded.
     *
     * @throws IllegalArgumentException when {@code runKey} is blank
     */
    public Map<String, String> connectParams(String runKey) {
        requireText(runKey, "runKey");
        Map<String, String> params = new LinkedHashMap<>();
        params.put("build_id", buildId);
        params.put("run_key", runKey);
        params.put("commit", commit);
        params.put("branch", branch);
        if (commitMessage != null) {
            params.put("commit_msg", commitMessage);
        }
        if (authorName != null || authorEmail != null) {
            params.put("author", "{\"name\":" + json(authorName) + ",\"email\":" + json(authorEmail) + "}");
        }
        return Collections.unmodifiableMap(params);
    }

    /** One line for the build log, e.g. {@code GitHub Actions: build 42-1-test, commit 3f2a9c1d0e4b, branch main}. */
    public String summary() {
        StringBuilder line = new StringBuilder(provider)
                .append(": build ")
                .append(buildId)
                .append(", commit ")
                .append(commit, 0, Math.min(12, commit.length()))
                .append(", branch ")
                .append(branch);
        if (nodeIndex != null) {
            line.append(", node index ").append(nodeIndex).append(" of ").append(nodeTotal);
        }
        if (retryAttempt) {
            line.append(", a retry attempt");
        }
        return line.toString();
    }

    /** A JSON string literal, or {@code null}. */
    static String json(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(
                    name + " must not be blank; was " + (value == null ? "null" : "'" + value + "'"));
        }
    }
}
