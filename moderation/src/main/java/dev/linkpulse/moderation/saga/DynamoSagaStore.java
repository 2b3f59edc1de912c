package dev.linkpulse.moderation.saga;

import dev.linkpulse.core.Keys;
import dev.linkpulse.core.links.Link;
import java.time.Clock;
import java.time.Instant;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * {@link SagaStore} on the table. Every side effect is one TransactWriteItems: the step's record (put only if absent)
 * with the change itself, so a step is done and recorded together or not at all. A cancelled transaction says which
 * condition failed: the record's (the step ran before: its recorded outcome stands) or the change's (quota full, link
 * no longer undecided: that outcome is recorded in turn, so a retry answers the same).
 */
public final class DynamoSagaStore implements SagaStore {
  /** Step records outlive any saga: the longest review timeout is a week, Step Functions keeps names 90 days. */
  static final Duration STEP_RECORD_LIFETIME = Duration.ofDays(100);
  static final Duration QUOTA_LIFETIME = Duration.ofDays(2);

  private final DynamoDbClient dynamo;
  private final String table;
  private final Clock clock;

  public DynamoSagaStore(DynamoDbClient dynamo, String table, Clock clock) {
    this.dynamo = dynamo;
    this.table = table;
    this.clock = clock;
  }

  @Override
  public Reservation reserve(String execution, String owner, LocalDate day, int limit) {
    TransactWriteItem quota = TransactWriteItem.builder().update(u -> u.tableName(table).key(Keys.quota(owner, day))
        .updateExpression("SET #ttl = :ttl ADD #count :one")
        .conditionExpression("attribute_not_exists(#count) OR #count < :limit")
        .expressionAttributeNames(Map.of("#ttl", Keys.TTL, "#count", "count"))
        .expressionAttributeValues(Map.of(":ttl", epoch(QUOTA_LIFETIME.plusDays(1)), ":one", n(1), ":limit", n(limit)))).build();
    String outcome = record(execution, "reserve", Reservation.RESERVED.name(), Map.of("owner", s(owner), "day", s(day.toString())), quota);
    return Reservation.valueOf(outcome == null ? recordOutcome(execution, "reserve", Reservation.QUOTA_EXCEEDED.name()) : outcome);
  }

  @Override
  public boolean release(String execution, String owner, LocalDate day) {
    var reserved = dynamo.getItem(r -> r.tableName(table).key(Keys.sagaStep(execution, "reserve")).consistentRead(true)).item();
    if (reserved == null || !Reservation.RESERVED.name().equals(reserved.getOrDefault("outcome", s("")).s())) return false;
    TransactWriteItem giveBack = TransactWriteItem.builder().update(u -> u.tableName(table).key(Keys.quota(owner, day))
        .updateExpression("ADD #count :minus").conditionExpression("#count > :zero")
        .expressionAttributeNames(Map.of("#count", "count"))
        .expressionAttributeValues(Map.of(":minus", n(-1), ":zero", n(0)))).build();
    String outcome = record(execution, "release", "RELEASED", Map.of(), giveBack);
    // The counter at zero already (it aged out with its TTL, or an operator reset it): nothing left to give back.
    if (outcome == null) recordOutcome(execution, "release", "NOTHING_TO_RELEASE");
    return true;
  }

