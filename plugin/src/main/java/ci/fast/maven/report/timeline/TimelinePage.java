package ci.fast.maven.report.timeline;

import ci.fast.maven.files.JarText;
import ci.fast.maven.report.ClassResult;
import ci.fast.maven.report.TestResult;
import ci.fast.maven.results.ClassRun;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The timeline as one self-contained HTML page: the figures on top, an SVG of one lane per fork with a bar per class
 * and the bound as a dashed line, and a panel that shows a class's tests. Its style and script are inlined and it
 * loads nothing, so it opens as well from a CI's artifacts as from {@code target}.
 */
public final class TimelinePage {
    private static final int LEFT = 90;
    private static final int CHART = 900;
    private static final int RIGHT = 110;
    private static final int TOP = 34;
    private static final int LANE = 26;
    private static final int GAP = 6;
    /** A failure message is cut here: the page shows where to look, the reports hold the whole of it. */
    private static final int MESSAGE_LIMIT = 2000;

    private TimelinePage() {}

    /**
     * What a page that shows a timeline among other things adds to it: the dashboard's run page.
     *
     * @param lane what a lane is, such as {@code fork} or {@code node}: each lane's label, and the figure of their count
     * @param top HTML after the heading
     * @param bottom HTML after the panel
     * @param script a script run after the timeline's own; empty for none
     */
    public record Extras(String lane, String top, String bottom, String script) {
        /** A run's own page: lanes are forks, nothing added. */
        public static final Extras NONE = new Extras("fork", "", "", "");

        /**
         * A run's own page with {@code note} under the title: what a reader must know to read the lanes, such as that
         * they are not where and when the classes ran; {@link #NONE} for a null note.
         */
        public static Extras note(String note) {
            return note == null ? NONE : new Extras("fork", "<p id=\"note\">" + Escape.html(note) + "</p>\n", "", "");
        }
    }

    /** The page of {@code schedule}, titled with the run's key. */
    public static String render(Schedule schedule, String title) {
        return render(schedule, title, Extras.NONE);
    }

    /** The page of {@code schedule}, titled with {@code title}, with {@code extras}. */
    public static String render(Schedule schedule, String title, Extras extras) {
        return render(schedule, title, extras, TimelinePage::tests);
    }

    /**
     * As {@link #render(Schedule, String, Extras)}, each class's tests as {@code tests} gives them: {@link #tests} of
     * the class, made while the run went on.
     */
    public static String render(Schedule schedule, String title, Extras extras, Function<ClassResult, String> tests) {
        List<Bar> all = new ArrayList<>();
        schedule.lanes().forEach(lane -> all.addAll(lane.bars()));
        StringBuilder html = new StringBuilder(8192);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>fast-ci timeline: ")
                .append(Escape.html(title))
                .append("</title>\n<style>\n")
                .append(resource("timeline.css"))
                .append("</style></head>\n<body>\n<h1>fast-ci timeline <small>")
                .append(Escape.html(title))
                .append("</small></h1>\n")
                .append(extras.top());
        figures(html, schedule, extras.lane());
        svg(html, schedule, all, extras.lane());
        html.append("<div id=\"legend\">");
        for (Outcome o : Outcome.values()) {
            html.append("<span class=\"").append(o.word).append("\"></span>").append(o.word);
        }
        html.append("</div>\n");
        unrun(html, schedule.unrun());
        html.append("<section id=\"panel\"><p>Point at a class to see its tests.</p></section>\n")
                .append(extras.bottom());
        html.append("<script type=\"application/json\" id=\"classes\">");
        data(html, all, schedule.unrun(), tests);
        html.append("</script>\n<script>\n").append(resource("timeline.js")).append("</script>\n");
        if (!extras.script().isEmpty()) {
            html.append("<script>\n").append(extras.script()).append("</script>\n");
        }
        html.append("</body></html>\n");
        return html.toString();
    }

