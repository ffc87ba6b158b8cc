package ci.fast.maven.booter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every component of {@link ForkSettings} survives the wire: the test walks the record's components, so a setting
 * added to the record is covered without a line here. For each, a value other than its type's default goes through
 * {@link SettingsCodec} with every other component at its default, and must come back.
 */
class ForkSettingsRoundTripTest {
    @TestFactory
    Stream<DynamicTest> eachComponentSurvivesTheRoundTripWithAValueOtherThanItsDefault() {
        return Arrays.stream(ForkSettings.class.getRecordComponents())
                .map(component -> DynamicTest.dynamicTest(component.getName(), () -> {
                    ForkSettings base = Values.defaults(ForkSettings.class);
                    Object value = Values.other(component.getGenericType(), component.getName());
                    assertNotEquals(Values.get(component, base), value, "the test value is the default");
                    ForkSettings written = Values.with(base, component, value);

                    ForkSettings read = roundTrip(written);

                    assertEquals(value, Values.get(component, read));
                    assertEquals(written, read);
                }));
    }

    /** The same for each component of the tests' options, which ride inside the settings. */
    @TestFactory
    Stream<DynamicTest> eachTestRunOptionSurvivesTheRoundTrip() {
        return Arrays.stream(TestRunOptions.class.getRecordComponents())
                .map(component -> DynamicTest.dynamicTest(component.getName(), () -> {
                    TestRunOptions base = Values.defaults(TestRunOptions.class);
                    Object value = Values.other(component.getGenericType(), component.getName());
                    TestRunOptions tests = Values.with(base, component, value);
                    ForkSettings written = Values.with(
                            Values.defaults(ForkSettings.class),
                            ForkSettings.class.getRecordComponents()[6],
                            tests);

                    assertEquals(value, Values.get(component, roundTrip(written).tests()));
                }));
    }

    @Test
    void everyComponentAtOnceSurvivesTheRoundTrip() throws Exception {
        ForkSettings written = Values.others(ForkSettings.class, "all");

        assertEquals(written, roundTrip(written));
    }

    @Test
    void keepsTheOrderOfTheConnectParameters() throws Exception {
        // Enough names that a hash order would differ from the insertion order.
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 20; i > 0; i--) {
            params.put("extra_" + (char) ('z' - i) + i, "v" + i);
        }
        ForkSettings written = new ForkSettings(
                "n",
                List.of(),
                "http://localhost:1",
                params,
                List.of(),
                "",
                TestRunOptions.DEFAULTS,
                List.of(),
                "",
                Map.of(),
                "");

        assertEquals(
                List.copyOf(params.keySet()),
                List.copyOf(roundTrip(written).params().keySet()));
    }

    @Test
    void nullsSurviveTheRoundTrip() throws Exception {
        ForkSettings written = new ForkSettings(
                null, List.of(), null, Map.of(), List.of(), "", TestRunOptions.DEFAULTS, List.of(), "", Map.of(), null);

        assertEquals(written, roundTrip(written));
    }

    static ForkSettings roundTrip(ForkSettings settings) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        SettingsCodec.write(out, settings);
        out.flush();
        return SettingsCodec.read(
                new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), ForkSettings.class);
    }

    /** Values of the codec's types, by a record's component types: each type's default, and a value other than it. */
    static final class Values {
        private Values() {}

        /** A record with each component at its type's default. */
        static <R extends Record> R defaults(Class<R> type) {
            RecordComponent[] components = type.getRecordComponents();
            Object[] values = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                values[i] = defaultOf(components[i].getGenericType());
            }
            return build(type, values);
        }

        /** A record with each component other than its type's default. */
        static <R extends Record> R others(Class<R> type, String seed) {
            RecordComponent[] components = type.getRecordComponents();
            Object[] values = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                values[i] = other(components[i].getGenericType(), seed + "." + components[i].getName());
                assertNotEquals(defaultOf(components[i].getGenericType()), values[i], components[i].getName());
            }
            return build(type, values);
        }

        static Object defaultOf(Type type) {
            Class<?> raw = raw(type);
            if (raw == String.class) {
                return "";
            } else if (raw == int.class || raw == Integer.class) {
                return 0;
            } else if (raw == long.class || raw == Long.class) {
                return 0L;
            } else if (raw == boolean.class || raw == Boolean.class) {
                return false;
            } else if (raw == Path.class) {
                return Path.of("");
            } else if (raw == Duration.class) {
                return Duration.ZERO;
            } else if (raw == List.class) {
                return List.of();
            } else if (raw == Map.class) {
                return Map.of();
            } else if (raw.isRecord()) {
                return defaults(raw.asSubclass(Record.class));
            }
            throw new AssertionError("no default for " + type + ": teach the test and the codec this type");
        }

        /** Unicode, a newline, spaces and an order no sorting keeps: what a naive encoding would lose. */
        static Object other(Type type, String seed) {
            Class<?> raw = raw(type);
            if (raw == String.class) {
                return "é " + seed + "\n测试";
            } else if (raw == int.class || raw == Integer.class) {
                return 3;
            } else if (raw == long.class || raw == Long.class) {
                return 1L << 40;
            } else if (raw == boolean.class || raw == Boolean.class) {
                return true;
            } else if (raw == Path.class) {
                return Path.of("/a b", seed + "-测试.jar");
            } else if (raw == Duration.class) {
                return Duration.ofSeconds(7, 5);
            } else if (raw == List.class) {
                Type element = argument(type, 0);
                return List.of(other(element, seed + "-z"), other(element, seed + "-a"));
            } else if (raw == Map.class) {
                Map<Object, Object> map = new LinkedHashMap<>();
                for (String key : List.of("zeta", "alpha", "mid")) {
                    map.put(other(argument(type, 0), key), other(argument(type, 1), seed + "-" + key));
                }
                return map;
            } else if (raw.isRecord()) {
                return others(raw.asSubclass(Record.class), seed);
            }
            throw new AssertionError("no value for " + type + ": teach the test and the codec this type");
        }

        static Object get(RecordComponent component, Record record) {
            try {
                return component.getAccessor().invoke(record);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        }

        /** {@code record} with {@code component} set to {@code value}. */
        static <R extends Record> R with(R record, RecordComponent component, Object value) {
            @SuppressWarnings("unchecked")
            Class<R> type = (Class<R>) record.getClass();
            List<Object> values = new ArrayList<>();
            for (RecordComponent each : type.getRecordComponents()) {
                values.add(each.getName().equals(component.getName()) ? value : get(each, record));
            }
            return build(type, values.toArray());
        }

        private static <R extends Record> R build(Class<R> type, Object[] values) {
            Class<?>[] types = Arrays.stream(type.getRecordComponents())
                    .map(RecordComponent::getType)
                    .toArray(Class<?>[]::new);
            try {
                return type.getDeclaredConstructor(types).newInstance(values);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError("cannot build a " + type.getSimpleName() + ": " + e, e);
            }
        }

        private static Class<?> raw(Type type) {
            return type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        }

        private static Type argument(Type type, int index) {
            return ((ParameterizedType) type).getActualTypeArguments()[index];
        }
    }
}
