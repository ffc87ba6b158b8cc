package ci.fast.maven.pom;

import java.util.Optional;
import java.util.Set;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.PluginParameterExpressionEvaluator;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.classworlds.realm.ClassRealm;
import org.codehaus.plexus.component.configurator.ComponentConfigurationException;
import org.codehaus.plexus.component.configurator.ComponentConfigurator;

/**
 * Gives a fast-ci mojo the project's Surefire configuration for every parameter its own execution does not set, with
 * Maven's expressions evaluated as for the mojo itself; not Surefire's switches ({@code skip}, {@code skipTests},
 * {@code skipExec}), unless the core extension put the execution in place of Surefire's. Says once which it took.
 *
 * <p>Generic over the parameters: whatever Surefire's configuration names that the mojo's descriptor has is taken.
 */
public final class SurefireInheritance {
    private final ComponentConfigurator configurator;
    private final Log log;
    private final InheritedPlugin plugin;
    /** Whether the plugin's parameters the mojo lacks are named: for a goal that runs tests, not for verify. */
    private final boolean namesTheOthers;

    /**
     * @param configurator Maven's {@code basic} component configurator, the one it configured the mojo with
     * @param log the mojo's log
     * @param plugin Surefire, or Failsafe for the integration-test goals
     * @param namesTheOthers whether to say once which of the plugin's parameters the mojo has none for; a goal that
     *     takes only a few of them ({@code verify}) says nothing
     */
    public SurefireInheritance(
            ComponentConfigurator configurator, Log log, InheritedPlugin plugin, boolean namesTheOthers) {
        this.configurator = configurator;
        this.log = log;
        this.plugin = plugin;
        this.namesTheOthers = namesTheOthers;
    }

    /**
     * Applies the current project's Surefire configuration onto {@code mojo}, the instance Maven configured for
     * {@code execution}. Call it first in {@code execute()}.
     */
    public void apply(Object mojo, MavenSession session, MojoExecution execution) throws MojoExecutionException {
        MavenProject project = session.getCurrentProject();
        Optional<SurefireConfiguration> surefire =
                SurefireConfiguration.find(project.getBuild(), plugin, execution.getExecutionId());
        if (surefire.isEmpty()) {
            return;
        }
        MojoDescriptor descriptor = execution.getMojoDescriptor();
        Set<String> explicit = ExplicitParameters.of(execution.getConfiguration(), descriptor);
        InheritedParameters inherited = InheritedParameters.select(
                surefire.get().configuration(),
                descriptor,
                explicit,
                StandIns.isStandIn(project, execution.getExecutionId()));
        if (namesTheOthers && !inherited.unsupported().isEmpty()) {
            log.info("fast-ci has no parameter for " + plugin.name() + "'s "
                    + String.join(", ", inherited.unsupported()) + ": left out.");
        }
        if (inherited.taken().isEmpty()) {
            return;
        }
        try {
            new ConfigurationApplier(
                            configurator,
                            new PluginParameterExpressionEvaluator(session, execution),
                            realm(mojo, descriptor))
                    .apply(mojo, inherited.configuration());
        } catch (ComponentConfigurationException e) {
            throw new MojoExecutionException(
                    "fast-ci cannot take " + plugin.name() + "'s configuration: " + e.getMessage(), e);
        }
        log.info("fast-ci takes " + plugin.name() + "'s configuration (" + where(surefire.get()) + "): "
                + String.join(", ", inherited.taken()));
    }

    private static String where(SurefireConfiguration surefire) {
        return surefire.where().equals("plugin") ? "plugin" : "execution " + surefire.where();
    }

    private static ClassRealm realm(Object mojo, MojoDescriptor descriptor) {
        ClassRealm realm = descriptor.getPluginDescriptor() == null
                ? null
                : descriptor.getPluginDescriptor().getClassRealm();
        if (realm == null && mojo.getClass().getClassLoader() instanceof ClassRealm own) {
            realm = own;
        }
        return realm;
    }
}
