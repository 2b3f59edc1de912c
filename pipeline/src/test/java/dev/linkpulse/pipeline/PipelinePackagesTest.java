package dev.linkpulse.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shape of the pipeline's main code: the path of a click reads in one direction (recorder, then aggregator, then
 * live push; no package uses one that uses it back), and the DynamoDB adapters are reachable only through their ports.
 */
class PipelinePackagesTest {
  static final Path MAIN = Path.of("src/main/java/dev/linkpulse/pipeline");
  static final Pattern REFERENCE = Pattern.compile("dev\\.linkpulse\\.pipeline\\.([a-z]+)\\.[A-Z]");

  /** Package -> the pipeline packages its classes name. */
  static Map<String, Set<String>> uses() throws IOException {
    Map<String, Set<String>> uses = new TreeMap<>();
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        String pkg = MAIN.relativize(file.getParent()).toString();
        Set<String> used = uses.computeIfAbsent(pkg, k -> new TreeSet<>());
        Matcher m = REFERENCE.matcher(Files.readString(file));
        while (m.find()) if (!m.group(1).equals(pkg)) used.add(m.group(1));
      }
    }
    return uses;
  }

  @Test
  void packages_formNoCycle() throws IOException {
    Map<String, Set<String>> uses = uses();
    assertThat(uses).containsKeys("clicks", "counters", "recorder", "aggregator", "live", "stats");
    List<String> cycles = new ArrayList<>();
    for (String start : uses.keySet()) findCycles(uses, start, new ArrayList<>(List.of(start)), cycles);
    assertThat(cycles).as("package cycles").isEmpty();
  }

  private static void findCycles(Map<String, Set<String>> uses, String at, List<String> path, List<String> cycles) {
    for (String next : uses.getOrDefault(at, Set.of())) {
      if (next.equals(path.get(0))) {
        cycles.add(String.join(" -> ", path) + " -> " + next);
      } else if (!path.contains(next) && next.compareTo(path.get(0)) > 0) {
        // Only paths through packages after the start, so each cycle is reported once, from its first package.
        path.add(next);
        findCycles(uses, next, path, cycles);
        path.remove(path.size() - 1);
      }
    }
  }

  @Test
  void downstream_neverUsesUpstream() throws IOException {
    Map<String, Set<String>> uses = uses();
    assertThat(uses.get("live")).doesNotContain("aggregator", "recorder");
    assertThat(uses.get("counters")).doesNotContain("aggregator", "recorder", "live", "stats");
    assertThat(uses.get("clicks")).doesNotContain("counters", "aggregator", "recorder", "live", "stats");
  }

  @Test
  void adapters_arePackagePrivate() throws Exception {
    List<String> adapters = new ArrayList<>();
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path file : files.filter(p -> p.getFileName().toString().matches("(Dynamo|ManagementApi)\\w+\\.java")).toList()) {
        String name = "dev.linkpulse.pipeline." + MAIN.relativize(file).toString().replace('/', '.').replaceAll("\\.java$", "");
        adapters.add(name);
        assertThat(Modifier.isPublic(Class.forName(name).getModifiers())).as(name + " is public").isFalse();
      }
    }
    assertThat(adapters).hasSize(4);
    assertThat(Modifier.isPublic(Class.forName("dev.linkpulse.core.links.DynamoLinkStore").getModifiers())).as("the links adapter is public").isFalse();
  }
}
