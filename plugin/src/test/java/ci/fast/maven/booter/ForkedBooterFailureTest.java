package ci.fast.maven.booter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ForkedBooterFailureTest {
    @Test
    void aForksFailureNamesItsCauses() {
        Throwable failure = new IllegalStateException(
                "TestEngine with ID 'junit-vintage' failed to discover tests",
                new IllegalArgumentException("Unsupported version of junit:junit: 3.8.2"));

        assertEquals(
                "java.lang.IllegalStateException: TestEngine with ID 'junit-vintage' failed to discover tests;"
                        + " caused by java.lang.IllegalArgumentException: Unsupported version of junit:junit: 3.8.2",
                ForkedBooter.withCauses(failure));
    }
}
