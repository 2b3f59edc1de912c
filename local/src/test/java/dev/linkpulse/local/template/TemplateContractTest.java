package dev.linkpulse.local.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.linkpulse.template.FunctionSpec;
import dev.linkpulse.template.Resolver;
import dev.linkpulse.template.Template;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * template.yaml is the single source of truth: these checks keep code and template from drifting apart (a renamed
 * handler, a dangling reference, an undeclared environment variable, a function that ships what it must not). The
 * template's other contracts: {@link LeastPrivilegeContractTest}, {@link LossFreeContractTest},
 * {@link ScheduleAndSagaContractTest}, {@link CanaryContractTest}, {@link EdgeContractTest}.
 */
class TemplateContractTest {
  static final Path root = ProjectTemplate.ROOT;
  static final Template template = ProjectTemplate.TEMPLATE;

  @Test
  void everyRefGetAttAndSubPointsAtSomethingThatExists() {
    assertThat(danglingReferences(template)).as("references to nothing").isEmpty();
  }

  @Test
  void everyHandlerClassExists() {
    assertThat(missingHandlers(template)).isEmpty();
  }

  static List<String> danglingReferences(Template t) {
    Set<String> known = new HashSet<>(t.resources().keySet());
    known.addAll(t.parameters().keySet());
    known.addAll(Template.PSEUDO_PARAMETERS);
    known.addAll(t.samGeneratedIds());
    List<String> dangling = new ArrayList<>();
    for (String ref : Resolver.references(t.root())) if (!known.contains(ref)) dangling.add(ref);
    return dangling;
  }

  static List<String> missingHandlers(Template t) {
    List<String> missing = new ArrayList<>();
    for (FunctionSpec fn : t.functions()) {
      try {
        Class.forName(fn.handlerClass());
      } catch (ClassNotFoundException e) {
        missing.add(fn.logicalId() + ": " + fn.handlerClass());
      }
    }
    return missing;
  }

  @Test
  void everyFunctionHandlerExistsImplementsRequestHandlerAndIsInItsJar() throws Exception {
    for (FunctionSpec fn : template.functions()) {
      Class<?> handler = Class.forName(fn.handlerClass());
      assertThat(RequestHandler.class).as(fn.logicalId()).isAssignableFrom(handler);
      assertThat(Stream.of(handler.getMethods()).anyMatch(m -> m.getName().equals(fn.handlerMethod())))
          .as(fn.logicalId() + " has method " + fn.handlerMethod()).isTrue();
      Path jar = root.resolve(fn.codeUri());
      assertThat(fn.codeUri()).as(fn.logicalId() + " CodeUri").endsWith(".jar");
      // Built by the module's package phase, which runs before this module's tests in `mvn verify`.
      if (Files.exists(jar)) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
          assertThat(zip.getEntry(fn.handlerClass().replace('.', '/') + ".class"))
              .as(fn.logicalId() + ": " + fn.codeUri() + " contains " + fn.handlerClass()).isNotNull();
        }
      }
    }
  }

  @Test
  void everyEnvironmentVariableTheCodeRequiresIsDeclared() throws IOException {
    Pattern required = Pattern.compile("Env\\.require\\(\"([A-Z0-9_]+)\"\\)");
    Set<String> needed = new TreeSet<>();
    for (String module : List.of("core", "redirect", "pipeline", "deploy", "moderation")) {
      Path src = root.resolve(module).resolve("src/main/java");
      if (!Files.exists(src)) continue;
      try (Stream<Path> files = Files.walk(src)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
          Matcher m = required.matcher(Files.readString(f));
          while (m.find()) needed.add(m.group(1));
        }
      }
    }
    Set<String> declared = new HashSet<>();
    template.functions().forEach(fn -> declared.addAll(fn.environment().keySet()));
    assertThat(declared).as("variables declared in template.yaml").containsAll(needed);
  }

  @Test
  void theRedirectFunctionStaysLean() throws Exception {
    FunctionSpec redirect = ProjectTemplate.function("RedirectFunction");
    Path jar = root.resolve(redirect.codeUri());
    if (Files.exists(jar)) {
      List<String> forbidden = new ArrayList<>();
      try (ZipFile zip = new ZipFile(jar.toFile())) {
        zip.stream().map(e -> e.getName()).filter(n -> n.startsWith("org/aspectj/") || n.startsWith("software/amazon/lambda/powertools/")
            || n.startsWith("com/amazonaws/services/dynamodbv2/local/") || n.startsWith("org/elasticmq/") || n.startsWith("com/amazonaws/xray/")
            || n.startsWith("dev/linkpulse/links/") || n.startsWith("dev/linkpulse/local/")).limit(5).forEach(forbidden::add);
      }
      assertThat(forbidden).as("classes the redirect function must not ship").isEmpty();
    }
    // AspectJ weaves a class it advises with ajc$ members; the redirect path must have none.
    Class<?> handler = Class.forName(redirect.handlerClass());
    List<String> woven = new ArrayList<>();
    for (Class<?> c = handler; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) if (f.getName().startsWith("ajc$")) woven.add(c.getName() + "." + f.getName());
      for (Method m : c.getDeclaredMethods()) if (m.getName().contains("ajc$")) woven.add(c.getName() + "." + m.getName());
    }
    assertThat(woven).isEmpty();
  }

  @Test
  void aTemplateWithAMisspelledHandlerOrDanglingRefIsCaught(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    // The same checks as above, run on a template broken the two ways a rename breaks it.
    Template t = ProjectTemplate.edited(dir, yaml -> yaml
        .replace("dev.linkpulse.redirect.RedirectHandler::", "dev.linkpulse.redirect.RedirectHandlr::")
        .replace("!GetAtt LinkpulseTable.Arn", "!GetAtt LinkpulseTabel.Arn"));
    assertThat(danglingReferences(t)).contains("LinkpulseTabel");
    assertThat(missingHandlers(t)).containsExactly("RedirectFunction: dev.linkpulse.redirect.RedirectHandlr");
  }
}
