package ci.fast.maven.server;

import ci.fast.maven.channel.Secret;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PostgreSQL database the server keeps its state in ({@code fastCi.database}), with who to log in as: the user and
 * password in the URL's parameters, or apart (the password from the environment only). Never shows the password: its
 * {@link #toString} and {@link #describe} name the host, port and database alone.
 *
 * @param url a {@code jdbc:postgresql://host:port/db} URL, with parameters or not
 * @param user the user to log in as when the URL names none; null for the URL's (or the driver's default)
 * @param password the user's password when the URL has none; null for none
 */
public record PgDatabase(String url, String user, Secret password) {
    private static final String PREFIX = "jdbc:postgresql://";
    private static final Pattern ADDRESS = Pattern.compile(Pattern.quote(PREFIX) + "([^/?#]*)(/[^?#]*)?.*");

    public PgDatabase {
        if (url == null || !ADDRESS.matcher(url).matches()) {
            throw new IllegalArgumentException(
                    // Not echoed: a URL may hold a password.
                    "fastCi.database must be a PostgreSQL URL such as jdbc:postgresql://db.example.com:5432/fastci");
        }
        if (user != null && user.isBlank()) {
            user = null;
        }
    }

    /** {@code postgresql://host:port/db}: what a log line or an error may say of the database. */
    public String describe() {
        Matcher m = ADDRESS.matcher(url);
        m.matches();
        String host = m.group(1);
        int at = host.lastIndexOf('@'); // a user (and password) before the host is no one's business
        return "postgresql://" + host.substring(at + 1) + (m.group(2) == null ? "" : m.group(2));
    }

    /** {@code text} with anything that may be the password (its value, the URL's parameters) left out. */
    String scrub(String text) {
        if (text == null) {
            return null;
        }
        String out = password == null ? text : password.redact(text);
        int query = url.indexOf('?');
        if (query >= 0) {
            out = out.replace(url.substring(query), "?" + Secret.REDACTED);
        }
        // A user and password before the host (jdbc:postgresql://user:pw@host/db), as the driver may quote the URL.
        out = out.replaceAll("//[^/@\\s]*@", "//" + Secret.REDACTED + "@");
        return out.replaceAll("(?i)password=[^&\\s]*", "password=" + Secret.REDACTED);
    }

    @Override
    public String toString() {
        return describe();
    }
}
