package ci.fast.maven.run;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;

/** What the tests that start real forks need of this JVM: its class path for the forks, and a log that keeps quiet. */
final class TestJvm {
    /** A log that drops every line. */
    static final RunLog QUIET = new RunLog() {
        @Override
        public void info(String line) {}

        @Override
        public void warn(String line) {}

        @Override
        public void error(String line) {}

        @Override
        public void debug(String line) {}
    };

    private TestJvm() {}

    /** This JVM's class path: Surefire may hand it over in a manifest-only jar's Class-Path. */
    static List<Path> classPath() throws IOException {
        String[] entries = System.getProperty("java.class.path").split(File.pathSeparator);
        List<Path> path = new ArrayList<>();
        if (entries.length == 1 && entries[0].endsWith(".jar")) {
            try (JarFile jar = new JarFile(entries[0])) {
                String manifestPath = jar.getManifest().getMainAttributes().getValue("Class-Path");
                if (manifestPath != null) {
                    for (String url : manifestPath.trim().split("\\s+")) {
                        path.add(Path.of(URI.create(url)));
                    }
                    return path;
                }
            }
        }
        for (String entry : entries) {
            path.add(Path.of(entry));
        }
        return path;
    }
}
