package ci.fast.maven.report.timeline;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Chromium, headless, as the machine notes start it: no sandbox (we run as root), no GPU, and none of the
 * background connections a closed network refuses; a fresh profile each time. {@code .ci/run} installs it.
 */
public final class HeadlessChromium {
    private static final long TIMEOUT_SECONDS = 90;

    private final Path executable;
    private final Path work;

    private HeadlessChromium(Path executable, Path work) {
        this.executable = executable;
        this.work = work;
    }

    /** The browser, or empty when none is installed; {@code work} holds its profiles and output. */
    public static Optional<HeadlessChromium> find(Path work) {
        String configured = System.getenv("FAST_CI_CHROMIUM");
        List<String> candidates = new ArrayList<>();
        if (configured != null && !configured.isBlank()) {
            candidates.add(configured);
        }
        candidates.addAll(List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"));
        return candidates.stream()
                .map(Path::of)
                .filter(Files::isExecutable)
                .findFirst()
                .map(p -> new HeadlessChromium(p, work));
    }

    /** The page's DOM after its scripts ran, as Chromium serialises it. */
    String dumpDom(Path page) throws IOException, InterruptedException {
        Path out = work.resolve("dom-" + System.nanoTime() + ".html");
        run(out, "--dump-dom", page.toUri().toString());
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    /**
     * The DOM of the page at {@code url} once its scripts had {@code budgetMillis} of virtual time: timers run at once,
     * and the budget waits for the page's fetches, a reload included; with 0, the DOM once the page loaded.
     */
    public String dumpDom(URI url, int budgetMillis) throws IOException, InterruptedException {
        Path out = work.resolve("dom-" + System.nanoTime() + ".html");
        if (budgetMillis > 0) {
            run(out, "--virtual-time-budget=" + budgetMillis, "--dump-dom", url.toString());
        } else {
            run(out, "--dump-dom", url.toString());
        }
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    /** A PNG of the page at {@code url} in a window of {@code width} by {@code height} CSS pixels. */
    public Path screenshot(URI url, Path png, int width, int height) throws IOException, InterruptedException {
        run(
                work.resolve("screenshot-" + System.nanoTime() + ".out"),
                "--screenshot=" + png.toAbsolutePath(),
                "--window-size=" + width + "," + height,
                "--force-device-scale-factor=1",
                "--hide-scrollbars",
                "--virtual-time-budget=5000",
                url.toString());
        if (!Files.isRegularFile(png)) {
            throw new IOException("chromium wrote no screenshot " + png);
        }
        return png;
    }

    /** A PNG of the page in a window of {@code width} by {@code height} CSS pixels, at one device pixel each. */
    Path screenshot(Path page, Path png, int width, int height) throws IOException, InterruptedException {
        run(
                work.resolve("screenshot-" + System.nanoTime() + ".out"),
                "--screenshot=" + png.toAbsolutePath(),
                "--window-size=" + width + "," + height,
                "--force-device-scale-factor=1",
                "--hide-scrollbars",
                page.toUri().toString());
        if (!Files.isRegularFile(png)) {
            throw new IOException("chromium wrote no screenshot " + png);
        }
        return png;
    }

    private void run(Path stdout, String... arguments) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(work, "profile");
        List<String> command = new ArrayList<>(List.of(
                executable.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile));
        command.addAll(List.of(arguments));
        Path stderr = work.resolve("chromium-" + System.nanoTime() + ".err");
        // Both streams to files: a browser that writes much and is read by no one would block on a full pipe.
        Process process = new ProcessBuilder(command)
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .start();
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IOException("chromium did not finish in " + TIMEOUT_SECONDS + " s: " + command);
            }
            if (process.exitValue() != 0) {
                throw new IOException("chromium exited with " + process.exitValue() + ": "
                        + Files.readString(stderr, StandardCharsets.UTF_8));
            }
        } finally {
            process.destroyForcibly();
        }
    }
}
