package ci.fast.maven.fork;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The system properties of a fork, composed as Surefire does: {@code systemPropertyVariables}, overridden by the
 * build's user properties ({@code mvn -Dname=value}), then {@code basedir} and {@code localRepository}.
 */
public final class ForkSystemProperties {
    /** User properties that never reach a fork: the secret key must not show on a command line. */
    static final Set<String> WITHHELD = Set.of("fastCi.secretKey");

    private ForkSystemProperties() {}

    /**
     * @param variables the user's {@code systemPropertyVariables}, may be null; a null value is an empty string
     * @param userProperties the build's user properties
     * @param basedir the module's base directory
     * @param localRepository the local repository's directory, may be null
     */
    public static Map<String, String> compose(
            Map<String, String> variables, Properties userProperties, Path basedir, Path localRepository) {
        Map<String, String> result = new LinkedHashMap<>();
        if (variables != null) {
            variables.forEach((k, v) -> result.put(k, v == null ? "" : v));
        }
        for (String name : userProperties.stringPropertyNames()) {
            if (!WITHHELD.contains(name)) {
                result.put(name, userProperties.getProperty(name));
            }
        }
        result.put("basedir", basedir.toAbsolutePath().toString());
        if (localRepository != null) {
            result.put("localRepository", localRepository.toAbsolutePath().toString());
        }
        return Collections.unmodifiableMap(result);
    }
}
