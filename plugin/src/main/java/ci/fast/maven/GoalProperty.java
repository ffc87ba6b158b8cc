package ci.fast.maven;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The user property of a parameter whose name differs between Surefire's {@code test} and Failsafe's
 * {@code integration-test} goal, such as {@code surefire.timeout} and {@code failsafe.timeout}. A parameter shared by
 * both goals carries this instead of {@code @Parameter(property = …)}, which can name only one; {@link GoalProperties}
 * reads it for the running goal, with Maven's precedence: a value configured in the pom wins over the property.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
@interface GoalProperty {
    /** The property under {@code fast-ci:test}, Surefire's name. */
    String test();

    /** The property under {@code fast-ci:integration-test}, Failsafe's name; empty when it has none. */
    String integrationTest() default "";
}
