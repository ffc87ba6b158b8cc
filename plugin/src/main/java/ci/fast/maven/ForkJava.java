package ci.fast.maven;

import ci.fast.maven.config.RunSettings;
import ci.fast.maven.config.SettingsException;
import java.util.List;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.toolchain.Toolchain;
import org.apache.maven.toolchain.ToolchainManager;

/**
 * The forks' java executable, chosen as Surefire chooses it: {@code jvm} when set; else the JDK of the user's
 * toolchains matching {@code jdkToolchain}; else the build's toolchain (maven-toolchains-plugin's); else null, for the
 * JVM running Maven.
 */
final class ForkJava {
    private ForkJava() {}

    /**
     * @throws SettingsException when {@code jdkToolchain} matches no JDK of the toolchains, or a toolchain has no java
     */
    static String choose(RunSettings.Jvm jvm, ToolchainManager toolchains, MavenSession session) {
        if (jvm.java() != null) {
            return jvm.java();
        }
        Toolchain toolchain;
        if (!jvm.jdkToolchain().isEmpty()) {
            List<Toolchain> matching = toolchains.getToolchains(session, "jdk", jvm.jdkToolchain());
            if (matching.isEmpty()) {
                throw new SettingsException("jdkToolchain " + jvm.jdkToolchain() + " matches no JDK in"
                        + " ~/.m2/toolchains.xml: add one there, or change the requirements");
            }
            toolchain = matching.get(0);
        } else {
            toolchain = toolchains.getToolchainFromBuildContext("jdk", session);
        }
        if (toolchain == null) {
            return null;
        }
        String java = toolchain.findTool("java");
        if (java == null) {
            throw new SettingsException("the toolchain " + toolchain + " has no java executable: check its jdkHome in"
                    + " ~/.m2/toolchains.xml");
        }
        return java;
    }
}
