package ci.fast.maven.server;

import ci.fast.maven.channel.Secret;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A real PostgreSQL for the tests, shared by every test class that asks for one (a parameter of this type, with
 * {@code @ExtendWith(TestPostgres.Extension.class)}): a private cluster made with the machine's own {@code initdb} in a
 * temporary directory, on 127.0.0.1 at a free port, started once and stopped when the test run ends; each test takes a
 * fresh database of it ({@link #newDatabase}). PostgreSQL refuses to run as root: as root, the cluster runs as the
 * {@code postgres} user ({@code runuser}). Without PostgreSQL's binaries the tests fail, saying how to install them,
 * unless {@code -Dpg.skip=true}.
 */
public final class TestPostgres implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    /** The cluster's superuser, and the servers' user in the tests. */
    public static final String USER = "fastci";

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final Path bin;
    private final Path dir;
    private final int port;
    private final Secret password = Secret.random();
    private final boolean asPostgres;

    private TestPostgres(Path bin, Path dir, int port, boolean asPostgres) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.asPostgres = asPostgres;
    }

    /** Makes the shared cluster the first time a test asks for it. */
    public static final class Extension implements ParameterResolver {
        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == TestPostgres.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return context.getRoot()
                    .getStore(ExtensionContext.Namespace.GLOBAL)
                    .getOrComputeIfAbsent(TestPostgres.class, key -> start(), TestPostgres.class);
        }
    }

    /** A fresh, empty database of the cluster, with the user and password the servers log in with. */
    public PgDatabase newDatabase() {
        String name = "t" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection admin = DriverManager.getConnection(url("postgres"), USER, password.reveal());
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database: " + e.getMessage(), e);
        }
        return new PgDatabase(url(name), USER, password);
    }

    /** A session of {@code database} of a test's own, outside any store's pool: to look at what the stores wrote. */
    public static Connection connect(PgDatabase database) throws SQLException {
        return DriverManager.getConnection(
                database.url(), database.user(), database.password().reveal());
    }

    /** Whether another session can take run {@code topic}'s lock across replicas now (and gives it back at once). */
    public static boolean runLockFree(PgDatabase database, String topic) throws SQLException {
        try (Connection connection = connect(database);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT pg_try_advisory_lock(" + PgRun.LOCK_CLASS + ", hashtext('" + topic + "'))")) {
            rows.next();
            return rows.getBoolean(1);
        }
    }

    /** The password of {@link #USER}: a test hands it to a server's environment. */
    public Secret password() {
        return password;
    }

    public int port() {
        return port;
    }

    /** The JDBC URL of database {@code name}, without user or password. */
    public String url(String name) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + name;
    }

    /**
     * Stops the cluster (every session of it ends, as when its machine restarts) and starts it again on the same data
     * and port; returns once it accepts connections.
     */
    public void restart() throws IOException {
        run(List.of(
                bin.resolve("pg_ctl").toString(), "-D", data().toString(), "-m", "fast", "-w", "-t", "60", "restart"));
    }

    @Override
    public void close() throws IOException {
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", data().toString(), "-m", "immediate", "-w", "stop"));
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(file -> file.toFile().delete());
        }
    }

    private static TestPostgres start() {
        Path bin = binaries();
        if (bin == null) {
            if (Boolean.getBoolean("pg.skip")) {
                Assumptions.abort("no PostgreSQL binaries, and -Dpg.skip=true");
            }
            throw new AssertionError("the PostgreSQL tests need PostgreSQL's binaries (initdb, pg_ctl) in"
                    + " /usr/lib/postgresql/<version>/bin: install them (apt-get install postgresql), or skip these"
                    + " tests with -Dpg.skip=true");
        }
        try {
            boolean root = "root".equals(System.getProperty("user.name"));
            Path dir = Files.createTempDirectory(
                    "fast-ci-pg", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
            TestPostgres pg = new TestPostgres(bin, dir, freePort(), root);
            pg.initAndStart();
            return pg;
        } catch (IOException e) {
            throw new AssertionError("cannot start the tests' PostgreSQL: " + e.getMessage(), e);
        }
    }

    private void initAndStart() throws IOException {
        Path pwfile = dir.resolve("pwfile");
        Files.writeString(pwfile, password.reveal() + "\n", StandardCharsets.UTF_8);
        if (asPostgres) {
            run(List.of("chown", "-R", "postgres", dir.toString()));
        }
        run(List.of(
                bin.resolve("initdb").toString(),
                "-D",
                data().toString(),
                "-U",
                USER,
                "--pwfile=" + pwfile,
                "-A",
                "scram-sha-256",
                "-E",
                "UTF8",
                "--no-sync"));
        Files.deleteIfExists(pwfile);
        // fsync off: the tests kill servers, never the database; a socket directory of its own, on 127.0.0.1 alone.
        run(List.of(
                bin.resolve("pg_ctl").toString(),
                "-D",
                data().toString(),
                "-l",
                dir.resolve("postgres.log").toString(),
                "-o",
                "-p " + port + " -h 127.0.0.1 -k " + dir + " -F -c max_connections=200",
                "-w",
                "-t",
                "60",
                "start"));
    }

    private Path data() {
        return dir.resolve("data");
    }

    /** Runs a PostgreSQL command (as the {@code postgres} user when this JVM is root), bounded, failing loudly. */
    private void run(List<String> command) throws IOException {
        List<String> full = new ArrayList<>();
        if (asPostgres && !command.get(0).equals("chown")) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        Path out = Files.createTempFile("fast-ci-pg-cmd", ".log");
        try {
            Process process = new ProcessBuilder(full)
                    .redirectErrorStream(true)
                    .redirectOutput(out.toFile())
                    .start();
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", full) + " did not end in 90 s: " + Files.readString(out));
            }
            if (process.exitValue() != 0) {
                throw new IOException(
                        String.join(" ", full) + " failed (" + process.exitValue() + "): " + Files.readString(out));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + full, e);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** The newest {@code /usr/lib/postgresql/<version>/bin} with initdb and pg_ctl; null when there is none. */
    private static Path binaries() {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return null;
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(version -> version.resolve("bin"))
                    .filter(bin ->
                            Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl")))
                    .max(Comparator.comparingInt(TestPostgres::major))
                    .orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static int major(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString().replaceAll("\\D.*", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
