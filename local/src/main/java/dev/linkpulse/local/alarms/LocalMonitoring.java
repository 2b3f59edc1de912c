package dev.linkpulse.local.alarms;

import dev.linkpulse.emulators.cloudwatch.AlarmNotification;
import dev.linkpulse.emulators.cloudwatch.LocalCloudWatch;
import dev.linkpulse.emulators.time.Timeline;
import dev.linkpulse.template.Resolver;
import dev.linkpulse.template.Template;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * CloudWatch for the local stack: a {@link LocalCloudWatch} on the stack's timeline, holding the alarms of every
 * nested stack of the template whose file is local ({@code alarms/alarms.yaml}, with the parameters the parent passes
 * it resolved to the local resources), fed the EMF lines the functions print and the metrics the stack's own
 * resources publish; its alarm actions go to a {@link NotificationLog}.
 */
public final class LocalMonitoring implements AutoCloseable {
  private final LocalCloudWatch cloudWatch;
  private final List<AutoCloseable> closeables = new ArrayList<>();
  private final Timeline timeline;
  private final List<String> alarmNames = new ArrayList<>();
  /** The next run of each poller. */
  private final List<java.util.concurrent.atomic.AtomicReference<Timeline.Scheduled>> polls = new java.util.concurrent.CopyOnWriteArrayList<>();
  private volatile boolean closed;
  private Path notificationLog;

  private LocalMonitoring(LocalCloudWatch cloudWatch, Timeline timeline) {
    this.cloudWatch = cloudWatch;
    this.timeline = timeline;
  }

  /**
   * Starts CloudWatch on {@code port} (0: a free one) and deploys the template's alarms stacks. {@code emf} is
   * handed the consumer that takes the functions' stdout lines; it answers how to stop feeding it.
   */
  public static LocalMonitoring start(int port, Timeline timeline, Path stateDir, Template parent, Path templateDir, Resolver resolver,
      java.util.function.Function<Consumer<String>, AutoCloseable> emf) throws Exception {
    // The log is named after the port, known once CloudWatch has bound it; alarms notify only once deployed below.
    java.util.concurrent.atomic.AtomicReference<NotificationLog> log = new java.util.concurrent.atomic.AtomicReference<>();
    LocalCloudWatch cw = LocalCloudWatch.builder().timeline(timeline).port(port).onNotification(n -> {
      NotificationLog l = log.get();
      if (l != null) l.append(n);
    }).start();
    LocalMonitoring m = new LocalMonitoring(cw, timeline);
    try {
      log.set(new NotificationLog(stateDir.resolve("notifications-" + cw.endpoint().getPort() + ".ndjson")));
      m.notificationLog = log.get().file();
      m.closeables.add(emf.apply(line -> cw.putEmfLine(line)));
      AlarmsDeployer deployer = new AlarmsDeployer(cw.endpoint());
      for (Map<String, Object> stack : parent.resourcesOfType("AWS::CloudFormation::Stack").values()) {
        String url = String.valueOf(stack.get("TemplateURL"));
        if (url.contains("://")) continue;
        Map<String, String> parameters = new LinkedHashMap<>();
        Template.map(stack.get("Parameters")).forEach((k, v) -> parameters.put(k, resolver.string(v)));
        m.alarmNames.addAll(deployer.deploy(AlarmsStack.load(templateDir.resolve(url), parameters)));
      }
      return m;
    } catch (Exception e) {
      m.close();
      throw e;
    }
  }

  /** Publishes what SQS publishes for {@code queueUrls} (logical id to URL), once a minute of timeline time. */
  public void publishQueueMetrics(SqsClient sqs, Map<String, String> queueUrls) {
    poll(new QueueMetrics(sqs, queueUrls, cloudWatch));
  }

  /** Publishes EventBridge's FailedInvocations of {@code rule} on {@code bus}, from the endpoint's count so far. */
  public void publishFailedInvocations(java.util.function.LongSupplier failedSoFar, String bus, String rule) {
    poll(ServiceMetrics.failedInvocations(cloudWatch, failedSoFar, bus, rule));
  }

  /** What Lambda publishes for a function's invocations: hand it to each function. */
  public dev.linkpulse.emulators.lambda.InvocationListener lambdaMetrics() {
    return ServiceMetrics.lambda(cloudWatch);
  }

  /** What API Gateway publishes for the HTTP API {@code apiId}: hand it to the gateway. */
  public dev.linkpulse.emulators.apigateway.RequestListener apiMetrics(String apiId) {
    return ServiceMetrics.api(cloudWatch, apiId);
  }

  /** Runs {@code metrics} half a minute into every minute of timeline time. */
  private void poll(Runnable metrics) {
    Instant now = timeline.now();
    java.util.concurrent.atomic.AtomicReference<Timeline.Scheduled> next = new java.util.concurrent.atomic.AtomicReference<>();
    polls.add(next);
    schedulePoll(metrics, Instant.ofEpochSecond((Math.floorDiv(now.getEpochSecond(), 60) + 1) * 60 - 30), next);
  }

  private void schedulePoll(Runnable metrics, Instant at, java.util.concurrent.atomic.AtomicReference<Timeline.Scheduled> next) {
    if (closed) return;
    next.set(timeline.schedule(at, () -> {
      try {
        metrics.run();
      } catch (RuntimeException e) {
        // a poll that fails (the stack closing, say) is a missing datapoint, as on AWS
      }
      schedulePoll(metrics, at.plusSeconds(60), next);
    }));
  }

  /** The file every alarm action is appended to ({@link NotificationLog}). */
  public Path notificationLog() {
    return notificationLog;
  }

  public URI endpoint() {
    return cloudWatch.endpoint();
  }

  /** The engine itself: for the stack's own metrics ({@code putMetric}) and for reading alarm states. */
  public LocalCloudWatch cloudWatch() {
    return cloudWatch;
  }

  /** Every alarm deployed, in creation order. */
  public List<String> alarmNames() {
    return List.copyOf(alarmNames);
  }

  /** Every alarm action delivered so far, oldest first. */
  public List<AlarmNotification> notifications() {
    return cloudWatch.notifications();
  }

  /** The state of each named alarm that exists: CodeDeploy's {@code AlarmReader} shape. */
  public Map<String, String> alarmStates(Collection<String> names) {
    return cloudWatch.alarmStates(names);
  }

  @Override
  public void close() {
    closed = true;
    for (var next : polls) {
      Timeline.Scheduled s = next.get();
      if (s != null) s.cancel();
    }
    for (AutoCloseable c : closeables) {
      try {
        c.close();
      } catch (Exception ignored) {
        // best effort, as the stack closes its parts
      }
    }
    cloudWatch.close();
  }
}