    private static void figures(StringBuilder html, Schedule s, String lane) {
        html.append("<dl id=\"figures\">\n");
        figure(html, "wall", "wall", seconds(s.wallSeconds()), false);
        figure(html, "class-time", "class time", seconds(s.classSeconds()), false);
        figure(
                html,
                "makespan",
                "makespan / bound",
                seconds(s.makespanSeconds()) + " / " + seconds(s.boundSeconds())
                        + String.format(Locale.ROOT, " (%.2f\u00d7)", s.ratio()),
                false);
        figure(html, "forks", lane + "s", Integer.toString(s.forks()), false);
        figure(html, "reconnects", "reconnects", Integer.toString(s.reconnects()), s.reconnects() > 0);
        figure(html, "crashes", "crashes", Integer.toString(s.crashes()), s.crashes() > 0);
        figure(
                html,
                "tests",
                "tests",
                s.tests() + " run, " + s.problems() + " failed, " + s.skipped() + " skipped, " + s.flakes() + " flaky",
                s.problems() > 0);
        html.append("</dl>\n");
    }

    private static void figure(StringBuilder html, String id, String name, String value, boolean bad) {
        html.append("<div><dt>")
                .append(name)
                .append("</dt><dd id=\"")
                .append(id)
                .append('"');
        html.append(bad ? " class=\"bad\">" : ">").append(Escape.html(value)).append("</dd></div>\n");
    }

