package ci.fast.maven.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitCommandLineTest {
    private static final String MESSAGE = "Fix the invoice total\n\nRounding was off by a cent.";

    @TempDir
    Path repo;

    @Test
    void readsHeadOfARealRepository() throws Exception {
        commitOnBranch("feature/login");
        Git git = new GitCommandLine(repo);

        String sha = git.commit().orElseThrow();
        assertTrue(sha.matches("[0-9a-f]{40}"), sha);
        assertEquals(Optional.of("feature/login"), git.branch());
        assertEquals(Optional.of(MESSAGE), git.commitMessage());
        assertEquals(Optional.of("Zoë Ångström"), git.authorName());
        assertEquals(Optional.of("zoe@example.com"), git.authorEmail());
    }

    @Test
    void aDetachedHeadHasNoBranch() throws Exception {
        commitOnBranch("main");
        git("checkout", "-q", "--detach");
        Git git = new GitCommandLine(repo);

        assertTrue(git.commit().isPresent());
        assertEquals(Optional.empty(), git.branch());
    }

    @Test
    void answersEmptyOutsideARepository() {
        Git git = new GitCommandLine(repo);

        assertEquals(Optional.empty(), git.commit());
        assertEquals(Optional.empty(), git.branch());
        assertEquals(Optional.empty(), git.commitMessage());
        assertEquals(Optional.empty(), git.authorName());
        assertEquals(Optional.empty(), git.authorEmail());
    }

    @Test
    void answersEmptyWithoutGit() {
        Git git = new GitCommandLine(repo, Duration.ofSeconds(5), "fast-ci-no-such-git-executable");

        assertEquals(Optional.empty(), git.commit());
    }

    private void commitOnBranch(String branch) throws Exception {
        git("init", "-q");
        // works on any git version, before the first commit
        git("symbolic-ref", "HEAD", "refs/heads/" + branch);
        Files.writeString(repo.resolve("README.md"), "billing\n");
        git("add", "README.md");
        git(
                "-c",
                "user.name=Zoë Ångström",
                "-c",
                "user.email=zoe@example.com",
                "-c",
                "commit.gpgsign=false",
                "commit",
                "-q",
                "-m",
                MESSAGE);
    }

    private void git(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true);
        // a test run from inside a git hook must not write to the outer repository
        builder.environment().keySet().removeIf(name -> name.startsWith("GIT_"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "git " + command);
        assertEquals(0, process.exitValue(), "git " + command + ": " + output);
    }
}
