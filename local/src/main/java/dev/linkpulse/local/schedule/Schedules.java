package dev.linkpulse.local.schedule;

import dev.linkpulse.emulators.lambda.LocalFunction;
import dev.linkpulse.emulators.protocol.AwsAccount;
import dev.linkpulse.emulators.time.Timeline;
import dev.linkpulse.template.FunctionSpec;
import dev.linkpulse.template.Resolver;
import dev.linkpulse.template.Template;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The template's {@code Schedule} events (SAM's scheduled EventBridge rules, one per event, targeting the function's
 * alias) running on the stack's timeline. What a rule honours: {@code Schedule} (rate expressions), {@code Name},
 * {@code Enabled} / {@code State}, {@code Input} (sent instead of the scheduled event); and the function's
 * {@code EventInvokeConfig.MaximumRetryAttempts} (default 2). A schedule it cannot run stops the start-up, naming
 * the function and the event.
 */
public final class Schedules implements AutoCloseable {
  /** Lambda's retries of a failed asynchronous invocation when EventInvokeConfig says nothing. */
  static final int DEFAULT_RETRIES = 2;

  private final List<Schedule> schedules = new ArrayList<>();
  private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "schedules");
    t.setDaemon(true);
    return t;
  });

  private Schedules() {}

  /** Starts every enabled Schedule event of the template; {@code functions} by logical id (each routes its alias). */
  public static Schedules start(Template template, Resolver resolver, Map<String, LocalFunction> functions, Timeline timeline) {
    Schedules started = new Schedules();
    try {
      for (FunctionSpec spec : template.functions()) {
        for (var event : spec.events().entrySet()) {
          if (!"Schedule".equals(event.getValue().get("Type"))) continue;
          started.add(spec, event.getKey(), Template.map(resolver.resolve(event.getValue().get("Properties"))), functions, timeline);
        }
      }
      return started;
    } catch (RuntimeException e) {
      started.close();
      throw e;
    }
  }

  private void add(FunctionSpec spec, String eventName, Map<String, Object> p, Map<String, LocalFunction> functions, Timeline timeline) {
    String where = spec.logicalId() + "." + eventName;
    RateExpression rate;
    try {
      rate = RateExpression.parse(p.get("Schedule") == null ? null : String.valueOf(p.get("Schedule")));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(where + ": " + e.getMessage(), e);
    }
    boolean enabled = !"false".equals(String.valueOf(p.getOrDefault("Enabled", "true"))) && !"DISABLED".equals(p.get("State"));
    if (!enabled) return;
    String name = p.containsKey("Name") ? String.valueOf(p.get("Name")) : spec.logicalId() + eventName;
    String ruleArn = AwsAccount.arn("events", "rule/" + name);
    // SAM's Input is a JSON string; an object written in YAML is sent as its JSON rather than as Java's toString.
    Object given = p.get("Input");
    String input = given == null ? null : given instanceof String text ? text : dev.linkpulse.core.Json.write(given);
    LocalFunction function = functions.get(spec.logicalId());
    schedules.add(new Schedule(name, rate.interval(), function,
        tick -> input != null ? input : ScheduledEvent.json(ruleArn, AwsAccount.ACCOUNT_ID, AwsAccount.REGION, tick),
        retries(spec, where), timeline, worker).start());
  }

  private static int retries(FunctionSpec spec, String where) {
    Object configured = Template.map(spec.properties().get("EventInvokeConfig")).get("MaximumRetryAttempts");
    if (configured == null) return DEFAULT_RETRIES;
    int retries = Integer.parseInt(String.valueOf(configured));
    if (retries < 0 || retries > 2) throw new IllegalStateException(where + ": EventInvokeConfig.MaximumRetryAttempts must be 0, 1 or 2, got " + retries);
    return retries;
  }

  /** The running schedules' rule names. */
  public List<String> names() {
    return schedules.stream().map(Schedule::name).toList();
  }

  @Override
  public void close() {
    schedules.forEach(Schedule::stop);
    worker.shutdownNow();
  }
}
