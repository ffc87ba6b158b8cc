package ci.fast.maven.report.timeline;

import java.nio.file.Path;

/**
 * The line that tells a CI job how to keep the timeline page. GitLab shows a job's JUnit reports by itself, but a page
 * reaches its users only as an artifact, which the job must name.
 */
public final class TimelineHint {
    private TimelineHint() {}

    /**
     * @param file the timeline page
     * @param projectDir GitLab's {@code CI_PROJECT_DIR}, where artifact paths start
     * @return the one line naming the artifact the job's {@code .gitlab-ci.yml} keeps it with
     */
    public static String gitLab(Path file, Path projectDir) {
        Path page = file.toAbsolutePath().normalize();
        Path project = projectDir.toAbsolutePath().normalize();
        String path = (page.startsWith(project) ? project.relativize(page) : page)
                .toString()
                .replace('\\', '/');
        return "fast-ci timeline: to see it from the pipeline, keep it as an artifact in .gitlab-ci.yml: artifacts:"
                + " {when: always, expose_as: \"fast-ci timeline\", paths: [\"" + path + "\"]}";
    }
}
