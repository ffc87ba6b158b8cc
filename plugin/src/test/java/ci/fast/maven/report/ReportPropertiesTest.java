package ci.fast.maven.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ReportPropertiesTest {

    @Test
    void sortsByName() {
        Properties p = new Properties();
        p.setProperty("b", "2");
        p.setProperty("a", "1");

        assertEquals(List.of("a", "b"), List.copyOf(ReportProperties.of(p).keySet()));
    }

    @Test
    void masksValuesOfSecretLookingNames() {
        Map<String, String> masked = ReportProperties.masked(
                Map.of("fastCi.secretKey", "abc", "db.password", "pw", "github.token", "t", "user.name", "ann"));

        assertEquals(ReportProperties.MASK, masked.get("fastCi.secretKey"));
        assertEquals(ReportProperties.MASK, masked.get("db.password"));
        assertEquals(ReportProperties.MASK, masked.get("github.token"));
        assertEquals("ann", masked.get("user.name"));
    }

    @Test
    void masksSecretOptionsInsideTheCommandLine() {
        Map<String, String> masked = ReportProperties.masked(
                Map.of("sun.java.command", "Launcher -DfastCi.secretKey=abc -Dother=1 -Ddb.password=\"p w\" test"));

        assertEquals(
                "Launcher -DfastCi.secretKey=****** -Dother=1 -Ddb.password=****** test",
                masked.get("sun.java.command"));
    }

    @Test
    void masksALongSecretWhereverElseItIsEchoed() {
        Map<String, String> masked = ReportProperties.masked(
                Map.of("fastCi.secretKey", "k3y-0123456789", "env.echo", "url?key=k3y-0123456789&x=1"));

        assertEquals("url?key=******&x=1", masked.get("env.echo"));
    }

    @Test
    void leavesShortSecretValuesInOtherPropertiesAlone() {
        Map<String, String> masked = ReportProperties.masked(Map.of("some.token.enabled", "true", "flag", "true"));

        assertEquals("true", masked.get("flag"));
    }

    @Test
    void recognisesSecretNamesCaseInsensitively() {
        assertTrue(ReportProperties.isSecretName("FAST_CI_SECRET_KEY"));
        assertTrue(ReportProperties.isSecretName("my.apiKey"));
        assertFalse(ReportProperties.isSecretName("java.version"));
    }
}
