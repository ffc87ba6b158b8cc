package ci.fast.maven.server;

import java.io.IOException;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import sun.misc.Signal;

/**
 * The {@code server} jar's main class: {@code java -jar fast-ci-maven-plugin-<version>-server.jar --port 4000}. Each
 * setting of {@link ServerOptions} is a flag ({@code --keys-file f}, or {@code --keys-file=f}), a system property
 * ({@code -DfastCi.keysFile=f}) or an environment variable ({@code FAST_CI_KEYS_FILE}), in that order; the keys only
 * from the environment or a keys file. SIGTERM (or Ctrl-C) drains the server and exits 0.
 */
public final class ServerMain {
    private ServerMain() {}

    public static void main(String[] args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        Map<String, String> values;
        try {
            values = values(args, err);
        } catch (IllegalArgumentException e) {
            err.println("fast-ci server: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (values == null) {
            out.print(help());
            return;
        }
        CountDownLatch stop = new CountDownLatch(1);
        // The server exits 0 on SIGTERM: it was asked to stop, and stopped in order. A shutdown hook could not, since
        // the JVM's own exit status after a signal is 143.
        Signal.handle(new Signal("TERM"), signal -> stop.countDown());
        Signal.handle(new Signal("INT"), signal -> stop.countDown());
        OrchestratorServer server;
        try {
            ServerSettings settings = ServerOptions.translate(values, System.getenv());
            server = StandingServer.start(settings, out::println, line -> err.println("warning: " + line));
            out.println(StandingServer.listening(server));
            stop.await();
            StandingServer.drainAndClose(server, settings.drainTimeout(), out::println);
        } catch (IllegalArgumentException | IOException | StoreFailure e) {
            err.println("fast-ci server: " + e.getMessage());
            System.exit(1);
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.exit(0);
    }

    /** The settings by property name: flags over system properties; null when {@code --help} was asked. */
    static Map<String, String> values(String[] args, PrintStream err) {
        Map<String, String> byFlag = new HashMap<>();
        for (String property : ServerOptions.DEFAULTS.keySet()) {
            byFlag.put(ServerOptions.flagName(property), property);
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String property : ServerOptions.DEFAULTS.keySet()) {
            String value = System.getProperty(property);
            if (value != null) {
                values.put(property, value);
                if (ServerOptions.SECRETS.contains(property)) {
                    err.println("warning: -D" + property + " is seen by every user of this machine in its process list;"
                            + " set " + ServerOptions.envName(property) + " instead");
                }
            }
        }
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                return null;
            }
            int eq = arg.indexOf('=');
            String flag = eq < 0 ? arg : arg.substring(0, eq);
            String property = byFlag.get(flag);
            if (property == null) {
                throw new IllegalArgumentException("unknown option " + flag + "; --help lists them");
            }
            if (ServerOptions.SECRETS.contains(property)) {
                throw new IllegalArgumentException(flag + " is not taken: a command line is seen by every user of"
                        + " this machine; set " + ServerOptions.envName(property) + " (or use a keys file)");
            }
            String value;
            if (eq >= 0) {
                value = arg.substring(eq + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            values.put(property, value);
        }
        return values;
    }

    private static String help() {
        StringBuilder help = new StringBuilder("Usage: java -jar fast-ci-maven-plugin-<version>-server.jar [options]\n"
                + "Each option is also a system property and an environment variable:\n");
        for (Map.Entry<String, String> setting : ServerOptions.DEFAULTS.entrySet()) {
            String property = setting.getKey();
            String flag = ServerOptions.SECRETS.contains(property)
                    ? "(no flag)"
                    : ServerOptions.flagName(property) + " <value>";
            help.append(String.format(
                    "  %-34s -D%-28s %-34s %s%n",
                    flag,
                    property,
                    ServerOptions.envName(property),
                    setting.getValue() == null ? "" : "default " + setting.getValue()));
        }
        return help.toString();
    }
}
