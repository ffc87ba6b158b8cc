package ci.fast.maven.fork;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class LatePropertiesTest {
    private static Properties properties(String... pairs) {
        Properties p = new Properties();
        for (int i = 0; i < pairs.length; i += 2) {
            p.setProperty(pairs[i], pairs[i + 1]);
        }
        return p;
    }

    @Test
    void replacesAReferenceByThePropertysValue() {
        String agent = "-javaagent:/repo/org.jacoco.agent-runtime.jar=destfile=/p/target/jacoco.exec";
        assertEquals(agent + " -Xmx512m", LateProperties.replace("@{argLine} -Xmx512m", properties("argLine", agent)));
    }

    @Test
    void replacesEveryReference() {
        assertEquals(
                "-Da=1 -Db=2 -Dc=1",
                LateProperties.replace("-Da=@{x} -Db=@{y} -Dc=@{x}", properties("x", "1", "y", "2")));
    }

    @Test
    void keepsDollarsAndBackslashesOfAValue() {
        assertEquals("-Dp=C:\\a$1", LateProperties.replace("-Dp=@{p}", properties("p", "C:\\a$1")));
    }

    @Test
    void replacesAnEmptyPropertyByNothing() {
        assertEquals(" -Xmx1g", LateProperties.replace("@{argLine} -Xmx1g", properties("argLine", "")));
    }

    @Test
    void leavesMavenExpressionsAndTextWithoutReferencesAlone() {
        assertEquals("-Dx=${y} a@b {c}", LateProperties.replace("-Dx=${y} a@b {c}", properties()));
    }

    @Test
    void refusesAReferenceNoPropertyDefines() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> LateProperties.replace("@{argLine} -Xmx1g", properties()));
        assertTrue(
                e.getMessage().startsWith("argLine refers to @{argLine}, which no property defines"), e.getMessage());
    }
}
