package ci.fast.maven.booter.samples;

import java.lang.reflect.Constructor;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.testng.ITestObjectFactory;

/** A TestNG object factory that remembers the classes it created instances of. */
public class NgCountingFactory implements ITestObjectFactory {
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
