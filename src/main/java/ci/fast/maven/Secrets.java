package ci.fast.maven;

import ci.fast.maven.booter.ForkSettings;
import ci.fast.maven.channel.Secret;
import org.apache.maven.plugin.MojoExecutionException;

/** Where the secret key comes from: {@code fastCi.secretKey} when set, else {@code FAST_CI_SECRET_KEY}. */
final class Secrets {
    static final String ENV = ForkSettings.SECRET_ENV;

    private Secrets() {}

    /**
     * @param configured {@code fastCi.secretKey}, or null
     * @param environment {@code FAST_CI_SECRET_KEY}, or null
     * @param who the goal that needs it, for the message
     * @throws MojoExecutionException with the one line saying what to set, when neither holds a key
     */
    static Secret resolve(String configured, String environment, String who) throws MojoExecutionException {
        if (configured != null && !configured.isBlank()) {
            return Secret.of(configured.strip());
        }
        if (environment != null && !environment.isBlank()) {
            return Secret.of(environment.strip());
        }
        throw new MojoExecutionException(who + " needs the project's secret key: set the environment variable " + ENV
                + " (or -DfastCi.secretKey)");
    }
}
