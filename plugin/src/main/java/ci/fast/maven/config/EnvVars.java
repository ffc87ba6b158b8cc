package ci.fast.maven.config;

import java.util.Map;
import java.util.Objects;

/**
 * Environment variables as the detection reads them: a blank value counts as unset, because CIs export empty
 * strings for values that do not apply (GitHub's {@code GITHUB_HEAD_REF} outside pull requests, Travis'
 * {@code TRAVIS_PULL_REQUEST_BRANCH} on a push).
 */
final class EnvVars {
    private final Map<String, String> env;

    EnvVars(Map<String, String> env) {
        this.env = Objects.requireNonNull(env, "env");
    }

    /** The trimmed value, or null when unset or blank. */
    String get(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** The first of {@code names} that is set, or null. */
    String first(String... names) {
        for (String name : names) {
            String value = get(name);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** Whether a marker variable such as {@code GITHUB_ACTIONS=true} or {@code TF_BUILD=True} is on. */
    boolean isOn(String name) {
        String value = get(name);
        return value != null && !value.equalsIgnoreCase("false");
    }

    /** The value as a whole number, or null when unset or not a number. */
    Integer integer(String name) {
        String value = get(name);
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The value as a whole number, or {@code otherwise} when unset or not a number. */
    int integer(String name, int otherwise) {
        Integer value = integer(name);
        return value == null ? otherwise : value;
    }
}
