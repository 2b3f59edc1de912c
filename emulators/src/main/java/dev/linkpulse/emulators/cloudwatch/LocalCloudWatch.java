package dev.linkpulse.emulators.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.linkpulse.emulators.protocol.AwsJsonServer;
import dev.linkpulse.emulators.protocol.EmulatorBuilder;
import dev.linkpulse.emulators.time.Timeline;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local CloudWatch: a metric store, the CloudWatch API on one HTTP endpoint (the AWS Query protocol the SDK for
 * Java speaks, and the JSON 1.0 protocol the aws CLI speaks), and alarms evaluated every minute of
 * {@link Timeline} time, whose actions are delivered to a local sink ({@link #notifications()}).
 *
 * <pre>{@code
 * try (LocalCloudWatch cw = LocalCloudWatch.builder().timeline(timeline).start()) {
 *   CloudWatchClient client = CloudWatchClient.builder().endpointOverride(cw.endpoint())...build();
 *   cw.putEmfLine(functionStdoutLine);          // EMF from a function's log
 *   cw.putMetric("AWS/SQS", "ApproximateNumberOfMessagesVisible", Map.of("QueueName", "q"), 3, "Count");
 *   timeline.advance(Duration.ofMinutes(5));    // alarms evaluate on the way
 *   cw.notifications();                         // who was paged
 * }
 * }</pre>
 */
public final class LocalCloudWatch implements AutoCloseable {
  /** The JSON protocol's target prefix for CloudWatch (botocore's service model). */
  static final String TARGET_PREFIX = "GraniteServiceVersion20100801";
  private static final Logger LOG = LoggerFactory.getLogger(LocalCloudWatch.class);

  private final Timeline timeline;
  private final MetricStore store = new MetricStore();
  private final Notifier notifier;
  private final AlarmEngine alarms;
  private final AwsJsonServer server;
  private volatile Timeline.Scheduled nextEvaluation;
  private volatile boolean closed;

  private LocalCloudWatch(Builder b) throws IOException {
    this.timeline = b.clock();
    this.notifier = new Notifier(b.listener);
    this.alarms = new AlarmEngine(store, notifier, timeline);
    Map<String, UnaryOperator<JsonNode>> operations = operations();
    Map<String, AwsJsonServer.Operation> json = new LinkedHashMap<>();
    operations.forEach((name, op) -> json.put(name, input -> JsonTimes.toJson(op.apply(input))));
    this.server = AwsJsonServer.builder().name("cloudwatch").host(b.bindHost()).port(b.bindPort()).jsonVersion("1.0")
        .service(TARGET_PREFIX, "com.amazonaws.cloudwatch", json)
        .untargeted(new QueryHandler(operations)).start();
    Instant now = timeline.now();
    scheduleEvaluation(Instant.ofEpochSecond((Math.floorDiv(now.getEpochSecond(), 60) + 1) * 60));
  }

  private Map<String, UnaryOperator<JsonNode>> operations() {
    MetricOperations metrics = new MetricOperations(store, timeline);
    MetricDataOperation data = new MetricDataOperation(store, timeline);
    AlarmOperations alarmOps = new AlarmOperations(alarms);
    Map<String, UnaryOperator<JsonNode>> ops = new LinkedHashMap<>();
    ops.put("PutMetricData", metrics::putMetricData);
    ops.put("GetMetricStatistics", metrics::getMetricStatistics);
    ops.put("ListMetrics", metrics::listMetrics);
    ops.put("GetMetricData", data::getMetricData);
    ops.put("PutMetricAlarm", alarmOps::putMetricAlarm);
    ops.put("PutCompositeAlarm", alarmOps::putCompositeAlarm);
    ops.put("DescribeAlarms", alarmOps::describeAlarms);
    ops.put("DescribeAlarmHistory", alarmOps::describeAlarmHistory);
    ops.put("SetAlarmState", alarmOps::setAlarmState);
    ops.put("DeleteAlarms", alarmOps::deleteAlarms);
    ops.put("EnableAlarmActions", alarmOps::enableAlarmActions);
    ops.put("DisableAlarmActions", alarmOps::disableAlarmActions);
    return ops;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** {@code http://127.0.0.1:<port>}: the {@code endpointOverride} of a CloudWatchClient, the aws CLI's {@code --endpoint-url}. */
  public URI endpoint() {
    return server.endpoint();
  }

  /**
   * Feeds one line of a function's log output: an Embedded Metric Format line becomes datapoints (one per metric
   * and dimension set, at the line's {@code _aws.Timestamp}); any other line is ignored. Answers how many
   * datapoints were stored. An EMF line that breaks the specification stores nothing and counts one
   * {@code AWS/Logs} {@code EMFParsingErrors} or {@code EMFValidationErrors}, as CloudWatch Logs does.
   */
  public int putEmfLine(String line) {
    List<Datum> data;
    try {
      data = EmfParser.parse(line);
    } catch (EmfParser.EmfException e) {
      LOG.debug("EMF line rejected: {}", e.getMessage());
      putMetric("AWS/Logs", e.parsing ? "EMFParsingErrors" : "EMFValidationErrors", Map.of(), 1, "Count");
      return 0;
    }
    data.forEach(store::put);
    return data.size();
  }

  /**
   * Records one datapoint now (timeline time), in any namespace, AWS's own included: how the local stack
   * publishes what AWS services publish for it ({@code AWS/SQS}, {@code AWS/Lambda}, {@code AWS/ApiGateway},
   * {@code AWS/Events}), which PutMetricData refuses from clients.
   */
  public void putMetric(String namespace, String metricName, Map<String, String> dimensions, double value, String unit) {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(metricName, "metricName");
    if (!Double.isFinite(value)) throw new IllegalArgumentException("metric values are finite numbers: " + value);
    if (unit != null && !MetricRequests.UNITS.contains(unit)) throw new IllegalArgumentException("not a CloudWatch unit: " + unit);
    store.put(Datum.value(MetricId.of(namespace, metricName, dimensions), timeline.now(), unit == null ? "None" : unit, 60, value));
  }

  /**
   * The state ({@code OK}, {@code ALARM} or {@code INSUFFICIENT_DATA}) of each named alarm, metric or composite, that
   * exists; a name no alarm has is left out. The shape of CodeDeploy's {@code AlarmReader} port, so the local stack
   * can hand this method to it.
   */
  public Map<String, String> alarmStates(Collection<String> names) {
    return alarms.states(names);
  }

  /** Every alarm action delivered so far, oldest first: the local SNS-like sink ("who was paged"). */
  public List<AlarmNotification> notifications() {
    return notifier.delivered();
  }

  private void scheduleEvaluation(Instant at) {
    if (closed) return;
    nextEvaluation = timeline.schedule(at, () -> evaluate(at));
  }

  private void evaluate(Instant at) {
    if (closed) return;
    try {
      store.compact(at);
      alarms.evaluateAll(at);
    } catch (RuntimeException e) {
      LOG.warn("alarm evaluation at {} failed", at, e);
    }
    scheduleEvaluation(at.plusSeconds(60));
  }

  @Override
  public void close() {
    closed = true;
    Timeline.Scheduled next = nextEvaluation;
    if (next != null) next.cancel();
    server.close();
  }

  /** Configures a local CloudWatch; {@link #start()} binds its port and starts evaluating alarms. */
  public static final class Builder extends EmulatorBuilder<Builder> {
    private Consumer<AlarmNotification> listener;

    private Builder() {}

    /** Called for every alarm action delivered, on the thread that changed the alarm's state. */
    public Builder onNotification(Consumer<AlarmNotification> listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    public LocalCloudWatch start() throws IOException {
      return new LocalCloudWatch(this);
    }
  }
}
