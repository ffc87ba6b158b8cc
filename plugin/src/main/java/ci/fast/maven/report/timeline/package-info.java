/**
 * The run's schedule shown to people: the timeline page (one lane per fork, one bar per class from its start to its
 * end, the idle time of each lane and the bound no schedule can beat) and GitHub Actions' job summary and workflow
 * commands. {@link ci.fast.maven.report.timeline.Schedule} is the arithmetic, {@link
 * ci.fast.maven.report.timeline.TimelinePage} the self-contained HTML, {@link
 * ci.fast.maven.report.timeline.TimelineFile} the listener that writes it when the run finishes, {@link
 * ci.fast.maven.report.timeline.GitHubSummary} the listener for GitHub.
 *
 * <p>Runs in the Maven JVM and depends on the JDK, {@link ci.fast.maven.report} and {@link ci.fast.maven.results} only.
 */
package ci.fast.maven.report.timeline;
