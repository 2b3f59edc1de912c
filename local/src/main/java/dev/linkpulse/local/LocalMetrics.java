package dev.linkpulse.local;

import com.fasterxml.jackson.databind.JsonNode;
import dev.linkpulse.core.Json;
import dev.linkpulse.emulators.time.Timeline;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The local stand-in for CloudWatch's reading of Embedded Metric Format: functions print EMF lines to stdout as
 * they do in Lambda; this filter takes those lines out of the console and sums each metric by
 * {@code Service/Name}. Every other line passes through untouched.
 */
public final class LocalMetrics {
  private static final Map<String, LongAdder> SUMS = new ConcurrentHashMap<>();
  /** Who else reads the EMF lines: each running stack's CloudWatch, on that stack's timeline. */
  private static final java.util.List<Reader> READERS = new java.util.concurrent.CopyOnWriteArrayList<>();
  private static volatile boolean installed;

  private LocalMetrics() {}

  /** Installs the filter on System.out once per JVM (stacks started later in the same JVM share it). */
  static synchronized void install() {
    if (installed) return;
    PrintStream console = System.out;
    System.setOut(new PrintStream(new LineFilter(console), true, StandardCharsets.UTF_8));
    installed = true;
  }

  /** The sum of every value emitted for {@code service}/{@code metric} since the JVM started. */
  public static long sum(String service, String metric) {
    LongAdder a = SUMS.get(service + "/" + metric);
    return a == null ? 0 : a.sum();
  }

  private record Reader(java.util.function.Consumer<String> sink, Timeline timeline) {}

  /**
   * Hands every EMF line from now on to {@code reader} as well, until the answer is closed, each stamped on
   * {@code timeline} ({@link EmfStamps}): the reader is a stack's CloudWatch, which evaluates alarms on it.
   */
  static AutoCloseable subscribe(java.util.function.Consumer<String> reader, Timeline timeline) {
    Reader r = new Reader(reader, timeline);
    READERS.add(r);
    return () -> READERS.remove(r);
  }

  public static Map<String, Long> snapshot() {
    Map<String, Long> out = new TreeMap<>();
    SUMS.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }

  static void record(String line) {
    JsonNode node;
    try {
      node = Json.tree(line);
    } catch (Exception malformed) {
      // not JSON after all: CloudWatch counts it as an EMF parsing error, and there is nothing to sum
      READERS.forEach(r -> r.sink.accept(line));
      return;
    }
    READERS.forEach(r -> r.sink.accept(EmfStamps.onTimeline(line, node, r.timeline)));
    try {
      String service = node.path("Service").asText("unknown");
      for (JsonNode directive : node.path("_aws").path("CloudWatchMetrics")) {
        for (JsonNode metric : directive.path("Metrics")) {
          String name = metric.path("Name").asText();
          JsonNode value = node.get(name);
          if (value != null && value.isNumber()) SUMS.computeIfAbsent(service + "/" + name, k -> new LongAdder()).add(value.asLong());
        }
      }
    } catch (Exception malformed) {
      // not EMF after all: nothing to record
    }
  }

  private static final class LineFilter extends OutputStream {
    private final PrintStream console;
    private final ThreadLocal<ByteArrayOutputStream> line = ThreadLocal.withInitial(ByteArrayOutputStream::new);

    LineFilter(PrintStream console) {
      this.console = console;
    }

    @Override
    public void write(int b) {
      ByteArrayOutputStream buf = line.get();
      buf.write(b);
      if (b == '\n') flushLine(buf);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      for (int i = off; i < off + len; i++) write(b[i]);
    }

    @Override
    public void flush() {
      ByteArrayOutputStream buf = line.get();
      if (buf.size() > 0 && !startsWithEmf(buf)) flushLine(buf);
      console.flush();
    }

    private void flushLine(ByteArrayOutputStream buf) {
      String text = buf.toString(StandardCharsets.UTF_8);
      buf.reset();
      if (text.startsWith("{\"_aws\"")) record(text.trim());
      else console.print(text);
    }

    private static boolean startsWithEmf(ByteArrayOutputStream buf) {
      return buf.toString(StandardCharsets.UTF_8).startsWith("{\"_aws\"");
    }
  }
}
