package ci.fast.maven;

import ci.fast.maven.config.SettingsException;
import java.io.File;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.codehaus.plexus.component.configurator.expression.ExpressionEvaluationException;
import org.codehaus.plexus.component.configurator.expression.ExpressionEvaluator;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Sets the parameters marked {@link GoalProperty} from the running goal's user property, as Maven sets a parameter from
 * its {@code property}: only where the pom configures no value, and from the build's {@code -D} properties, the
 * system's and the project's, as Maven's own expression evaluator finds them.
 */
final class GoalProperties {
    private GoalProperties() {}

    /**
     * @param mojo the goal, whose fields are set
     * @param integrationTest whether the goal is Failsafe's twin
     * @param configuration the goal's configuration as Maven merged it (a child with a value: set in the pom)
     * @param basedir resolves relative file names, as Maven does for {@code File} parameters
     * @return the names of the parameters set from a property
     */
    static List<String> apply(
            Object mojo, boolean integrationTest, Xpp3Dom configuration, ExpressionEvaluator evaluator, Path basedir) {
        List<String> set = new ArrayList<>();
        for (Class<?> type = mojo.getClass(); type != null; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                GoalProperty property = field.getAnnotation(GoalProperty.class);
                if (property == null || configured(configuration, field.getName())) {
                    continue;
                }
                String name = integrationTest ? property.integrationTest() : property.test();
                if (name.isEmpty()) {
                    continue;
                }
                Object value = evaluate(evaluator, name);
                if (value != null) {
                    set(mojo, field, convert(field, name, value.toString(), basedir));
                    set.add(field.getName());
                }
            }
        }
        return set;
    }

    private static boolean configured(Xpp3Dom configuration, String parameter) {
        Xpp3Dom child = configuration == null ? null : configuration.getChild(parameter);
        return child != null && (child.getValue() != null || child.getChildCount() > 0);
    }

    private static Object evaluate(ExpressionEvaluator evaluator, String property) {
        String expression = "${" + property + "}";
        try {
            Object value = evaluator.evaluate(expression);
            return expression.equals(value) ? null : value;
        } catch (ExpressionEvaluationException e) {
            throw new SettingsException("the property " + property + " cannot be read: " + e.getMessage());
        }
    }

    static Object convert(Field field, String property, String value, Path basedir) {
        Class<?> type = field.getType();
        try {
            if (type == String.class) {
                return value;
            }
            if (type == boolean.class || type == Boolean.class) {
                return Boolean.parseBoolean(value.strip());
            }
            if (type == int.class || type == Integer.class) {
                return Integer.parseInt(value.strip());
            }
            if (type == long.class || type == Long.class) {
                return Long.parseLong(value.strip());
            }
            if (type == double.class || type == Double.class) {
                return Double.parseDouble(value.strip());
            }
            if (type == File.class) {
                return file(basedir, value);
            }
            if (type == String[].class) {
                return items(value).toArray(String[]::new);
            }
            if (type == File[].class) {
                return items(value).stream().map(item -> file(basedir, item)).toArray(File[]::new);
            }
            if (type == List.class) {
                return items(value);
            }
        } catch (NumberFormatException e) {
            throw new SettingsException("-D" + property + "=" + value + " is not a number: " + field.getName()
                    + " takes a " + type.getSimpleName());
        }
        throw new IllegalStateException(field + " has no conversion from a property");
    }

    private static File file(Path basedir, String value) {
        Path path = Path.of(value.strip());
        return (path.isAbsolute() ? path : basedir.resolve(path)).toFile();
    }

    /** Maven's reading of a list from a property: comma-separated. */
    private static List<String> items(String value) {
        List<String> items = new ArrayList<>();
        for (String item : value.split(",")) {
            if (!item.isBlank()) {
                items.add(item.strip());
            }
        }
        return items;
    }

    private static void set(Object mojo, Field field, Object value) {
        try {
            field.setAccessible(true);
            field.set(mojo, value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot set " + field, e);
        }
    }
}
