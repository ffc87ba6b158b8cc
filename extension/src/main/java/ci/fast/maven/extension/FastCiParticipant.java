package ci.fast.maven.extension;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import javax.inject.Named;
import javax.inject.Singleton;
import org.apache.maven.AbstractMavenLifecycleParticipant;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * fast-ci as a core extension ({@code .mvn/extensions.xml}): once the projects are read, every module's Surefire
 * {@code test} executions become fast-ci's, with their configuration, the poms untouched. {@code -DfastCi.enabled=false}
 * leaves the build to Surefire; so does {@code <fastCi.enabled>false</fastCi.enabled>} in a module's properties, for
 * that module. Says in one line what it replaced.
 */
@Named("fast-ci")
@Singleton
public final class FastCiParticipant extends AbstractMavenLifecycleParticipant {
    /** The property that turns the extension off. */
    static final String ENABLED = "fastCi.enabled";

    private final Logger log = LoggerFactory.getLogger(FastCiParticipant.class);

    @Override
    public void afterProjectsRead(MavenSession session) {
        String build = setting(session.getUserProperties(), session.getSystemProperties());
        if ("false".equalsIgnoreCase(build)) {
            log.info("fast-ci: " + ENABLED + "=false, so Surefire runs the tests of this build.");
            return;
        }
        SurefireStandIn standIn = new SurefireStandIn(OwnCoordinates.load());
        List<String> replaced = new ArrayList<>();
        for (MavenProject project : session.getProjects()) {
            if (build == null
                    && "false".equalsIgnoreCase(project.getProperties().getProperty(ENABLED))) {
                continue;
            }
            for (String id : standIn.replace(project)) {
                replaced.add(project.getArtifactId() + " (" + id + ")");
            }
        }
        log.info(ReplacementLine.of(replaced));
    }

    private static String setting(Properties user, Properties system) {
        String value = user.getProperty(ENABLED);
        return value != null ? value : system.getProperty(ENABLED);
    }
}
