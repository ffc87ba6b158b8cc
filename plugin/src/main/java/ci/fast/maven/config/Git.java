package ci.fast.maven.config;

import java.util.Optional;

/**
 * What git says about the checked-out commit, where the CI does not say it. Implementations answer empty when they
 * cannot tell, and never throw.
 */
public interface Git {
    /** The sha of HEAD. */
    Optional<String> commit();

    /** The branch HEAD is on; empty on a detached HEAD, as CIs often check out. */
    Optional<String> branch();

    /** The full message of HEAD. */
    Optional<String> commitMessage();

    /** The name of HEAD's author. */
    Optional<String> authorName();

    /** The email of HEAD's author. */
    Optional<String> authorEmail();
}
