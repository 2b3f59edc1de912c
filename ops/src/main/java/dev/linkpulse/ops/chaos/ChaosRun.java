package dev.linkpulse.ops.chaos;

import dev.linkpulse.local.StackProcess;
import dev.linkpulse.ops.Linkpulse;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * One chaos run: a {@code --data} stack in a child process, traffic in stretches with one fault between each two,
 * a DLQ redrive, then a wait until the pipeline has settled, and the counts compared with what was sent.
 */
final class ChaosRun {
  private static final String USER = "chaos";
  private static final long RECORDER_CRASH_SECONDS = 10;
  /** The moderation saga's time to activate the links, cold functions on a loaded machine included. */
  private static final Duration LINKS_ACTIVE = Duration.ofMinutes(3);

  private final long clicks;
  private final Path dataDir;
  private final long seed;
  private final Duration settle;
  private final PrintWriter out;
  private final ChaosTraffic traffic;
  private final ChaosReport report = new ChaosReport();
  private final StackProcess.StackPorts ports;
  private final Path log;
  private final Map<String, String> parameters;
  private StackProcess stack;

  /** @param parameters template parameters the stack is started with */
  ChaosRun(long clicks, int links, int concurrency, Path dataDir, long seed, Duration settle, Map<String, String> parameters, PrintWriter out)
      throws java.io.IOException {
    this.clicks = clicks;
    this.parameters = Map.copyOf(parameters);
    this.dataDir = dataDir;
    this.seed = seed;
    this.settle = settle;
    this.out = out;
    this.traffic = new ChaosTraffic(new ClickLedger(clicks, links), concurrency);
    this.ports = StackProcess.StackPorts.free();
    this.log = dataDir.resolveSibling(dataDir.getFileName() + "-stack.log");
  }

  /** The run's totals: exact when no answered click was lost and none was counted twice. */
  ChaosResult run() throws Exception {
    List<Fault> order = new ArrayList<>(Arrays.asList(Fault.values()));
    Collections.shuffle(order, new Random(seed));
    out.println("chaos: " + clicks + " clicks, seed " + seed + ", data " + dataDir + ", stack log " + log);
    out.println("chaos: faults in order " + order.stream().map(Fault::label).toList());
    out.flush();
    try {
      start();
      traffic.createLinks();
      traffic.awaitActive(LINKS_ACTIVE);
      long stretch = clicks / (order.size() + 1);
      traffic.send(clicks - stretch * order.size());
      try (ChaosFaults faults = faults()) {
        for (Fault fault : order) {
          if (fault == Fault.KILL_DASH_NINE) killDuringStretch(stretch);
          else injectDuringStretch(fault, faults, stretch);
          faults.clearDynamoFaults();
          progress("after " + fault.label());
        }
        redrive(faults);
        ClickCensus census = new ChaosSettle(traffic, () -> backlog(faults), settle, out).await();
        out.println("chaos: clicks DLQ holds " + faults.dlqDepth() + " messages at the end (poison messages end there)");
        return report.print(traffic, census, out);
      }
    } finally {
      if (stack != null) stack.close();
    }
  }

  private void inject(Fault fault, ChaosFaults faults) throws Exception {
    switch (fault) {
      case DUPLICATE_PUBLISHES -> report.injected(fault, faults.duplicatePublishes());
      case RECORDER_CRASHES -> {
        faults.recorderCrashes(RECORDER_CRASH_SECONDS);
        report.injected(fault, RECORDER_CRASH_SECONDS);
      }
      case AGGREGATOR_CRASHES -> {
        faults.aggregatorCrashes();
        report.injected(fault, 1);
      }
      case POISON_MESSAGES -> report.injected(fault, faults.poisonMessages());
      case PARKED_IN_DLQ -> report.injected(fault, faults.parkInDlq());
      case DYNAMODB_THROTTLING -> {
        faults.throttling();
        report.injected(fault, 1);
      }
      case KILL_DASH_NINE -> throw new IllegalArgumentException("kill -9 is injected during a stretch (killDuringStretch)");
    }
  }

  /**
   * Sends a stretch and injects the fault as it starts: a fault that takes click messages off the queue finds them
   * while clicks flow (once the recorder has drained a finished stretch there would be none to take).
   */
  private void injectDuringStretch(Fault fault, ChaosFaults faults, long stretch) throws Exception {
    var sending = traffic.start(stretch);
    inject(fault, faults);
    sending.get();
  }

  /**
   * Sends a stretch and, once half its clicks have gone out, kills the stack with redirects in flight and restarts it;
   * the clients wait out the restart (a refused connection is sent again) and finish the stretch.
   */
  private void killDuringStretch(long stretch) throws Exception {
    long half = traffic.issued() + stretch / 2;
    var sending = traffic.start(stretch);
    while (traffic.issued() < half && !sending.isDone()) Thread.sleep(5);
    long killed = System.nanoTime();
    stack.kill();
    report.injected(Fault.KILL_DASH_NINE, 1);
    start();
    report.killed(new ClickLedger.KillWindow(killed, System.nanoTime()));
    sending.get();
  }

  private static long backlog(ChaosFaults faults) {
    try {
      return faults.backlog();
    } catch (RuntimeException unreachable) {
      return -1;
    }
  }

  /** The existing {@code dlq redrive} command, in process, against the stack's SQS. */
  private void redrive(ChaosFaults faults) {
    long before = faults.dlqDepth();
    StringWriter text = new StringWriter();
    var cli = Linkpulse.commandLine();
    cli.setOut(new PrintWriter(text, true));
    cli.setErr(new PrintWriter(text, true));
    int exit = cli.execute("dlq", "redrive", faults.clicksDlq(), "--no-backup", "--endpoint-url", sqsEndpoint(), "--dynamodb-endpoint-url", dynamoEndpoint());
    long after = faults.dlqDepth();
    out.println("chaos: dlq redrive exited " + exit + ", clicks DLQ " + before + " -> " + after + " messages");
    if (exit != 0) out.println(text);
    report.redriven(Math.max(before - after, 0));
  }

  private void start() throws Exception {
    stack = StackProcess.start(dataDir, ports, USER, log, parameters);
    traffic.target(stack.apiUrl(), stack.token());
  }

  private ChaosFaults faults() {
    return new ChaosFaults(stack.apiUrl(), sqsEndpoint(), dynamoEndpoint());
  }

  private String sqsEndpoint() {
    return "http://127.0.0.1:" + ports.sqs();
  }

  private String dynamoEndpoint() {
    return "http://127.0.0.1:" + ports.dynamo();
  }

  private void progress(String when) {
    out.println("chaos: " + traffic.ledger().sent() + " sent " + when);
    out.flush();
  }
}
