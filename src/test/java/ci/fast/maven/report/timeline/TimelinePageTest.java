package ci.fast.maven.report.timeline;

import static ci.fast.maven.report.timeline.Runs.at;
import static ci.fast.maven.report.timeline.Runs.failing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

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
}
