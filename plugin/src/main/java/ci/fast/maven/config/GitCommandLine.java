package ci.fast.maven.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@link Git} through the {@code git} command in a directory of the work tree. Each question runs one git command,
 * bounded by a timeout; any failure (no git, not a repository, no commit yet, the timeout) answers empty.
 */
public final class GitCommandLine implements Git {
    /** Long enough for a large repository on a slow disk, short enough not to stall a build. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    private final Path directory;
    private final Duration timeout;
    private final String executable;

    /** Git in {@code directory} with {@link #DEFAULT_TIMEOUT}. */
    public GitCommandLine(Path directory) {
        this(directory, DEFAULT_TIMEOUT);
    }

    public GitCommandLine(Path directory, Duration timeout) {
        this(directory, timeout, "git");
    }

    GitCommandLine(Path directory, Duration timeout, String executable) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.executable = Objects.requireNonNull(executable, "executable");
    }

    @Override
    public Optional<String> commit() {
        return run("rev-parse", "--verify", "-q", "HEAD");
    }

    @Override
    public Optional<String> branch() {
        // fails on a detached HEAD, where "rev-parse --abbrev-ref" would answer the word "HEAD"
        return run("symbolic-ref", "-q", "--short", "HEAD");
    }

    @Override
    public Optional<String> commitMessage() {
        return log("%B");
    }

    @Override
    public Optional<String> authorName() {
        return log("%an");
    }

    @Override
    public Optional<String> authorEmail() {
        return log("%ae");
    }

    private Optional<String> log(String format) {
        // a user's log.showSignature would add gpg's output to the text
        return run("log", "-1", "--no-show-signature", "--encoding=UTF-8", "--format=" + format, "HEAD");
    }

    /** The trimmed standard output of a successful git command, empty on anything else. */
    private Optional<String> run(String... args) {
        List<String> command = new ArrayList<>();
        command.add(executable);
        command.addAll(List.of(args));
        Path output = null;
        Process process = null;
        try {
            // a file rather than a pipe: a pipe that nobody drains would block git on a long message until the
            // timeout, and draining it would need a second thread
            output = Files.createTempFile("fast-ci-git", ".out");
            process = new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectOutput(output.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            process.getOutputStream().close();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) || process.exitValue() != 0) {
                return Optional.empty();
            }
            String text = new String(Files.readAllBytes(output), StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? Optional.empty() : Optional.of(text);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        } finally {
            if (process != null) {
                process.destroyForcibly();
            }
            deleteQuietly(output);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            file.toFile().deleteOnExit();
        }
    }
}
