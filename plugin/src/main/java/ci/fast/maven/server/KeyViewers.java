package ci.fast.maven.server;

import ci.fast.maven.server.dashboard.Viewers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.glassfish.grizzly.http.server.Request;

/**
 * The dashboard's viewers of a server of several projects: a request shows the runs of the project whose key it
 * presents as the password of HTTP Basic authentication (the user name is not checked: the key says whose it is).
 * Checked against the keys file as it is now, in constant time, as an upgrade's key is.
 */
final class KeyViewers implements Viewers {
    private static final String BASIC = "Basic ";

    private final ProjectKeys keys;

    private KeyViewers(ProjectKeys keys) {
        this.keys = keys;
    }

    /** Everyone sees every run of a server of one key; a keys file's server asks each viewer for a key. */
    static Viewers of(ProjectKeys keys) {
        return keys.ofOneProject() ? Viewers.EVERYONE : new KeyViewers(keys);
    }

    @Override
    public Optional<Viewer> viewer(Request request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            return Optional.empty();
        }
        String credentials;
        try {
            credentials = new String(
                    Base64.getDecoder().decode(header.substring(BASIC.length()).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = credentials.indexOf(':');
        return colon < 0
                ? Optional.empty()
                : keys.project(credentials.substring(colon + 1)).map(ProjectScope::new);
    }
}
