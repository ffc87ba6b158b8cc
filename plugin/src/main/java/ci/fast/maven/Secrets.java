package ci.fast.maven;

import ci.fast.maven.booter.ForkSettings;
import ci.fast.maven.channel.Secret;
import ci.fast.maven.config.SettingsException;

/** Where the secret key comes from: {@code fastCi.secretKey} when set, else {@code FAST_CI_SECRET_KEY}. */
final class Secrets {
    static final String ENV = ForkSettings.SECRET_ENV;

    private Secrets() {}

    /**
     * @param configured {@code fastCi.secretKey}, or null
     * @param environment {@code FAST_CI_SECRET_KEY}, or null
     * @param who the goal that needs it, for the message
     * @throws SettingsException with the one line saying what to set, when neither holds a key
     */
    static Secret resolve(String configured, String environment, String who) {
        if (configured != null && !configured.isBlank()) {
            return Secret.of(configured.strip());
        }
        if (environment != null && !environment.isBlank()) {
            return Secret.of(environment.strip());
        }
        throw new SettingsException(who + " needs the project's secret key: set the environment variable " + ENV
                + " (or -DfastCi.secretKey)");
    }
}
