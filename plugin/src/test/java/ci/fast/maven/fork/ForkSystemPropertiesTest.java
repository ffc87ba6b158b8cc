package ci.fast.maven.fork;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ForkSystemPropertiesTest {
    private static final Path BASEDIR = Path.of("/work/project").toAbsolutePath();
    private static final Path REPO = Path.of("/home/me/.m2/repository").toAbsolutePath();

    @Test
    void setsTheVariablesThenBasedirAndLocalRepository() {
        Map<String, String> variables = new HashMap<>();
        variables.put("db.url", "jdbc:h2:mem:x");
        variables.put("empty", null);

        Map<String, String> result = ForkSystemProperties.compose(variables, new Properties(), BASEDIR, REPO);

        assertEquals("jdbc:h2:mem:x", result.get("db.url"));
        assertEquals("", result.get("empty"));
        assertEquals(BASEDIR.toString(), result.get("basedir"));
        assertEquals(REPO.toString(), result.get("localRepository"));
        assertEquals(4, result.size());
    }

    @Test
    void userPropertiesOverrideTheVariablesAsSurefiresDo() {
        Properties user = new Properties();
        user.setProperty("db.url", "from-command-line");
        user.setProperty("only.user", "u");

        Map<String, String> result = ForkSystemProperties.compose(Map.of("db.url", "from-pom"), user, BASEDIR, null);

        assertEquals("from-command-line", result.get("db.url"));
        assertEquals("u", result.get("only.user"));
        assertFalse(result.containsKey("localRepository"));
    }

    @Test
    void basedirIsTheModulesWhateverTheVariablesSay() {
        Map<String, String> result =
                ForkSystemProperties.compose(Map.of("basedir", "/elsewhere"), new Properties(), BASEDIR, REPO);

        assertEquals(BASEDIR.toString(), result.get("basedir"));
    }

    @Test
    void neverPassesTheSecretKeyOn() {
        Properties user = new Properties();
        user.setProperty("fastCi.secretKey", "s3cr3t");

        Map<String, String> result = ForkSystemProperties.compose(null, user, BASEDIR, REPO);

        assertFalse(result.containsKey("fastCi.secretKey"));
        assertFalse(List.copyOf(result.values()).contains("s3cr3t"));
    }
}
