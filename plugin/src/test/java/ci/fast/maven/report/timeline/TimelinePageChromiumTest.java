package ci.fast.maven.report.timeline;

import static ci.fast.maven.report.timeline.Runs.at;
import static ci.fast.maven.report.timeline.Runs.crashed;
import static ci.fast.maven.report.timeline.Runs.failing;
import static ci.fast.maven.report.timeline.Runs.passing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The timeline as a browser shows it: Chromium loads the page from a file, runs its script, and the test reads the
 * DOM it ends with and the pixels of its screenshot. Skipped only where no Chromium is installed; {@code .ci/run}
 * installs it, so CI always runs it.
 */
class TimelinePageChromiumTest {
    /**
     * Two forks and a replacement: fork 1 runs a 3 s class then a failing one, fork 2 a quick class then dies in the
     * next, fork 3 takes over; three outages of the forks' connections. Makespan 5 s, classes 6.8 s, bound max(3, 6.8 /
     * 2) = 3.4 s.
     */
    private static final Schedule SCHEDULE = Schedule.of(
            List.of(
                    passing(1, "com.acme.SlowTest", 0, 3),
                    failing(1, "com.acme.FailingTest", 3.2, 5, "expected: <2> but was: <3> </script><b>bold</b>"),
                    passing(2, "com.acme.QuickTest", 0.5, 1),
                    crashed(2, "com.acme.CrashTest", 1, 2),
                    passing(3, "com.acme.LateTest", 2.5, 3)),
            2,
            3,
            at(-1.5),
            at(6));

    /** The track's grey and the bars' colours, as timeline.css gives them. */
    private static final List<Integer> LANE_COLOURS =
            List.of(0xf4f4f4, 0x3fa45b, 0xe0a030, 0x9aa0a6, 0xd93f3f, 0x7b3fc4);

    @TempDir
    Path dir;

    private HeadlessChromium chromium;
    private Path page;

    @BeforeEach
    void renderPage() throws IOException {
        chromium = HeadlessChromium.find(dir).orElse(null);
        // On CI, .ci/run has installed it: a missing browser there is a broken set-up, not a reason to skip.
        assertFalse(
                chromium == null && "true".equalsIgnoreCase(System.getenv("CI")),
                "CI=true but no Chromium at /usr/bin/chromium: .ci/run should have installed Debian's chromium package");
        Assumptions.assumeTrue(
                chromium != null,
                "no Chromium at /usr/bin/chromium (or FAST_CI_CHROMIUM): .ci/run installs Debian's chromium package");
        page = dir.resolve("timeline.html");
        Files.writeString(page, TimelinePage.render(SCHEDULE, "junit-shop"), StandardCharsets.UTF_8);
    }

    @Test
    void showsTheFiguresOneLanePerForkAndEachLanesIdleTime() throws Exception {
        String dom = chromium.dumpDom(page);

        assertEquals("7.5 s", text(dom, "dd id=\"wall\""));
        assertEquals("6.8 s", text(dom, "dd id=\"class-time\""));
        assertEquals("5 s / 3.4 s (1.47\u00d7)", text(dom, "dd id=\"makespan\""));
        assertEquals("2", text(dom, "dd id=\"forks\""));
        assertEquals("1", text(dom, "dd id=\"crashes\" class=\"bad\""));
        assertEquals("3", text(dom, "dd id=\"reconnects\" class=\"bad\""));
        assertEquals(List.of("fork 1", "fork 2", "fork 3"), all(dom, "<text class=\"label\"[^>]*>([^<]*)</text>"));
        assertEquals(
                List.of("idle 0.2 s", "idle 3.5 s", "idle 4.5 s"),
                all(dom, "<text class=\"idle\"[^>]*>([^<]*)</text>"));
        assertEquals("bound 3.4 s", text(dom, "text id=\"bound-label\"[^>]*"));
        assertEquals(List.of("passed", "failed", "passed", "crashed", "passed"), all(dom, "<rect class=\"bar (\\w+)"));
    }

