package dev.linkpulse.ops.fuzz;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * One {@code @FuzzTest} method: its module, class and method. Its name is the class's simple name without
 * {@code FuzzTest}, a dot, and the method ({@code UrlValidator.validate}).
 */
record FuzzTarget(String module, Path moduleDir, String className, String method, List<String> classpath) {
  String name() {
    String simple = className.substring(className.lastIndexOf('.') + 1);
    return simple.replaceFirst("FuzzTest$", "") + "." + method;
  }

  /** {@code --target} picks every target whose name contains it, ignoring case. */
  boolean matches(String pattern) {
    return pattern == null || name().toLowerCase(Locale.ROOT).contains(pattern.toLowerCase(Locale.ROOT));
  }

  /** Where Jazzer keeps the crash inputs a normal build replays: the class's {@code <Class>Inputs/<method>} resources. */
  Path inputsDir() {
    String simple = className.substring(className.lastIndexOf('.') + 1);
    String pkg = className.substring(0, className.lastIndexOf('.')).replace('.', '/');
    return moduleDir.resolve("src/test/resources").resolve(pkg).resolve(simple + "Inputs").resolve(method);
  }
}