  @Override
  public Transition transition(String execution, String step, SagaLink link, Set<Link.Status> from, Link.Status to, String reason,
      Review review) {
    Map<String, String> names = new HashMap<>(Map.of("#status", "status", "#inc", "incarnation", "#reason", "reason", "#token", "reviewToken",
        "#queue", Keys.REVIEW_PK, "#queued", Keys.REVIEW_SK));
    Map<String, AttributeValue> values = new HashMap<>(Map.of(":to", s(to.name()), ":inc", s(link.incarnation())));
    StringBuilder set = new StringBuilder("SET #status = :to");
    List<String> remove = new ArrayList<>();
    if (reason != null) {
      set.append(", #reason = :reason");
      values.put(":reason", s(reason));
    } else {
      remove.add("#reason");
    }
    if (review != null) {
      Instant since = review.since() == null ? clock.instant() : review.since();
      set.append(", #token = :token, #since = :since, #queue = :queue, #queued = :queued");
      names.put("#since", "reviewSince");
      values.put(":token", s(review.token()));
      values.put(":since", s(since.toString()));
      values.put(":queue", s(Keys.REVIEW_PARTITION));
      values.put(":queued", s(Keys.reviewSort(since, link.code())));
    } else {
      // Any other move takes the link off the review queue index with its token.
      remove.addAll(List.of("#token", "#queue", "#queued"));
    }
    List<String> allowed = from.stream().map(Enum::name).sorted().toList();
    StringBuilder in = new StringBuilder();
    for (int i = 0; i < allowed.size(); i++) {
      in.append(i == 0 ? "" : ", ").append(":from").append(i);
      values.put(":from" + i, s(allowed.get(i)));
    }
    String expression = remove.isEmpty() ? set.toString() : set + " REMOVE " + String.join(", ", remove);
    TransactWriteItem change = TransactWriteItem.builder().update(u -> u.tableName(table).key(Keys.link(link.code()))
        .updateExpression(expression).conditionExpression("#inc = :inc AND #status IN (" + in + ")")
        .expressionAttributeNames(names).expressionAttributeValues(values)).build();
    String outcome = record(execution, step, Transition.APPLIED.name(), Map.of("to", s(to.name())), change);
    return Transition.valueOf(outcome == null ? recordOutcome(execution, step, Transition.STALE.name()) : outcome);
  }

  /**
   * Does {@code change} and records {@code outcome} for the step, atomically. Returns the step's outcome: this one,
   * or the one recorded by an earlier run; null when the record was free but {@code change}'s condition failed.
   */
  private String record(String execution, String step, String outcome, Map<String, AttributeValue> details, TransactWriteItem change) {
    TransactWriteItem put = TransactWriteItem.builder().put(p -> p.tableName(table).item(stepItem(execution, step, outcome, details))
        .conditionExpression("attribute_not_exists(PK)")).build();
    try {
      dynamo.transactWriteItems(r -> r.transactItems(put, change));
      return outcome;
    } catch (TransactionCanceledException e) {
      List<CancellationReason> reasons = e.cancellationReasons();
      if (failed(reasons, 0)) return existing(execution, step);
      if (failed(reasons, 1)) return null;
      throw e;
    }
  }

  /** Records an outcome with no change attached (a condition that failed); a record already there wins. */
  private String recordOutcome(String execution, String step, String outcome) {
    try {
      dynamo.putItem(r -> r.tableName(table).item(stepItem(execution, step, outcome, Map.of())).conditionExpression("attribute_not_exists(PK)"));
      return outcome;
    } catch (software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException e) {
      return existing(execution, step);
    }
  }

  private String existing(String execution, String step) {
    var item = dynamo.getItem(r -> r.tableName(table).key(Keys.sagaStep(execution, step)).consistentRead(true)).item();
    return item.get("outcome").s();
  }

  private Map<String, AttributeValue> stepItem(String execution, String step, String outcome, Map<String, AttributeValue> details) {
    Map<String, AttributeValue> item = new HashMap<>(Keys.sagaStep(execution, step));
    item.putAll(details);
    item.put("type", s("saga-step"));
    item.put("outcome", s(outcome));
    item.put("at", s(clock.instant().toString()));
    item.put(Keys.TTL, epoch(STEP_RECORD_LIFETIME));
    return item;
  }

  private static boolean failed(List<CancellationReason> reasons, int index) {
    return reasons.size() > index && "ConditionalCheckFailed".equals(reasons.get(index).code());
  }

  private AttributeValue epoch(Duration from) {
    return n(clock.instant().plus(from).getEpochSecond());
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }
}
