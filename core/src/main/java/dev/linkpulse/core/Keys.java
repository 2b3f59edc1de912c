package dev.linkpulse.core;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import dev.linkpulse.core.links.LinkLife;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The single place that spells the table's keys. Item types share one table:
 *
 * <pre>
 * link            PK=LINK#{code}                 SK=LINK
 *   owner index   GSI1PK=OWNER#{owner}           GSI1SK={createdAt}#{code}   (sparse: only links carry it)
 *   review queue  ReviewQueuePK=IN_REVIEW        ReviewQueueSK={reviewSince}#{code}   (sparse: only links in review)
 * raw click       PK=CLICK#{code}#{inc}#{shard}   SK={epochMillis, 13 digits}#{eventId}   (TTL)
 * counter bucket  PK=STATS#{code}#{inc}          SK=HOUR#{yyyy-MM-ddTHH}       (UTC hour, TTL)
 * connection      PK=SUBS#{code}                 SK=CONN#{connectionId}        (subscriber of a link, TTL)
 *   reverse       PK=CONN#{connectionId}         SK=SUB#{code}                 (what to remove on $disconnect, TTL)
 * live links      PK=LIVE                        SK=LINKS                      (string set of codes with subscribers)
 * blocked domain  PK=BLOCKLIST                   SK=DOMAIN#{domain}            (operators' list; one small partition)
 * creation quota  PK=QUOTA#{owner}               SK=DAY#{yyyy-MM-dd}           (links reserved that UTC day, TTL)
 * saga step       PK=SAGA#{execution name}       SK=STEP#{step}                (a moderation step's recorded result, TTL)
 * </pre>
 *
 * A raw click's partition is chosen from its event id, so a redelivered event rewrites the same item, and one
 * link's clicks spread over {@link #CLICK_SHARDS} partitions (see {@link #clickShard}).
 *
 * <p>Analytics keys name a link's life ({@link LinkLife}: code and incarnation), never the code alone, so a code
 * deleted and created again starts with nothing of its earlier life. A life without an incarnation (links made before
 * incarnations existed) keeps the keys it always had: {@code CLICK#{code}#{shard}}, {@code STATS#{code}}.
 *
 * <p>Times in keys are fixed-width: {@link #EARLIEST} to {@link #LATEST} is what they can spell, so every instant that
 * reaches a key is checked against it first.
 */
public final class Keys {
  public static final String PK = "PK";
  public static final String SK = "SK";
  public static final String GSI1 = "GSI1";
  public static final String GSI1PK = "GSI1PK";
  public static final String GSI1SK = "GSI1SK";
  /**
   * The review queue index: a link carries its keys while it is in review and loses them when it leaves, so the
   * index holds exactly the links waiting for a person, oldest first, and a deleted link leaves it with its item.
   */
  public static final String REVIEW_INDEX = "ReviewQueue";
  public static final String REVIEW_PK = "ReviewQueuePK";
  public static final String REVIEW_SK = "ReviewQueueSK";
  /** The index's one partition: reviews are few (a person decides each), far below a partition's write limit. */
  public static final String REVIEW_PARTITION = "IN_REVIEW";
  /** The table's TTL attribute (epoch seconds); Powertools' idempotency records use the same name. */
  public static final String TTL = "expiration";

  public static final String LINK_PREFIX = "LINK#";
  public static final String CLICK_PREFIX = "CLICK#";
  public static final String STATS_PREFIX = "STATS#";

  /**
   * Raw-click partitions per link. A raw click costs 1 WCU, and one partition key takes at most 1,000 WCU/s, so a
   * link clicked 10,000 times a second needs at least 10; 32 leaves headroom for uneven hashing and larger items.
   */
  public static final int CLICK_SHARDS = 32;

  /** The first and (exclusive) last instant a key can spell: 13-digit epoch millis, 4-digit years, with room to spare. */
  public static final Instant EARLIEST = Instant.EPOCH;
  public static final Instant LATEST = Instant.parse("2200-01-01T00:00:00Z");

  private static final DateTimeFormatter OWNER_SORT_TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH").withZone(ZoneOffset.UTC);

  private Keys() {}

  public static Map<String, AttributeValue> link(String code) {
    return key(LINK_PREFIX + code, "LINK");
  }

  public static String ownerPartition(String owner) {
    return "OWNER#" + owner;
  }

  /**
   * Fixed-width milliseconds: {@code Instant.toString()} drops a zero fraction, and {@code ...00Z} sorts after
   * {@code ...00.500Z}, which would list links of the same second out of order.
   */
  public static String ownerSort(Instant createdAt, String code) {
    return OWNER_SORT_TIME.format(createdAt) + "#" + code;
  }

  /** Fixed-width like {@link #ownerSort}, so the review queue's oldest link is its first. */
  public static String reviewSort(Instant since, String code) {
    return OWNER_SORT_TIME.format(since) + "#" + code;
  }

  /** When the link of a review queue sort key went to review. */
  public static Instant sinceOfReviewSort(String sk) {
    int hash = sk.indexOf('#');
    if (hash < 0) throw new IllegalArgumentException("not a review queue key: " + sk);
    return Instant.from(OWNER_SORT_TIME.parse(sk.substring(0, hash)));
  }

  public static int clickShard(String eventId) {
    return Math.floorMod(Hashing.fnv1a32(eventId), CLICK_SHARDS);
  }

  /** Whether {@code t} is within [{@link #EARLIEST}, {@link #LATEST}): the instants keys can spell. */
  public static boolean spellable(Instant t) {
    return !t.isBefore(EARLIEST) && t.isBefore(LATEST);
  }

  public static String clickPartition(LinkLife life, int shard) {
    return CLICK_PREFIX + life.code() + incarnationPart(life) + "#" + shard;
  }

  public static Map<String, AttributeValue> click(LinkLife life, Instant time, String eventId) {
    return key(clickPartition(life, clickShard(eventId)), clickSort(time.toEpochMilli(), eventId));
  }

  /** A sort key bound for range queries over one click partition: every click at or after {@code epochMillis}. */
  public static String clickSort(long epochMillis, String eventId) {
    // Locale.ROOT: some locales format digits in other scripts, which would break the key's sort order.
    return String.format(Locale.ROOT, "%013d#%s", epochMillis, eventId);
  }

  /** The life a raw-click partition key belongs to: {@code CLICK#abc#Xy7#7} or, for a legacy life, {@code CLICK#abc#7}. */
  public static LinkLife lifeOfClickPartition(String pk) {
    String[] parts = pk.split("#", -1);
    if (!pk.startsWith(CLICK_PREFIX) || parts.length < 3 || parts.length > 4 || parts[1].isEmpty()) {
      throw new IllegalArgumentException("not a click key: " + pk);
    }
    return new LinkLife(parts[1], parts.length == 4 ? parts[2] : "");
  }

  public static String statsPartition(LinkLife life) {
    return STATS_PREFIX + life.code() + incarnationPart(life);
  }

  public static String hourSort(Instant time) {
    return "HOUR#" + HOUR.format(time.truncatedTo(ChronoUnit.HOURS));
  }

  public static Instant hourOfSort(String sk) {
    return Instant.parse(sk.substring("HOUR#".length()) + ":00:00Z");
  }

  public static Map<String, AttributeValue> counter(LinkLife life, Instant time) {
    return key(statsPartition(life), hourSort(time));
  }

  private static String incarnationPart(LinkLife life) {
    return life.incarnation().isEmpty() ? "" : "#" + life.incarnation();
  }

  public static String subscribersPartition(String code) {
    return "SUBS#" + code;
  }

  public static Map<String, AttributeValue> subscription(String code, String connectionId) {
    return key(subscribersPartition(code), "CONN#" + connectionId);
  }

  public static String connectionPartition(String connectionId) {
    return "CONN#" + connectionId;
  }

  public static Map<String, AttributeValue> connectionSubscription(String connectionId, String code) {
    return key(connectionPartition(connectionId), "SUB#" + code);
  }

  /** One small item naming the links anyone watches, so the aggregator reads one item, not a query per link. */
  public static Map<String, AttributeValue> liveLinks() {
    return key("LIVE", "LINKS");
  }

  public static final String BLOCKLIST_PARTITION = "BLOCKLIST";

  /** A domain on the operators' blocklist; it blocks itself and every subdomain. */
  public static Map<String, AttributeValue> blockedDomain(String domain) {
    return key(BLOCKLIST_PARTITION, "DOMAIN#" + domain);
  }

  /** The domain a blocklist sort key names. */
  public static String domainOfBlocklistSort(String sk) {
    if (!sk.startsWith("DOMAIN#")) throw new IllegalArgumentException("not a blocklist key: " + sk);
    return sk.substring("DOMAIN#".length());
  }

  /** The owner's creation-quota counter for one UTC day. */
  public static Map<String, AttributeValue> quota(String owner, java.time.LocalDate day) {
    return key("QUOTA#" + owner, "DAY#" + day);
  }

  /** A moderation step's record: execution and step name make it unique, so a retried step finds its first result. */
  public static Map<String, AttributeValue> sagaStep(String executionName, String step) {
    return key("SAGA#" + executionName, "STEP#" + step);
  }

  private static Map<String, AttributeValue> key(String pk, String sk) {
    return Map.of(PK, AttributeValue.fromS(pk), SK, AttributeValue.fromS(sk));
  }
}
