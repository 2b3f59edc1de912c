package dev.linkpulse.moderation.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.linkpulse.core.Env;
import dev.linkpulse.core.aws.AwsClients;
import dev.linkpulse.moderation.review.DynamoReviewQueue;
import dev.linkpulse.moderation.review.ReviewQueue;
import dev.linkpulse.moderation.review.ReviewQueueGauge;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The review sweep, run by an EventBridge schedule: publishes the review queue's age ({@link ReviewQueueGauge}) as of
 * the scheduled event's {@code time}. The tick's time, not the function's clock: a late or repeated run reports the
 * minute it was scheduled for, and the local stack's schedule drives it from the stack's timeline.
 */
public final class ReviewSweepHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  private final ReviewQueue queue;
  private final PrintStream out;

  public ReviewSweepHandler() {
    this(new DynamoReviewQueue(AwsClients.dynamoDb(), Env.require("TABLE_NAME")), System.out);
  }

  ReviewSweepHandler(ReviewQueue queue, PrintStream out) {
    this.queue = queue;
    this.out = out;
  }

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
    Instant tick = tickOf(event);
    ReviewQueueGauge.Reading reading = new ReviewQueueGauge(queue, Clock.fixed(tick, ZoneOffset.UTC), out).sweep();
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("at", reading.at().toString());
    answer.put("oldestAgeSeconds", reading.oldestAgeSeconds());
    if (reading.oldestCode() != null) answer.put("oldestCode", reading.oldestCode());
    return answer;
  }

  /** @throws IllegalArgumentException when the event is not a scheduled event (no ISO-8601 {@code time}) */
  static Instant tickOf(Map<String, Object> event) {
    Object time = event == null ? null : event.get("time");
    if (!(time instanceof String text)) throw new IllegalArgumentException("not a scheduled event: it has no time");
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("not a scheduled event: time '" + text + "' is not an ISO-8601 instant", e);
    }
  }
}
