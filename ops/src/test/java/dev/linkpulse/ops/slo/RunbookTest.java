package dev.linkpulse.ops.slo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkpulse.local.LocalConfig;
import dev.linkpulse.ops.Linkpulse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Every runbook has the sections an on-call engineer looks for, in order; every alarm links one and every one is
 * linked; and every {@code ./linkpulse} command in them is one the real CLI accepts (a renamed option breaks this test,
 * not the next incident).
 */
class RunbookTest {
  static final Path RUNBOOKS = LocalConfig.findRoot().resolve("runbooks");
  static final List<String> SECTIONS = List.of("Summary", "Impact", "Dashboards", "Diagnosis", "Mitigation", "Escalation", "Validation");
  static final Pattern FENCE = Pattern.compile("(?ms)^```[a-z]*\\n(.*?)^```");
  /** Runbooks for an event rather than an alarm: no alarm links them; the index still must. */
  static final Set<String> EVENT_RUNBOOKS = Set.of("canary-rolled-back.md");
  static final Pattern HEADING = Pattern.compile("(?m)^## (.+)$");

  static Stream<Path> runbooks() throws IOException {
    try (Stream<Path> files = Files.list(RUNBOOKS)) {
      return files.filter(f -> f.toString().endsWith(".md") && !f.getFileName().toString().equals("README.md")).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("runbooks")
  void hasEverySectionInOrder(Path runbook) throws IOException {
    String text = Files.readString(runbook);
    assertThat(text).startsWith("# ");
    List<String> headings = new ArrayList<>();
    Matcher m = HEADING.matcher(text);
    while (m.find()) headings.add(m.group(1).strip());
    assertThat(headings).as(runbook.getFileName() + " sections").containsExactlyElementsOf(SECTIONS);
    for (String section : SECTIONS) {
      assertThat(section(text, section).strip()).as(runbook.getFileName() + ": " + section + " is not empty").isNotEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("runbooks")
  void diagnosisAndValidationHaveLocalCommandsAndMitigationRollsBack(Path runbook) throws IOException {
    String text = Files.readString(runbook);
    String name = runbook.getFileName().toString();
    List<String> localDiagnosis = localBlocks(section(text, "Diagnosis"));
    assertThat(localDiagnosis).as(name + ": Diagnosis has commands that run against the local stack").isNotEmpty();
    assertThat(localDiagnosis.get(0)).as(name + ": Diagnosis starts by pointing the shell at the local stack")
        .contains("eval \"$(./linkpulse env)\"");
    assertThat(localBlocks(section(text, "Validation"))).as(name + ": Validation has local commands").isNotEmpty();
    String mitigation = section(text, "Mitigation");
    assertThat(mitigation.toLowerCase()).as(name + ": Mitigation covers rollback").containsAnyOf("roll back", "rollback");
    assertThat(mitigation).as(name + ": Mitigation names the safest step first").contains("1. ");
    // an aws CLI command appears only in blocks marked (AWS)
    for (String block : localBlocks(text)) {
      assertThat(block).as(name + ": unmarked block uses the aws CLI:\n" + block).doesNotContainPattern("(?m)(^|[;|&(]\\s*)aws ");
    }
  }

  @Test
  void theDlqRunbooksUseTheDlqTool() throws IOException {
    for (String name : List.of("clicks-dlq-not-empty.md", "clicks-dlq-message-age.md", "aggregator-failures-not-empty.md")) {
      String text = Files.readString(RUNBOOKS.resolve(name));
      assertThat(text).contains("./linkpulse dlq list").contains("./linkpulse dlq peek").contains("./linkpulse dlq redrive");
    }
  }

  @Test
  void everyAlarmLinksARunbookAndEveryRunbookIsLinked() throws IOException {
    SloSpec spec = SloFile.load(LocalConfig.findRoot().resolve(SloRenderer.SLOS));
    Set<String> linked = new TreeSet<>();
    AlarmPlan.of(spec).alarms().forEach(a -> linked.add(a.runbook()));
    Set<String> files = new TreeSet<>();
    runbooks().forEach(p -> files.add(p.getFileName().toString()));
    files.removeAll(EVENT_RUNBOOKS);
    assertThat(files).as("runbooks no alarm links").containsExactlyInAnyOrderElementsOf(linked);
    String index = Files.readString(RUNBOOKS.resolve("README.md"));
    for (String f : EVENT_RUNBOOKS) assertThat(index).as("runbooks/README.md lists " + f).contains("(" + f + ")");
    for (String f : files) assertThat(index).as("runbooks/README.md lists " + f).contains("(" + f + ")");
  }

  @ParameterizedTest
  @MethodSource("runbooks")
  void relativeLinksPointAtFilesThatExist(Path runbook) throws IOException {
    Matcher m = Pattern.compile("\\]\\(([^)#:]+\\.md)(#[^)]*)?\\)").matcher(Files.readString(runbook));
    while (m.find()) {
      assertThat(runbook.getParent().resolve(m.group(1))).as(runbook.getFileName() + " links " + m.group(1)).exists();
    }
  }

  @Test
  void everyLinkpulseCommandInTheRunbooksParses() throws IOException {
    List<Path> all = new ArrayList<>(runbooks().toList());
    all.add(RUNBOOKS.resolve("README.md"));
    List<String> problems = new ArrayList<>();
    int checked = 0;
    for (Path runbook : all) {
      for (String line : logicalLines(Files.readString(runbook))) {
        int at = 0;
        while ((at = line.indexOf("./linkpulse", at)) >= 0) {
          List<String> args = arguments(line, at + "./linkpulse".length());
          at += 1;
          checked++;
          try {
            CommandLine.ParseResult parsed = Linkpulse.commandLine().parseArgs(args.toArray(String[]::new));
            if (!parsed.hasSubcommand()) problems.add(runbook.getFileName() + ": no subcommand: " + line);
          } catch (CommandLine.ParameterException e) {
            problems.add(runbook.getFileName() + ": `./linkpulse " + String.join(" ", args) + "`: " + e.getMessage());
          }
        }
      }
    }
    assertThat(checked).isGreaterThan(20);
    assertThat(problems).isEmpty();
  }

  /** The text of one {@code ## name} section. */
  static String section(String text, String name) {
    int start = text.indexOf("\n## " + name + "\n");
    if (start < 0) return "";
    int end = text.indexOf("\n## ", start + 4);
    return text.substring(start, end < 0 ? text.length() : end);
  }

  /** Code blocks that run locally: those not marked {@code # (AWS)} on their first line. */
  static List<String> localBlocks(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = FENCE.matcher(text);
    while (m.find()) if (!m.group(1).startsWith("# (AWS)")) out.add(m.group(1));
    return out;
  }

  /** Lines of every code block, backslash continuations joined. */
  static List<String> logicalLines(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = FENCE.matcher(text);
    while (m.find()) {
      StringBuilder line = new StringBuilder();
      for (String raw : m.group(1).split("\n")) {
        if (raw.endsWith("\\")) {
          line.append(raw, 0, raw.length() - 1).append(' ');
          continue;
        }
        line.append(raw);
        out.add(withoutComment(line.toString()));
        line.setLength(0);
      }
    }
    return out;
  }

  /** The line without a trailing shell comment (a # that starts a word outside quotes). */
  static String withoutComment(String line) {
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        if (c == quote) quote = 0;
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
        return line.substring(0, i);
      }
    }
    return line;
  }

  /** Shell words after {@code from}, up to the end of the simple command (| ; & ) > or a comment). */
  static List<String> arguments(String line, int from) {
    List<String> words = new ArrayList<>();
    StringBuilder word = null;
    int i = from;
    while (i < line.length()) {
      char c = line.charAt(i);
      if (Character.isWhitespace(c)) {
        if (word != null) words.add(word.toString());
        word = null;
        i++;
        continue;
      }
      if (word == null && (c == '|' || c == ';' || c == '&' || c == ')' || c == '>' || c == '#')) break;
      if (word == null) word = new StringBuilder();
      if (c == '\'' || c == '"') {
        int close = line.indexOf(c, i + 1);
        word.append(line, i + 1, close);
        i = close + 1;
      } else if (c == '|' || c == ';' || c == '&' || c == ')' || c == '>') {
        break;
      } else {
        word.append(c);
        i++;
      }
    }
    if (word != null) words.add(word.toString());
    return words;
  }
}
