package ci.fast.maven.booter;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Names the per-JVM cache a test class needs, so that the server can give a fork the classes whose cache it has
 * already built: a Spring application context (Spring's test context framework keeps one per configuration in each
 * JVM), a Quarkus application per test profile. A scheduling hint only: two classes with one name should share the
 * cache, and a wrong name costs time, never a result.
 *
 * <p>Read from the class's annotations alone, after it ran: no framework code is called, so nothing is logged, loaded
 * or started that the test did not cause itself. A Spring class's name is a digest of its Spring annotations (those
 * of {@code org.springframework} and the project's own annotations composed of them, on the class, its superclasses
 * and interfaces, with their values) and of its mock-bean fields: what decides Spring's context cache key, less the
 * configuration classes Spring Boot finds by scanning, which classes of one module share.
 */
public final class ContextKey {
    private static final String SPRING = "org.springframework.";
    private static final String QUARKUS_TEST = "io.quarkus.test.junit.QuarkusTest";
    private static final String QUARKUS_PROFILE = "io.quarkus.test.junit.TestProfile";

    private ContextKey() {}

    /** The cache {@code className} needs, such as {@code spring:1a2b3c4d5e6f}; "" for none or a class not found. */
    public static String of(String className) {
        Class<?> test;
        try {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            test = Class.forName(className, false, loader == null ? TestsLoader.get() : loader);
        } catch (ReflectiveOperationException | LinkageError e) {
            return "";
        }
        try {
            return of(test);
        } catch (RuntimeException | LinkageError e) {
            return ""; // an annotation whose class is missing, a security manager: no hint
        }
    }

    static String of(Class<?> test) {
        Set<String> spring = new TreeSet<>();
        String quarkusProfile = null;
        boolean quarkus = false;
        for (Class<?> type : hierarchy(test)) {
            for (Annotation annotation : type.getDeclaredAnnotations()) {
                String name = annotation.annotationType().getName();
                if (name.equals(QUARKUS_TEST)) {
                    quarkus = true;
                } else if (name.equals(QUARKUS_PROFILE)) {
                    quarkusProfile = annotation.toString();
                } else if (isSpring(annotation.annotationType())) {
                    spring.add(annotation.toString());
                }
            }
            for (Field field : type.getDeclaredFields()) {
                for (Annotation annotation : field.getDeclaredAnnotations()) {
                    String name = annotation.annotationType().getName();
                    if (name.startsWith(SPRING) && name.endsWith("Bean")) {
                        spring.add(annotation + " " + field.getGenericType().getTypeName() + " " + field.getName());
                    }
                }
            }
        }
        if (quarkus) {
            return "quarkus:" + digest(quarkusProfile == null ? "default" : quarkusProfile);
        }
        return spring.isEmpty() ? "" : "spring:" + digest(String.join("\n", spring));
    }

    /** The class, its superclasses and every interface they implement, the class first. */
    private static Set<Class<?>> hierarchy(Class<?> test) {
        Set<Class<?>> all = new LinkedHashSet<>();
        Deque<Class<?>> todo = new ArrayDeque<>();
        todo.add(test);
        while (!todo.isEmpty()) {
            Class<?> type = todo.poll();
            if (type == null || type == Object.class || !all.add(type)) {
                continue;
            }
            todo.add(type.getSuperclass());
            todo.addAll(List.of(type.getInterfaces()));
        }
        return all;
    }

    /** Whether {@code type} is Spring's, or composed of Spring's annotations (at any depth). */
    private static boolean isSpring(Class<? extends Annotation> type) {
        Set<Class<?>> seen = new HashSet<>();
        Deque<Class<? extends Annotation>> todo = new ArrayDeque<>();
        todo.add(type);
        while (!todo.isEmpty()) {
            Class<? extends Annotation> next = todo.poll();
            if (!seen.add(next) || next.getName().startsWith("java.lang.annotation.")) {
                continue;
            }
            if (next.getName().startsWith(SPRING)) {
                return true;
            }
            for (Annotation meta : next.getDeclaredAnnotations()) {
                todo.add(meta.annotationType());
            }
        }
        return false;
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
