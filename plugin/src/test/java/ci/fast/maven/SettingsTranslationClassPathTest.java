package ci.fast.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ci.fast.maven.config.RunSettings;
import ci.fast.maven.config.RunSettings.AddedDependency;
import ci.fast.maven.config.SettingsException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.maven.model.Dependency;
import org.apache.maven.model.Exclusion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The class path parameters as the run's settings take them: added dependencies, the module path. */
class SettingsTranslationClassPathTest {
    @TempDir
    Path dir;

    @Test
    void takesAdditionalClasspathDependenciesWithTheirTypesClassifiersAndExclusions() {
        TestParameters p = parameters();
        Dependency fixtures = dependency("org.acme", "fixtures", "2.0");
        fixtures.setType("test-jar");
        fixtures.setClassifier("tests");
        Exclusion logging = new Exclusion();
        logging.setGroupId("org.slf4j");
        logging.setArtifactId("*");
        fixtures.addExclusion(logging);
        p.additionalClasspathDependencies = List.of(dependency("org.acme", "driver", "1.0"), fixtures);

        RunSettings settings = translate(p);

        assertEquals(
                List.of(
                        new AddedDependency("org.acme", "driver", "1.0", "jar", null, List.of()),
                        new AddedDependency(
                                "org.acme", "fixtures", "2.0", "test-jar", "tests", List.of("org.slf4j:*"))),
                settings.jvm().classPath().additionalDependencies());
        assertEquals(List.of(), settings.notices());
    }

    @Test
    void takesTestNgsObjectFactoryWithoutANotice() {
        TestParameters p = parameters();
        p.objectFactory = " com.acme.Factory ";

        RunSettings settings = translate(p);

        assertEquals("com.acme.Factory", settings.selection().objectFactory());
        assertEquals(List.of(), settings.notices());
        assertEquals(null, translate(parameters()).selection().objectFactory());
    }

    @Test
    void refusesAnAdditionalDependencyWithoutVersionInOneLine() {
        TestParameters p = parameters();
        p.additionalClasspathDependencies = List.of(dependency("org.acme", "driver", null));

        SettingsException e = assertThrows(SettingsException.class, () -> translate(p));

        assertEquals(
                "additionalClasspathDependencies: org.acme:driver:null needs a groupId, an artifactId and a version",
                e.getMessage());
    }

    @Test
    void runsModulesOnTheModulePathUnlessTurnedOffWithoutANotice() {
        TestParameters off = parameters();
        off.useModulePath = false;

        assertTrue(translate(parameters()).jvm().classPath().useModulePath());
        assertEquals(List.of(), translate(parameters()).notices());
        assertFalse(translate(off).jvm().classPath().useModulePath());
        assertEquals(List.of(), translate(off).notices());
    }

    private static Dependency dependency(String groupId, String artifactId, String version) {
        Dependency d = new Dependency();
        d.setGroupId(groupId);
        d.setArtifactId(artifactId);
        d.setVersion(version);
        return d;
    }

    private RunSettings translate(TestParameters p) {
        return SettingsTranslation.translate(
                p,
                new SettingsTranslation.GoalFacts(
                        Goal.TEST,
                        "shop",
                        dir.resolve("target"),
                        dir.resolve("target/classes"),
                        dir.resolve("target/reports"),
                        null,
                        new Properties(),
                        dir,
                        null),
                Map.of());
    }

    /** The parameters as Maven sets them by default, for what the translation reads. */
    private TestParameters parameters() {
        TestParameters p = new TestParameters() {
            @Override
            public void execute() {}
        };
        p.testClassesDirectory = dir.resolve("target/test-classes").toFile();
        p.workingDirectory = dir.toFile();
        p.forkCount = "1";
        p.failIfNoSpecifiedTests = true;
        p.printSummary = true;
        p.fallback = true;
        p.enableAssertions = true;
        p.forkedProcessExitTimeoutInSeconds = 30;
        p.promoteUserPropertiesToSystemProperties = true;
        p.useModulePath = true;
        p.useSystemClassLoader = true;
        p.useManifestOnlyJar = true;
        p.enableOutErrElements = true;
        p.enablePropertiesElement = true;
        p.stackTraceMaxFrames = 15;
        p.junitArtifactName = "junit:junit";
        p.testNGArtifactName = "org.testng:testng";
        p.reuseForks = true;
        return p;
    }
}
