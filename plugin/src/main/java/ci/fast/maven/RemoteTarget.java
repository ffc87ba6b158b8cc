package ci.fast.maven;

import ci.fast.maven.channel.Secret;
import ci.fast.maven.config.CiAttempt;
import ci.fast.maven.config.CiEnvironment;
import ci.fast.maven.config.GitCommandLine;
import ci.fast.maven.config.RunIdentity;
import ci.fast.maven.config.SettingsException;
import ci.fast.maven.run.Fallback;
import ci.fast.maven.run.Retry;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.maven.plugin.logging.Log;

/**
 * Where a remote run goes: the server, the key and the connect parameters, all checked before any fork starts, so
 * that a missing key or an unknown build stops the build with one line.
 *
 * @param params the connect parameters (build_id, run_key, commit, branch, …), without the secret
 * @param identity the run as the CI describes it, with this node's index and whether this is a retry
 * @param attempt which CI node this is across the attempts of the build, or why that is unknown
 */
record RemoteTarget(URI server, Secret secret, Map<String, String> params, RunIdentity identity, CiAttempt attempt) {
    /**
     * This Maven process among the machines of a build, for our server: two machines that call themselves one CI node
     * (a matrix whose copies the CI does not tell apart) are told apart from two forks of one machine.
     */
    private static final String MACHINE = UUID.randomUUID().toString();

    private static final Map<String, String> PROPERTY_TWINS = Map.of(
            "fastCi.buildId", CiEnvironment.BUILD_ID,
            "fastCi.commit", CiEnvironment.COMMIT,
            "fastCi.branch", CiEnvironment.BRANCH);

    /**
     * @param configuredServer {@code fastCi.server}, or null; {@code FAST_CI_SERVER} is read when it is unset
     * @param configuredKey {@code fastCi.secretKey}, or null
     * @param userProperties the build's {@code -D} properties
     * @return null in local mode (no server configured)
     */
    static RemoteTarget resolve(
            String configuredServer,
            String configuredKey,
            Properties userProperties,
            Path basedir,
            String runKey,
            Log log) {
        String url = firstSet(configuredServer, System.getenv("FAST_CI_SERVER"));
        if (url == null) {
            return null;
        }
        URI server;
        try {
            server = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new SettingsException("fastCi.server is not a URL: " + url);
        }
        if (!"ws".equals(server.getScheme()) && !"wss".equals(server.getScheme()) || server.getPort() < 0) {
            throw new SettingsException("fastCi.server must be ws:// or wss:// with an explicit port, such as"
                    + " wss://apx.ruby.ci:443; was " + url);
        }
        if (configuredKey != null && !configuredKey.isBlank() && !userProperties.containsKey("fastCi.secretKey")) {
            log.warn("fastCi.secretKey is written in the pom, where anyone who can read the project can see it;"
                    + " set the environment variable FAST_CI_SECRET_KEY instead");
        }
        Secret secret = Secrets.resolve(configuredKey, System.getenv(Secrets.ENV), "remote mode (fastCi.server)");
        RunIdentity identity;
        Map<String, String> env = environment(userProperties);
        try {
            identity = CiEnvironment.detect(env, new GitCommandLine(basedir));
        } catch (IllegalArgumentException e) {
            throw new SettingsException(e.getMessage());
        }
        log.info("FastCI: " + identity.summary());
        return new RemoteTarget(server, secret, identity.connectParams(runKey), identity, CiEnvironment.attempt(env));
    }

    /** What this node may do when the server cannot be reached at the start. */
    Fallback fallback(boolean enabled) {
        return new Fallback(enabled, identity.nodeIndex(), identity.nodeTotal(), identity.retryAttempt());
    }

    /** Which CI node this machine is, and what it reruns when the CI says this is a retry of its job. */
    Retry retry(boolean failedOnly) {
        if (!attempt.known()) {
            return new Retry(Map.of(), identity.retryAttempt(), failedOnly, attempt.unknown());
        }
        Map<String, String> node = new LinkedHashMap<>();
        // The run key is part of the lineage: each module and goal has a queue, and a share, of its own.
        node.put(Retry.LINEAGE, params.get("run_key") + "-" + attempt.lineage());
        node.put(Retry.ATTEMPT, identity.buildId());
        node.put(Retry.NODE, attempt.node());
        node.put(Retry.MACHINE, MACHINE);
        return new Retry(node, identity.retryAttempt(), failedOnly, null);
    }

    /** The environment, with {@code -DfastCi.buildId}, {@code commit} and {@code branch} as their FAST_CI_* twins. */
    private static Map<String, String> environment(Properties userProperties) {
        Map<String, String> env = new HashMap<>(System.getenv());
        PROPERTY_TWINS.forEach((property, variable) -> {
            String value = userProperties.getProperty(property);
            if (value != null && !value.isBlank()) {
                env.put(variable, value);
            }
        });
        return env;
    }

    private static String firstSet(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
