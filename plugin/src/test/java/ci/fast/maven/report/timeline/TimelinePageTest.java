package ci.fast.maven.report.timeline;

import static ci.fast.maven.report.timeline.Runs.at;
import static ci.fast.maven.report.timeline.Runs.failing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ci.fast.maven.report.RunSummary;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The page's text as written, before any browser: what Chromium's test cannot tell apart. */
class TimelinePageTest {
    @Test
    void showsSecondsWithThreeSignificantDigits() {
        assertEquals("0 s", TimelinePage.seconds(0));
        assertEquals("0.0123 s", TimelinePage.seconds(0.0123));
        assertEquals("7.5 s", TimelinePage.seconds(7.5));
        assertEquals("12.3 s", TimelinePage.seconds(12.34));
        assertEquals("1235 s", TimelinePage.seconds(1234.5));
        assertEquals("0 s", TimelinePage.seconds(Double.NaN));
    }

    @Test
    void stepsTheAxisInOnesTwosAndFives() {
        assertEquals(1, TimelinePage.tickStep(5), 1e-12);
        assertEquals(0.2, TimelinePage.tickStep(1.12), 1e-12);
        assertEquals(100, TimelinePage.tickStep(400), 1e-12);
        assertEquals(50, TimelinePage.tickStep(300), 1e-12);
        assertEquals(0.001, TimelinePage.tickStep(0.005), 1e-12);
    }

    @Test
    void keepsAMessageThatHoldsMarkupOrAScriptsEndInsideItsData() {
        String page = TimelinePage.render(
                Schedule.of(
                        List.of(failing(1, "a.ATest", 0, 1, "</script><img src=x onerror=alert(1)>")),
                        1,
                        0,
                        at(0),
                        at(1)),
                "junit-<shop>");

        assertEquals(2, page.split("</script>", -1).length - 1, "the data's and the code's ends, no third");
        assertTrue(page.contains("\\u003c/script\\u003e\\u003cimg src=x onerror=alert(1)\\u003e"), page);
        assertTrue(page.contains("<small>junit-&lt;shop&gt;</small>"));
        assertFalse(page.matches("(?s).*(src|href)=\"https?:.*"), "the page loads nothing");
    }

    @Test
    void aRemoteNodesPageLinksToTheWholeRunOnTheServer(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("timeline.html");
        URI server = URI.create("http://ci-host:4000/runs/test_orchestrator%3Ajunit-42");
        TimelineFile timeline = new TimelineFile(file, "junit", 1, () -> at(1), line -> {}, server);
        timeline.classCompleted(failing(1, "a.ATest", 0, 1, "boom"));
        timeline.runFinished(new RunSummary());

        String page = Files.readString(file);
        assertTrue(page.contains("<a href=\"" + server + "\">the whole run, every node, on the server</a>"), page);
    }

    @Test
    void namesItsLanesAsTheExtrasSay() {
        Schedule schedule = Schedule.of(List.of(failing(1, "a.ATest", 0, 1, "boom")), 1, 0, at(0), at(1));

        String page = TimelinePage.render(
                schedule, "t", new TimelinePage.Extras("node", "<p id=top>", "<p id=bottom>", "x();"));

        assertTrue(page.contains(">node 1</text>"), page);
        assertTrue(page.contains("<dt>nodes</dt>"), page);
        assertTrue(page.contains("data-lane=\"node\""), page);
        assertTrue(page.indexOf("<p id=top>") < page.indexOf("id=\"figures\""), "the top part before the figures");
        assertTrue(page.indexOf("id=\"panel\"") < page.indexOf("<p id=bottom>"), "the bottom part after the panel");
        assertTrue(page.contains("<script>\nx();</script>"), page);
        assertFalse(TimelinePage.render(schedule, "t").contains("node 1"), "a run's own page has forks");
    }
}
