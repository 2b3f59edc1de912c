package dev.linkpulse.redirect;

import dev.linkpulse.core.Json;
import dev.linkpulse.core.Metrics;
import dev.linkpulse.core.aws.AwsClients;
import dev.linkpulse.core.clicks.ClickEvent;
import java.time.Duration;
import java.util.Map;
import java.util.logging.Logger;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClientBuilder;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;

/**
 * Puts click events on the bus. A failure here must never fail the redirect: it is logged and counted
 * ({@code ClickPublishFailed}), and the log line carries the whole event, so the click can still be put on the bus
 * from the logs (runbooks/click-publish-failures.md); nothing else is left of it.
 */
final class ClickPublisher {
  private static final Logger LOG = Logger.getLogger(ClickPublisher.class.getName());
  /**
   * One attempt may take a second; a slower one (CPU starvation, a connection that went stale) is abandoned and sent
   * again, up to three attempts in three seconds. Sending a click twice is harmless: its raw click's key is its
   * event id, so the pipeline records it once. A single 1 s budget with no time left to retry lost clicks under
   * load (Gatling saw ApiCallTimeoutException on CPU-starved runs).
   */
  static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(1);
  static final Duration CALL_TIMEOUT = Duration.ofSeconds(3);
  static final int ATTEMPTS = 3;

  private final EventBridgeClient events;
  private final String busName;
  private final Metrics metrics;

  ClickPublisher(EventBridgeClient events, String busName, Metrics metrics) {
    this.events = events;
    this.busName = busName;
    this.metrics = metrics;
  }

  /** The redirect's EventBridge client: {@link AwsClients}' configuration, with the attempt and call budgets above. */
  static EventBridgeClient client() {
    return builder().build();
  }

  static EventBridgeClientBuilder builder() {
    return AwsClients.configure(EventBridgeClient.builder(), "EVENTBRIDGE")
        .overrideConfiguration(c -> c.apiCallAttemptTimeout(ATTEMPT_TIMEOUT).apiCallTimeout(CALL_TIMEOUT)
            .retryStrategy(b -> b.maxAttempts(ATTEMPTS)));
  }

  /**
   * Returns whether the event was accepted by the bus. An exception that is not the SDK's is sent again within what
   * is left of the call budget: the JDK's HttpURLConnection can throw a NullPointerException ("this.http is null") when
   * the SDK aborts a timed-out attempt while the connection is being read, and the SDK passes that on without a retry.
   * A chaos run on a loaded machine lost two answered clicks to it.
   */
  boolean publish(ClickEvent click) {
    String detail = Json.write(click.toDetail());
    long deadline = System.nanoTime() + CALL_TIMEOUT.toNanos();
    for (int attempt = 1; ; attempt++) {
      Duration left = Duration.ofNanos(deadline - System.nanoTime());
      try {
        PutEventsResponse response = events.putEvents(r -> r.entries(entry(click, detail)).overrideConfiguration(o -> o.apiCallTimeout(left)));
        if (response.failedEntryCount() == null || response.failedEntryCount() == 0) return true;
        var entry = response.entries().get(0);
        return failed(click, entry.errorCode() + ": " + entry.errorMessage());
      } catch (SdkException e) {
        return failed(click, e.getClass().getSimpleName() + ": " + e.getMessage());
      } catch (RuntimeException e) {
        if (attempt >= ATTEMPTS || System.nanoTime() >= deadline) return failed(click, e.getClass().getSimpleName() + ": " + e.getMessage());
      }
    }
  }

  /** The bus entry of {@code click}, with {@code detail} as its detail (priming sends one whose detail is malformed). */
  PutEventsRequestEntry entry(ClickEvent click, String detail) {
    return PutEventsRequestEntry.builder().eventBusName(busName).source(ClickEvent.SOURCE).detailType(ClickEvent.DETAIL_TYPE)
        .time(click.time()).detail(detail).build();
  }

  /**
   * One line, no stack trace: during an EventBridge outage this fires on every click. It ends with the event's
   * detail (no IP in it: only the visitor hash), which is what a replay puts back on the bus.
   */
  private boolean failed(ClickEvent click, String reason) {
    LOG.warning("click " + click.eventId() + " for " + click.code() + " not published: " + reason + "; detail: "
        + Json.write(click.toDetail()));
    metrics.count(Map.of("ClickPublishFailed", 1), Map.of("code", click.code(), "eventId", click.eventId(), "reason", reason));
    return false;
  }
}
