package ci.fast.maven.pom;

import static ci.fast.maven.pom.Descriptors.configuration;
import static ci.fast.maven.pom.Descriptors.list;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.junit.jupiter.api.Test;

class ExplicitParametersTest {
    private final MojoDescriptor descriptor = new Descriptors()
            .parameter("argLine", "${argLine}")
            .parameter("forkCount", "${forkCount}")
            .parameter("includes", null)
            .parameter("reportsDirectory", null)
            .build();

    @Test
    void aChildStillHoldingTheDescriptorsDefaultWasNotSet() {
        // What Maven hands the mojo when the pom sets only forkCount: every parameter, defaults merged in.
        Xpp3Dom execution = configuration("argLine", "${argLine}", "forkCount", "2", "reportsDirectory", null);

        assertEquals(Set.of("forkCount"), ExplicitParameters.of(execution, descriptor));
    }

    @Test
    void aListOrMapWithElementsWasSet() {
        Xpp3Dom execution = configuration("argLine", "${argLine}");
        execution.addChild(list("includes", "include", "**/*Check.java"));

        assertEquals(Set.of("includes"), ExplicitParameters.of(execution, descriptor));
    }

    @Test
    void anEmptyValueWhereTheDefaultIsAnExpressionWasSet() {
        assertEquals(Set.of("argLine"), ExplicitParameters.of(configuration("argLine", ""), descriptor));
    }

    @Test
    void noConfigurationSetsNothing() {
        assertEquals(Set.of(), ExplicitParameters.of(null, descriptor));
    }
}