    @Test
    void itsScriptOpensTheFirstFailureWithItsTestsAndMessageAsText() throws Exception {
        String dom = chromium.dumpDom(page);

        assertTrue(dom.contains("data-selected=\"com.acme.FailingTest\""), "the script ran and chose the failure");
        String panel = section(dom);
        assertTrue(panel.contains("<h2>com.acme.FailingTest</h2>"), panel);
        assertTrue(panel.contains("failed, 1.8 s on fork 1, from 3.2 s"), panel);
        assertTrue(panel.contains("<td class=\"status\">passed</td>"), panel);
        assertTrue(panel.contains("<td class=\"status\">failed</td>"), panel);
        // The message is the test's text, shown as it is: its markup escaped, not interpreted.
        assertTrue(
                panel.contains("org.opentest4j.AssertionFailedError: expected: &lt;2&gt; but was: &lt;3&gt;"
                        + " &lt;/script&gt;&lt;b&gt;bold&lt;/b&gt;"),
                panel);
        assertFalse(dom.contains("<b>bold</b>"), "no markup of a test's message reaches the page");
    }

    @Test
    void drawsEachBarToScaleInItsOutcomesColourAndTheBoundAsALine() throws Exception {
        BufferedImage shot = ImageIO.read(
                chromium.screenshot(page, dir.resolve("shot.png"), 1280, 700).toFile());

        Files.copy(
                dir.resolve("shot.png"), Path.of("target/shot.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        // 900 px for 5 s: 180 px a second, from x = 24 (the body's margin) + 90 (the lanes' labels).
        Rectangle failed = box(shot, 0xd93f3f);
        assertEquals(1.8 * 180, failed.width, 3, "the failing class's 1.8 s");
        assertEquals(26, failed.height, 2, "one lane high");
        assertEquals(24 + 90 + 3.2 * 180, failed.x, 3, "starts 3.2 s in");
        Rectangle crashed = box(shot, 0x7b3fc4);
        assertEquals(180, crashed.width, 3);
        assertTrue(crashed.y > failed.y, "fork 2's lane is below fork 1's");
        Rectangle bound = box(shot, 0x1565c0);
        assertEquals(24 + 90 + 3.4 * 180, bound.x + bound.width / 2.0, 3, "the bound's line at 3.4 s");
        assertTrue(bound.height > 3 * 26, "the bound's line crosses every lane: " + bound);
        assertTrue(box(shot, 0x3fa45b).width > 0, "passed classes are green");
    }

    /**
     * The bounding box of the pixels of {@code rgb}, give or take the antialiasing, on the lanes: the rows where a
     * lane shows, a hundred pixels at least of its grey track or of its bars' colours (no line of antialiased letters
     * has as many), so neither the red figures above nor the legend's swatches below.
     */
    private static Rectangle box(BufferedImage image, int rgb) {
        int top = image.getHeight();
        int bottom = -1;
        for (int y = 0; y < image.getHeight(); y++) {
            int track = 0;
            for (int x = 0; x < image.getWidth(); x++) {
                int pixel = image.getRGB(x, y);
                track += LANE_COLOURS.stream().anyMatch(c -> close(pixel, c)) ? 1 : 0;
            }
            if (track >= 100) {
                top = Math.min(top, y);
                bottom = Math.max(bottom, y);
            }
        }
        Rectangle box = null;
        for (int y = top; y <= bottom; y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (close(image.getRGB(x, y), rgb)) {
                    box = box == null ? new Rectangle(x, y, 1, 1) : box.union(new Rectangle(x, y, 1, 1));
                }
            }
        }
        assertTrue(box != null, () -> String.format("no pixel of #%06x on the screenshot", rgb));
        return box;
    }

    private static boolean close(int argb, int rgb) {
        int d = 0;
        for (int shift = 0; shift <= 16; shift += 8) {
            d = Math.max(d, Math.abs(((argb >> shift) & 0xff) - ((rgb >> shift) & 0xff)));
        }
        return d <= 6;
    }

    private static String text(String dom, String openTag) {
        Matcher m = Pattern.compile("<" + openTag + ">([^<]*)<").matcher(dom);
        assertTrue(m.find(), () -> "no <" + openTag + "> in the page");
        return m.group(1).replace("&amp;", "&");
    }

    private static List<String> all(String dom, String regex) {
        return Pattern.compile(regex)
                .matcher(dom)
                .results()
                .map(r -> r.group(1))
                .toList();
    }

    private static String section(String dom) {
        Matcher m = Pattern.compile("<section id=\"panel\">(.*?)</section>", Pattern.DOTALL)
                .matcher(dom);
        assertTrue(m.find(), "no panel");
        return m.group(1);
    }
}
