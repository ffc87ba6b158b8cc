package ci.fast.maven.booter;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes and reads a record as one length-prefixed binary frame, component by component in declaration order, so that
 * a component added to {@link ForkSettings} travels without a line of code here. JDK only: it runs in the fork's
 * system loader, beside the tests.
 *
 * <p>Supported component types: {@code String}, {@code int}, {@code long}, {@code boolean} (and their boxes),
 * {@code Path}, {@code Duration}, {@code List} and {@code Map} of supported types, and records made of them. Every
 * value but a primitive may be null. A list comes back unmodifiable, a map in its written order.
 */
public final class SettingsCodec {
    /** Frames larger than this are not settings: something else is talking on the port. */
    static final int MAX_FRAME = 256 * 1024 * 1024;

    private SettingsCodec() {}

    /**
     * Writes {@code settings} as one frame; the caller flushes.
     *
     * @throws IllegalArgumentException naming the component whose type the codec cannot write
     */
    public static void write(DataOutputStream out, Record settings) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream frame = new DataOutputStream(bytes);
        record(frame, settings.getClass(), settings);
        frame.flush();
        out.writeInt(bytes.size());
        bytes.writeTo(out);
    }

    /** Reads one frame written by {@link #write} for a record of {@code type}. */
    public static <R extends Record> R read(DataInputStream in, Class<R> type) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > MAX_FRAME) {
            throw new IOException("not a settings frame: length " + length);
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        DataInputStream frame = new DataInputStream(new ByteArrayInputStream(bytes));
        R settings = type.cast(record(frame, type));
        if (frame.available() > 0) {
            throw new IOException("the settings frame has " + frame.available() + " bytes beyond a " + type.getName()
                    + ": the two ends run different versions");
        }
        return settings;
    }

    private static void record(DataOutputStream out, Class<?> type, Object record) throws IOException {
        for (RecordComponent component : type.getRecordComponents()) {
            Object value;
            try {
                value = component.getAccessor().invoke(record);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalArgumentException("cannot read " + where(component) + ": " + e, e);
            }
            try {
                value(out, component.getGenericType(), value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where(component) + ": " + e.getMessage(), e);
            }
        }
    }

    private static Object record(DataInputStream in, Class<?> type) throws IOException {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = value(in, components[i].getGenericType());
        }
        try {
            Constructor<?> canonical = type.getDeclaredConstructor(types);
            return canonical.newInstance(values);
        } catch (InvocationTargetException e) {
            throw new IOException(
                    "the settings frame holds an invalid " + type.getSimpleName() + ": "
                            + e.getCause().getMessage(),
                    e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("cannot build a " + type.getName() + ": " + e, e);
        }
    }

    private static void value(DataOutputStream out, Type type, Object value) throws IOException {
        Class<?> raw = raw(type);
        if (raw.isPrimitive()) {
            primitive(out, raw, value);
            return;
        }
        out.writeBoolean(value != null);
        if (value == null) {
            return;
        }
        if (raw == String.class) {
            byte[] bytes = ((String) value).getBytes(StandardCharsets.UTF_8);
            out.writeInt(bytes.length);
            out.write(bytes);
        } else if (raw == Integer.class || raw == Long.class || raw == Boolean.class) {
            primitive(out, raw, value);
        } else if (raw == Path.class) {
            value(out, String.class, value.toString());
        } else if (raw == Duration.class) {
            Duration duration = (Duration) value;
            out.writeLong(duration.getSeconds());
            out.writeInt(duration.getNano());
        } else if (raw == List.class) {
            List<?> list = (List<?>) value;
            out.writeInt(list.size());
            for (Object element : list) {
                value(out, argument(type, 0), element);
            }
        } else if (raw == Map.class) {
            Map<?, ?> map = (Map<?, ?>) value;
            out.writeInt(map.size());
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                value(out, argument(type, 0), entry.getKey());
                value(out, argument(type, 1), entry.getValue());
            }
        } else if (raw.isRecord()) {
            record(out, raw, value);
        } else {
            throw unsupported(type);
        }
    }

    private static Object value(DataInputStream in, Type type) throws IOException {
        Class<?> raw = raw(type);
        if (raw.isPrimitive()) {
            return primitive(in, raw);
        }
        if (!in.readBoolean()) {
            return null;
        }
        if (raw == String.class) {
            byte[] bytes = new byte[in.readInt()];
            in.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        } else if (raw == Integer.class) {
            return in.readInt();
        } else if (raw == Long.class) {
            return in.readLong();
        } else if (raw == Boolean.class) {
            return in.readBoolean();
        } else if (raw == Path.class) {
            return Path.of((String) value(in, String.class));
        } else if (raw == Duration.class) {
            return Duration.ofSeconds(in.readLong(), in.readInt());
        } else if (raw == List.class) {
            int size = in.readInt();
            List<Object> list = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                list.add(value(in, argument(type, 0)));
            }
            // Not List.copyOf: an element may be null.
            return Collections.unmodifiableList(list);
        } else if (raw == Map.class) {
            int size = in.readInt();
            Map<Object, Object> map = new LinkedHashMap<>();
            for (int i = 0; i < size; i++) {
                Object key = value(in, argument(type, 0));
                map.put(key, value(in, argument(type, 1)));
            }
            return Collections.unmodifiableMap(map);
        } else if (raw.isRecord()) {
            return record(in, raw);
        }
        throw unsupported(type);
    }

    private static void primitive(DataOutputStream out, Class<?> type, Object value) throws IOException {
        if (type == int.class || type == Integer.class) {
            out.writeInt((Integer) value);
        } else if (type == long.class || type == Long.class) {
            out.writeLong((Long) value);
        } else if (type == boolean.class || type == Boolean.class) {
            out.writeBoolean((Boolean) value);
        } else {
            throw unsupported(type);
        }
    }

    private static Object primitive(DataInputStream in, Class<?> type) throws IOException {
        if (type == int.class) {
            return in.readInt();
        } else if (type == long.class) {
            return in.readLong();
        } else if (type == boolean.class) {
            return in.readBoolean();
        }
        throw unsupported(type);
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        throw unsupported(type);
    }

    private static Type argument(Type type, int index) {
        if (type instanceof ParameterizedType p) {
            return p.getActualTypeArguments()[index];
        }
        throw unsupported(type);
    }

    private static IllegalArgumentException unsupported(Type type) {
        return new IllegalArgumentException("the settings codec cannot carry a " + type.getTypeName()
                + ": use String, int, long, boolean, Path, Duration, List, Map or a record of them");
    }

    private static String where(RecordComponent component) {
        return component.getDeclaringRecord().getSimpleName() + "." + component.getName();
    }
}
