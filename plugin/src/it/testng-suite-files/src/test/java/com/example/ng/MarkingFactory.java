package com.example.ng;

import java.lang.reflect.Constructor;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.testng.ITestObjectFactory;

/** The pom's objectFactory: remembers the classes it created instances of. */
public class MarkingFactory implements ITestObjectFactory {
    public static final Set<Class<?>> CREATED = ConcurrentHashMap.newKeySet();

    @Override
    public <T> T newInstance(Class<T> cls, Object... parameters) {
        CREATED.add(cls);
        return ITestObjectFactory.super.newInstance(cls, parameters);
    }

    @Override
    public <T> T newInstance(Constructor<T> constructor, Object... parameters) {
        CREATED.add(constructor.getDeclaringClass());
        return ITestObjectFactory.super.newInstance(constructor, parameters);
    }
}
