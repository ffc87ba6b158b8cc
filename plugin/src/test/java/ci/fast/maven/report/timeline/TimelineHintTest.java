package ci.fast.maven.report.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TimelineHintTest {
    @Test
    void namesThePageAsAnArtifactPathFromTheProjectDirectory() {
        assertEquals(
                "fast-ci timeline: to see it from the pipeline, keep it as an artifact in .gitlab-ci.yml: artifacts:"
                        + " {when: always, expose_as: \"fast-ci timeline\", paths:"
                        + " [\"shop/target/fast-ci/timeline.html\"]}",
                TimelineHint.gitLab(
                        Path.of("/builds/acme/app/shop/target/fast-ci/timeline.html"), Path.of("/builds/acme/app")));
    }

    @Test
    void keepsTheWholePathOfAPageOutsideTheProject() {
        String hint = TimelineHint.gitLab(Path.of("/tmp/elsewhere/timeline.html"), Path.of("/builds/acme/app"));

        assertEquals(true, hint.endsWith("paths: [\"/tmp/elsewhere/timeline.html\"]}"), hint);
    }
}
