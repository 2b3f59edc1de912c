package dev.linkpulse.local;

import dev.linkpulse.emulators.lambda.LocalFunction;
import dev.linkpulse.template.FunctionSpec;
import dev.linkpulse.template.Resolver;
import dev.linkpulse.template.Template;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The template's functions, as deployed: each from the artifact its {@code CodeUri} names (relative to the
 * template), with its memory, timeout and environment resolved from the template.
 */
final class Functions {
  private static final Logger LOG = Logger.getLogger(Functions.class.getName());

  private Functions() {}

  /**
   * @param runtimeEnvironment what every function gets besides its own variables: the region, the credentials of its
   *     role and the endpoints of the local services
   */
  static Map<String, LocalFunction> fromTemplate(Template template, Path templateDir, Resolver resolver,
      Map<String, String> runtimeEnvironment, boolean reportEveryInvocation) {
    Map<String, LocalFunction> functions = new LinkedHashMap<>();
    for (FunctionSpec spec : template.functions()) {
      Map<String, String> env = new LinkedHashMap<>(runtimeEnvironment);
      Template.map(resolver.resolve(spec.environment())).forEach((k, v) -> env.put(k, String.valueOf(v)));
      Object memory = spec.properties().get("MemorySize");
      Path artifact = templateDir.resolve(spec.codeUri());
      functions.put(spec.logicalId(), LocalFunction.builder(spec.logicalId(), spec.handlerClass()).artifact(artifact)
          .environment(env).timeoutSeconds(spec.timeoutSeconds()).memoryMb(memory == null ? 128 : Integer.parseInt(String.valueOf(memory)))
          .reportEveryInvocation(reportEveryInvocation).build());
    }
    warnIfStale(templateDir, functions);
    return functions;
  }

  /**
   * The stack runs what was built, not what was written: says so once for an artifact older than a source file or
   * pom of a module whose classes it ships ({@code ./linkpulse up} rebuilds first; a bare {@code mvn test} does not
   * package).
   */
  private static void warnIfStale(Path root, Map<String, LocalFunction> functions) {
    List<Path> modules = modules(root);
    functions.values().stream().flatMap(f -> f.artifact().stream()).distinct().forEach(jar -> {
      FileTime built = modified(jar);
      try (JarFile artifact = new JarFile(jar.toFile())) {
        modules.stream().filter(module -> ships(artifact, module)).flatMap(Functions::sources)
            .filter(source -> modified(source).compareTo(built) > 0).findFirst()
            .ifPresent(source -> LOG.warning("the stack runs " + root.relativize(jar) + ", which is older than "
                + root.relativize(source) + ": run mvn package (./linkpulse up does) to run what the sources say"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  private static List<Path> modules(Path root) {
    try (Stream<Path> dirs = Files.list(root)) {
      return dirs.filter(d -> Files.isDirectory(d.resolve("src/main")) && Files.isDirectory(d.resolve("target/classes"))).toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  /** Whether the artifact holds the module's classes: its first compiled class is in the jar. */
  private static boolean ships(JarFile artifact, Path module) {
    Path classes = module.resolve("target/classes");
    try (Stream<Path> walk = Files.walk(classes)) {
      return walk.filter(p -> p.toString().endsWith(".class")).findFirst()
          .map(c -> artifact.getEntry(classes.relativize(c).toString().replace('\\', '/')) != null).orElse(false);
    } catch (IOException e) {
      return false;
    }
  }

  private static Stream<Path> sources(Path module) {
    try (Stream<Path> walk = Files.walk(module.resolve("src/main"))) {
      return Stream.concat(Stream.of(module.resolve("pom.xml")), walk.filter(Files::isRegularFile).toList().stream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static FileTime modified(Path file) {
    try {
      return Files.getLastModifiedTime(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
