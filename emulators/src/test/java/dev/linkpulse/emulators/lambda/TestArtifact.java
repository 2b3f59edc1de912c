package dev.linkpulse.emulators.lambda;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.linkpulse.emulators.lambda.fixture.Absent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.function.Predicate;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.joda.time.DateTime;

/**
 * A deployment artifact for tests, built the way shade builds the real ones: the fixture functions' classes (all
 * but those left out on purpose) and the entries of the libraries they ship, copied into one jar.
 */
final class TestArtifact {
  static final String FIXTURES = Absent.class.getPackageName().replace('.', '/') + "/";

  /** Lambda's core types, its SQS event type and joda-time (which the event types need): what a fixture ships. */
  static final Predicate<String> LAMBDA_TYPES = name -> name.startsWith("com/amazonaws/services/lambda/runtime/")
      && !name.startsWith("com/amazonaws/services/lambda/runtime/events/") || name.startsWith("com/amazonaws/services/lambda/runtime/events/SQSEvent")
      || name.startsWith("org/joda/time/");

  private TestArtifact() {}

  /** The artifact the lambda tests share: every fixture function but {@code Absent}, with {@link #LAMBDA_TYPES}. */
  static Path fixtures(Path dir) {
    return build(dir, List.of("Absent"), LAMBDA_TYPES, RequestHandler.class, SQSEvent.class, DateTime.class);
  }

  /**
   * @param leaveOut fixture classes (simple names) the jar must lack
   * @param libraries classes whose jars are shipped, each filtered by {@code shipped}
   */
  static Path build(Path dir, List<String> leaveOut, Predicate<String> shipped, Class<?>... libraries) {
    Path jar = dir.resolve("function-" + System.nanoTime() + ".jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      Path classes = location(TestArtifact.class).resolve(FIXTURES);
      try (Stream<Path> files = Files.list(classes)) {
        for (Path f : files.toList()) {
          String simple = f.getFileName().toString().replaceAll("[$.].*", "");
          if (!leaveOut.contains(simple)) put(out, FIXTURES + f.getFileName(), Files.readAllBytes(f));
        }
      }
      for (Class<?> library : libraries) copy(location(library), shipped, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return jar;
  }

  private static void copy(Path libraryJar, Predicate<String> shipped, JarOutputStream out) throws IOException {
    try (JarFile in = new JarFile(libraryJar.toFile())) {
      for (Enumeration<JarEntry> e = in.entries(); e.hasMoreElements(); ) {
        JarEntry entry = e.nextElement();
        if (entry.isDirectory() || entry.getName().startsWith("META-INF/") || !shipped.test(entry.getName())) continue;
        try (InputStream data = in.getInputStream(entry)) {
          put(out, entry.getName(), data.readAllBytes());
        }
      }
    }
  }

  private static void put(JarOutputStream out, String name, byte[] data) throws IOException {
    out.putNextEntry(new JarEntry(name));
    out.write(data);
    out.closeEntry();
  }

  static Path location(Class<?> c) {
    try {
      return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
