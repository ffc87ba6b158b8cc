package ci.fast.maven.pom;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.Parameter;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Which of Surefire's configured parameters a fast-ci execution takes: those it has under the same name (or alias),
 * that it may be configured with, and that its own pom does not set. Surefire's switches are left out, unless the
 * execution stands in for Surefire's (then they are the pom's way to say the tests of this module do not run).
 *
 * @param configuration the children to apply, each under the fast-ci parameter's name
 * @param taken the names taken, in Surefire's order
 * @param unsupported Surefire's names fast-ci has no parameter for
 */
record InheritedParameters(Xpp3Dom configuration, List<String> taken, List<String> unsupported) {
    /** Surefire's parameters that turn it off: a pom that binds fast-ci sets them to keep Surefire from running. */
    static final Set<String> SWITCHES = Set.of("skip", "skipTests", "skipExec");

    InheritedParameters {
        taken = List.copyOf(taken);
        unsupported = List.copyOf(unsupported);
    }

    /**
     * Selects from {@code surefire} what the execution of {@code descriptor}, which sets {@code explicit} itself,
     * takes; {@code withSwitches} when it runs in place of Surefire's execution.
     */
    static InheritedParameters select(
            Xpp3Dom surefire, MojoDescriptor descriptor, Set<String> explicit, boolean withSwitches) {
        Xpp3Dom configuration = new Xpp3Dom("configuration");
        List<String> taken = new ArrayList<>();
        List<String> unsupported = new ArrayList<>();
        for (Xpp3Dom child : surefire.getChildren()) {
            String name = child.getName();
            if (!withSwitches && SWITCHES.contains(name)) {
                continue;
            }
            Parameter parameter = parameter(descriptor, name);
            if (parameter == null) {
                unsupported.add(name);
            } else if (parameter.isEditable()
                    && !explicit.contains(parameter.getName())
                    && configuration.getChild(parameter.getName()) == null) {
                Xpp3Dom value = new Xpp3Dom(child, parameter.getName());
                if (value.getAttribute("implementation") == null && parameter.getImplementation() != null) {
                    value.setAttribute("implementation", parameter.getImplementation());
                }
                configuration.addChild(value);
                taken.add(name);
            }
        }
        return new InheritedParameters(configuration, taken, unsupported);
    }

    private static Parameter parameter(MojoDescriptor descriptor, String name) {
        if (descriptor.getParameters() == null) {
            return null;
        }
        for (Parameter parameter : descriptor.getParameters()) {
            if (name.equals(parameter.getName()) || name.equals(parameter.getAlias())) {
                return parameter;
            }
        }
        return null;
    }
}
