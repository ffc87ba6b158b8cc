package ci.fast.maven.pom;

import static ci.fast.maven.pom.Descriptors.configuration;
import static ci.fast.maven.pom.Descriptors.list;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Set;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.junit.jupiter.api.Test;

class InheritedParametersTest {
    private final MojoDescriptor descriptor = new Descriptors()
            .parameter("skip", "${maven.test.skip}")
            .parameter("skipTests", "${skipTests}")
            .parameter("argLine", "${argLine}")
            .parameter("includes", null)
            .parameter("reportsDirectory", null)
            .alias("enableAssertions", "ea")
            .readonly("project", "${project}")
            .build();

    @Test
    void takesWhatTheMojoHasAndDoesNotSetLeavingOutSurefiresSwitches() {
        Xpp3Dom surefire = configuration(
                "skip", "true", "skipTests", "true", "argLine", "-Xmx1g", "reportsDirectory", "elsewhere");
        surefire.addChild(list("includes", "include", "**/*Check.java"));

        InheritedParameters inherited =
                InheritedParameters.select(surefire, descriptor, Set.of("reportsDirectory"), false);

        assertEquals(List.of("argLine", "includes"), inherited.taken());
        assertEquals(List.of(), inherited.unsupported());
        assertEquals("-Xmx1g", inherited.configuration().getChild("argLine").getValue());
        assertEquals(
                "**/*Check.java",
                inherited.configuration().getChild("includes").getChild(0).getValue());
        assertNull(inherited.configuration().getChild("skip"));
        assertNull(inherited.configuration().getChild("reportsDirectory"));
    }

    @Test
    void inPlaceOfSurefiresExecutionTheSwitchesAreTakenToo() {
        Xpp3Dom surefire = configuration("skipTests", "true", "skipExec", "true");

        InheritedParameters inherited = InheritedParameters.select(surefire, descriptor, Set.of(), true);

        assertEquals(List.of("skipTests"), inherited.taken());
        assertEquals(List.of("skipExec"), inherited.unsupported());
    }

    @Test
    void namesWhatTheMojoHasNoParameterFor() {
        Xpp3Dom surefire = configuration("forkNode", "x", "argLine", "-ea");

        InheritedParameters inherited = InheritedParameters.select(surefire, descriptor, Set.of(), false);

        assertEquals(List.of("forkNode"), inherited.unsupported());
        assertEquals(List.of("argLine"), inherited.taken());
    }

    @Test
    void anAliasIsAppliedUnderTheParametersName() {
        InheritedParameters inherited =
                InheritedParameters.select(configuration("ea", "false"), descriptor, Set.of(), false);

        assertEquals(
                "false", inherited.configuration().getChild("enableAssertions").getValue());
        assertEquals(List.of("ea"), inherited.taken());
    }

    @Test
    void neverSetsAReadOnlyParameter() {
        InheritedParameters inherited =
                InheritedParameters.select(configuration("project", "${project}"), descriptor, Set.of(), false);

        assertEquals(List.of(), inherited.taken());
        assertEquals(0, inherited.configuration().getChildCount());
    }
}
