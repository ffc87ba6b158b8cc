package ci.fast.maven.booter;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * What the Maven side tells a fork, in a properties file named on the fork's command line. It never holds the
 * secret key, which travels in the fork's environment ({@link #SECRET_ENV}).
 *
 * @param mojoPort the loopback port of the Maven side's event socket
 * @param nonce random per fork; marks class boundaries on the native output streams
 * @param isolatedPath the class path of the fork's isolated networking loader
 * @param server the orchestrator's base URL
 * @param params connect parameters other than the secret (run_key, build_id, commit, branch, …)
 * @param classes every test class, for the enq of node 0
 * @param filters which of the classes' tests run
 * @param carried results a dead fork left unsent, a JSON results payload the node sends with its first deq; "" for
 *     none
 */
public record BooterConfig(
        int mojoPort,
        String nonce,
        List<Path> isolatedPath,
        String server,
        Map<String, String> params,
        List<String> classes,
        TestFilters filters,
        String carried) {
    /** The environment variable that carries the secret key to a fork. */
    public static final String SECRET_ENV = "FAST_CI_SECRET_KEY";

    private static final String PARAM = "param.";
    /** The parameter names in order, one a line: a properties file keeps no order of its own. */
    private static final String PARAM_NAMES = "paramNames";

    public BooterConfig {
        isolatedPath = List.copyOf(isolatedPath);
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        classes = List.copyOf(classes);
        filters = filters == null ? TestFilters.NONE : filters;
    }

    /** This config with other carried results. */
    public BooterConfig carrying(String results) {
        return new BooterConfig(mojoPort, nonce, isolatedPath, server, params, classes, filters, results);
    }

    /** Writes the config to {@code file}. */
    public void write(Path file) throws IOException {
        Properties p = new Properties();
        p.setProperty("mojoPort", Integer.toString(mojoPort));
        p.setProperty("nonce", nonce);
        p.setProperty(
                "isolatedPath",
                String.join("\n", isolatedPath.stream().map(Path::toString).toList()));
        p.setProperty("server", server);
        params.forEach((k, v) -> p.setProperty(PARAM + k, v));
        p.setProperty(PARAM_NAMES, String.join("\n", params.keySet()));
        p.setProperty("classes", String.join("\n", classes));
        p.setProperty("methodIncludes", String.join("\n", filters.methodIncludes()));
        p.setProperty("methodExcludes", String.join("\n", filters.methodExcludes()));
        p.setProperty("groups", String.join("\n", filters.groups()));
        p.setProperty("excludedGroups", String.join("\n", filters.excludedGroups()));
        p.setProperty("carried", carried);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            p.store(out, "fast-ci fork configuration");
        }
    }

    /** Reads a config written by {@link #write}. */
    public static BooterConfig read(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (String name : lines(p.getProperty(PARAM_NAMES))) {
            params.put(name, p.getProperty(PARAM + name));
        }
        return new BooterConfig(
                Integer.parseInt(p.getProperty("mojoPort")),
                p.getProperty("nonce"),
                lines(p.getProperty("isolatedPath")).stream().map(Path::of).toList(),
                p.getProperty("server"),
                params,
                lines(p.getProperty("classes")),
                new TestFilters(
                        lines(p.getProperty("methodIncludes")),
                        lines(p.getProperty("methodExcludes")),
                        lines(p.getProperty("groups")),
                        lines(p.getProperty("excludedGroups"))),
                p.getProperty("carried", ""));
    }

    private static List<String> lines(String value) {
        return value == null || value.isEmpty() ? List.of() : List.of(value.split("\n"));
    }
}
