package ci.fast.maven;

import ci.fast.maven.booter.StartupTrace;
import ci.fast.maven.config.RunSettings;
import ci.fast.maven.pom.SurefireInheritance;
import java.io.File;
import java.nio.file.Path;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.PluginParameterExpressionEvaluator;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.toolchain.ToolchainManager;
import org.codehaus.plexus.component.configurator.ComponentConfigurator;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;

/**
 * A goal that runs tests: a shell over {@link TestParameters}, {@link SettingsTranslation} and {@link TestGoal}. A
 * goal says only what differs: its name, its switches and its reports directory.
 */
abstract class AbstractTestMojo extends TestParameters {
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    PluginDescriptor plugin;

    @Parameter(defaultValue = "${repositorySystemSession}", readonly = true, required = true)
    RepositorySystemSession repositorySession;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    MavenSession session;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    MojoExecution mojoExecution;

    @Component
    RepositorySystem repositorySystem;

    @Component
    ToolchainManager toolchainManager;

    /** What Maven configured this mojo with: the pom's Surefire (Failsafe) configuration is applied with it too. */
    @Component(role = ComponentConfigurator.class, hint = "basic")
    ComponentConfigurator configurator;

    /** Which goal this is. */
    abstract Goal goal();

    /** The main classes the tests run against; {@code classesDirectory} unless the goal knows better. */
    Path mainClasses() {
        return classesDirectory.toPath();
    }

    /** Whether the goal's switches say not to run the tests. */
    abstract boolean skipped();

    /** Where the goal's reports go. */
    abstract File reportsDirectory();

    /** Failsafe's summary file, which the goal writes instead of failing the build; null for a goal that fails it. */
    File summaryFile() {
        return null;
    }

    /**
     * Checks the switches, reads the goal's properties, translates the parameters and runs. A configuration that cannot
     * work fails the build here, as one line, whichever part found it.
     */
    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        StartupTrace.mark("maven.execute");
        try {
            // Maven's precedence: the goal's -D properties first, then the pom's Surefire configuration over them
            // (a value in a pom wins over a property), and fast-ci's own configuration, which Maven set, over both.
            PluginParameterExpressionEvaluator evaluator =
                    new PluginParameterExpressionEvaluator(session, mojoExecution);
            GoalProperties.apply(
                    this,
                    goal() == Goal.INTEGRATION_TEST,
                    mojoExecution.getConfiguration(),
                    evaluator,
                    project.getBasedir().toPath());
            new SurefireInheritance(configurator, getLog(), goal().inheritedPlugin, true)
                    .apply(this, session, mojoExecution);
            statelessTestsetReporter = SurefireReporter.evaluated(statelessTestsetReporter, evaluator);
            consoleOutputReporter = SurefireReporter.evaluated(consoleOutputReporter, evaluator);
            statelessTestsetInfoReporter = SurefireReporter.evaluated(statelessTestsetInfoReporter, evaluator);
            if (skipped()) {
                getLog().info("Tests are skipped.");
                return;
            }
            StartupTrace.mark("maven.inherited");
            RunSettings settings = SettingsTranslation.translate(this, facts());
            StartupTrace.mark("maven.translated");
            if (getLog().isDebugEnabled()) {
                // Only then: the records' first toString costs a cold JVM tens of milliseconds before the forks start.
                getLog().debug("fast-ci settings: " + settings);
            }
            new TestGoal(
                            new TestGoal.Maven(
                                    project, session, plugin, repositorySystem, repositorySession, toolchainManager),
                            getLog())
                    .run(settings);
        } catch (IllegalArgumentException e) {
            // A configuration that cannot work, whichever part found it: its one line; the cause for -e.
            throw new MojoFailureException(e.getMessage(), e);
        }
    }

    private SettingsTranslation.GoalFacts facts() {
        Path localRepository = repositorySession.getLocalRepository() == null
                ? null
                : repositorySession.getLocalRepository().getBasedir().toPath();
        return new SettingsTranslation.GoalFacts(
                goal(),
                project.getArtifactId(),
                Path.of(project.getBuild().getDirectory()),
                mainClasses(),
                reportsDirectory().toPath(),
                summaryFile() == null ? null : summaryFile().toPath(),
                session.getUserProperties(),
                project.getBasedir().toPath(),
                localRepository);
    }
}
