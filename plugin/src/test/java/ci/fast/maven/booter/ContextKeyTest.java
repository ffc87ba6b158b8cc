package ci.fast.maven.booter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/** Real Spring annotations (spring-test on this test class path), read as a fork reads them after a class ran. */
class ContextKeyTest {
    @Configuration
    static class AppConfig {}

    @Configuration
    static class OtherConfig {}

    @ExtendWith(SpringExtension.class)
    @ContextConfiguration(classes = AppConfig.class)
    static class FirstOfApp {}

    @ExtendWith(SpringExtension.class)
    @ContextConfiguration(classes = AppConfig.class)
    static class SecondOfApp {}

    @ExtendWith(SpringExtension.class)
    @ContextConfiguration(classes = OtherConfig.class)
    static class OfOther {}

    @ExtendWith(SpringExtension.class)
    @ContextConfiguration(classes = AppConfig.class)
    @ActiveProfiles("slow")
    static class AppWithAProfile {}

    /** A project's own annotation composed of Spring's, as teams write them. */
    @Retention(RetentionPolicy.RUNTIME)
    @ExtendWith(SpringExtension.class)
    @ContextConfiguration(classes = AppConfig.class)
    @interface AppTest {}

    @AppTest
    static class ComposedOne {}

    @AppTest
    static class ComposedTwo {}

    static class SubclassOfApp extends FirstOfApp {}

    static class Plain {}

    @Test
    void classesOfOneConfigurationShareAKeyAndOthersDoNot() {
        String app = ContextKey.of(FirstOfApp.class);

        assertTrue(app.startsWith("spring:"), app);
        assertEquals(app, ContextKey.of(SecondOfApp.class));
        assertNotEquals(app, ContextKey.of(OfOther.class));
        assertNotEquals(app, ContextKey.of(AppWithAProfile.class), "a profile is another context");
    }

    @Test
    void readsComposedAnnotationsAndSuperclasses() {
        String composed = ContextKey.of(ComposedOne.class);

        assertTrue(composed.startsWith("spring:"), composed);
        assertEquals(composed, ContextKey.of(ComposedTwo.class));
        assertEquals(ContextKey.of(FirstOfApp.class), ContextKey.of(SubclassOfApp.class));
    }

    @Test
    void aClassWithoutAFrameworkCacheHasNone() {
        assertEquals("", ContextKey.of(Plain.class));
        assertEquals("", ContextKey.of(ContextKeyTest.class));
        assertEquals("", ContextKey.of("com.acme.Missing"), "a class that cannot be loaded gives no hint");
    }

    @Test
    void isTheSameInEveryJvm() {
        // A digest of the annotations' text: no identity hash codes, so the history's key holds across runs.
        assertEquals(ContextKey.of(FirstOfApp.class), ContextKey.of(FirstOfApp.class.getName()));
        assertEquals(19, ContextKey.of(FirstOfApp.class).length(), "spring: and 12 hex digits");
    }
}