    private static void svg(StringBuilder html, Schedule s, List<Bar> all, String laneName) {
        double span = Math.max(Math.max(s.makespanSeconds(), s.boundSeconds()), 1e-3);
        double scale = CHART / span;
        int lanesBottom = TOP + s.lanes().size() * (LANE + GAP);
        int height = lanesBottom + 24; // room for the bound's label under the lanes
        html.append(String.format(
                Locale.ROOT,
                "<svg id=\"timeline\" data-lane=\"%s\" xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\">\n",
                Escape.html(laneName),
                LEFT + CHART + RIGHT,
                height));
        html.append("<g class=\"axis\">");
        double step = tickStep(span);
        for (int i = 0; i * step <= span * (1 + 1e-9); i++) {
            double t = i * step;
            double x = LEFT + t * scale;
            html.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/><text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>",
                    x,
                    TOP - 4,
                    x,
                    lanesBottom,
                    x,
                    TOP - 10,
                    Escape.html(seconds(t))));
        }
        html.append("</g>\n");
        int index = 0;
        for (int l = 0; l < s.lanes().size(); l++) {
            Lane lane = s.lanes().get(l);
            int y = TOP + l * (LANE + GAP);
            html.append(String.format(
                    Locale.ROOT,
                    "<g class=\"lane\" data-fork=\"%d\"><text class=\"label\" x=\"%d\" y=\"%d\">%s %d</text>"
                            + "<rect class=\"track\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\"/>\n",
                    lane.fork(),
                    4,
                    y + LANE / 2 + 4,
                    Escape.html(laneName),
                    lane.fork(),
                    LEFT,
                    y,
                    CHART,
                    LANE));
            for (Bar bar : lane.bars()) {
                html.append(String.format(
                        Locale.ROOT,
                        "<rect class=\"bar %s\" data-i=\"%d\" x=\"%.2f\" y=\"%d\" width=\"%.2f\" height=\"%d\"><title>%s</title></rect>\n",
                        bar.outcome().word,
                        index,
                        LEFT + bar.from() * scale,
                        y,
                        Math.max(1, bar.seconds() * scale),
                        LANE,
                        Escape.html(bar.className() + ": " + bar.outcome().word + ", " + seconds(bar.seconds()))));
                index++;
            }
            html.append(String.format(
                    Locale.ROOT,
                    "<text class=\"idle\" x=\"%d\" y=\"%d\">idle %s</text></g>\n",
                    LEFT + CHART + 8,
                    y + LANE / 2 + 4,
                    Escape.html(seconds(lane.idleSeconds()))));
        }
        double bound = LEFT + s.boundSeconds() * scale;
        html.append(String.format(
                Locale.ROOT,
                "<line id=\"bound\" x1=\"%.2f\" y1=\"%d\" x2=\"%.2f\" y2=\"%d\"/>"
                        + "<text id=\"bound-label\" x=\"%.2f\" y=\"%d\" text-anchor=\"middle\">bound %s</text>\n",
                bound,
                TOP - 4,
                bound,
                height,
                bound,
                height + 14,
                Escape.html(seconds(s.boundSeconds()))));
        html.append("</svg>\n");
    }

    private static void unrun(StringBuilder html, List<ClassRun> unrun) {
        if (unrun.isEmpty()) {
            return;
        }
        html.append("<ul id=\"unrun\">");
        for (ClassRun run : unrun) {
            html.append("<li>").append(Escape.html(run.className())).append(": not run</li>");
        }
        html.append("</ul>\n");
    }

    /** Each bar's class, in the bars' {@code data-i} order, then the unrun ones, for the panel. */
    private static void data(
            StringBuilder json, List<Bar> bars, List<ClassRun> unrun, Function<ClassResult, String> tests) {
        List<String> classes = new ArrayList<>();
        for (Bar bar : bars) {
            classes.add(klass(bar.run(), bar.from(), bar.seconds(), bar.outcome(), tests));
        }
        for (ClassRun run : unrun) {
            classes.add(klass(run, 0, 0, Outcome.of(run.result()), tests));
        }
        json.append('[').append(String.join(",", classes)).append(']');
    }

    private static String klass(
            ClassRun run, double from, double seconds, Outcome outcome, Function<ClassResult, String> tests) {
        ClassResult r = run.result();
        StringBuilder json = new StringBuilder(256);
        json.append("{\"name\":").append(Escape.json(r.className()));
        json.append(",\"fork\":").append(run.fork());
        json.append(",\"seconds\":").append(String.format(Locale.ROOT, "%.3f", seconds));
        json.append(",\"duration\":").append(Escape.json(seconds(seconds)));
        json.append(",\"at\":").append(Escape.json(seconds(from)));
        json.append(",\"outcome\":").append(Escape.json(outcome.word));
        return json.append(",\"tests\":").append(tests.apply(r)).append('}').toString();
    }

    /** A class's tests in the page's data: a JSON array, the same wherever the class's bar is. */
    public static String tests(ClassResult r) {
        StringBuilder json = new StringBuilder(64 + 96 * r.tests().size());
        json.append('[');
        for (int i = 0; i < r.tests().size(); i++) {
            TestResult t = r.tests().get(i);
            json.append(i == 0 ? "{" : ",{");
            json.append("\"name\":").append(Escape.json(t.name().isEmpty() ? r.className() : t.name()));
            json.append(",\"status\":").append(Escape.json(status(t)));
            json.append(",\"duration\":").append(Escape.json(seconds(t.seconds())));
            json.append(",\"message\":").append(Escape.json(message(t)));
            json.append('}');
        }
        return json.append(']').toString();
    }

    private static String status(TestResult t) {
        return t.isFlaky() ? "flaky" : t.outcome().name().toLowerCase(Locale.ROOT);
    }

    /** The failure's type and message, or the skip reason; empty for a passed test. */
    private static String message(TestResult t) {
        String text;
        if (t.failureType() != null || t.failureMessage() != null) {
            String type = t.failureType() == null ? "" : t.failureType();
            String message = t.failureMessage() == null ? "" : t.failureMessage();
            text = type.isEmpty() || message.isEmpty() ? type + message : type + ": " + message;
        } else {
            text = t.skipReason() == null ? "" : t.skipReason();
        }
        return text.length() > MESSAGE_LIMIT ? text.substring(0, MESSAGE_LIMIT) + "\u2026" : text;
    }

    /** The axis's step: 1, 2 or 5 times a power of ten, for four to ten ticks over {@code span}. */
    static double tickStep(double span) {
        double power = Math.pow(10, Math.floor(Math.log10(span / 4)));
        for (double factor : new double[] {1, 2, 5}) {
            if (span / (factor * power) <= 10) {
                return factor * power;
            }
        }
        return 10 * power;
    }

    /** Seconds as a reader takes them in: three significant digits, whole seconds from 100 on, {@code 0 s} for none. */
    public static String seconds(double seconds) {
        if (!(seconds > 0) || Double.isInfinite(seconds)) {
            return "0 s";
        }
        BigDecimal value = seconds >= 100
                ? BigDecimal.valueOf(seconds).setScale(0, RoundingMode.HALF_UP)
                : BigDecimal.valueOf(seconds).round(new MathContext(3, RoundingMode.HALF_UP));
        return value.stripTrailingZeros().toPlainString() + " s";
    }

    private static String resource(String name) {
        return JarText.read(TimelinePage.class, name);
    }
}
