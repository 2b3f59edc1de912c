package dev.linkpulse.local.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkpulse.core.Json;
import dev.linkpulse.core.clicks.ClickEvent;
import dev.linkpulse.core.links.LinkLife;
import dev.linkpulse.core.links.LinkStore;
import dev.linkpulse.local.LocalStack;
import dev.linkpulse.testkit.StackExtension;
import dev.linkpulse.testkit.ApiResponse;
import dev.linkpulse.pipeline.clicks.ClickStore;
import dev.linkpulse.pipeline.clicks.RawClick;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The whole click path on the local stack: redirects publish, EventBridge routes to SQS, the recorder writes raw
 * clicks, the stream aggregator counts. On top of real traffic the test injects every duplicate the design must
 * absorb (the same event published twice, SQS messages sent again, a failed batch redriven from the DLQ) and
 * checks the stats equal the distinct clicks exactly.
 */
class PipelineEndToEndTest {
  @RegisterExtension
  static final StackExtension<LocalStack> stack = new StackExtension<>(LocalStack::ephemeral, LocalStack::apiUrl, LocalStack::token);

  static final String CHROME_MAC = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36";
  static final String SAFARI_IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
  static final String FIREFOX_WIN = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0";
  static final String SLACKBOT = "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)";
  static final String GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";

  private String user;
  private String token;

  private String createLink() {
    user = "e2e-" + UUID.randomUUID();
    token = stack.token(user);
    ApiResponse r = stack.post("/links", token, "{\"url\":\"https://example.com/launch\"}");
    assertThat(r.status()).isEqualTo(201);
    return r.json().get("code").asText();
  }

  private void click(String code, String method, String ua, String country, String referrer, String query) {
    Map<String, String> headers = new java.util.LinkedHashMap<>();
    headers.put("User-Agent", ua);
    if (country != null) headers.put("CloudFront-Viewer-Country", country);
    if (referrer != null) headers.put("Referer", referrer);
    ApiResponse r = stack.send(method, "/" + code + (query == null ? "" : "?" + query), null, null, headers);
    assertThat(r.status()).isEqualTo(302);
  }

  private JsonNode stats(String code) {
    ApiResponse r = stack.get("/links/" + code + "/stats?from=" + Instant.now().minus(Duration.ofDays(1)) + "&to="
        + Instant.now().plus(Duration.ofHours(1)), token);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  private void awaitTotals(String code, long total, long human, long bot) throws InterruptedException {
    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
      JsonNode s = stats(code);
      assertThat(s.get("total").asLong()).isEqualTo(total);
    });
    // Exact, and still exact once nothing is left in flight: no late duplicate may arrive afterwards.
    assertThat(stack.stack().awaitQuiet(Duration.ofSeconds(60))).isTrue();
    JsonNode s = stats(code);
    assertThat(s.get("total").asLong()).isEqualTo(total);
    assertThat(s.get("human").asLong()).isEqualTo(human);
    assertThat(s.get("bot").asLong()).isEqualTo(bot);
  }

  /** The life of the link {@code code} is now: what its clicks must carry to be counted for it. */
  private LinkLife life(String code) {
    return LinkStore.dynamoDb(stack.stack().dynamo(), stack.stack().tableName("LinkpulseTable")).find(code).orElseThrow().life();
  }

  private List<RawClick> rawClicks(String code) {
    return ClickStore.dynamoDb(stack.stack().dynamo(), stack.stack().tableName("LinkpulseTable"))
        .read(life(code), Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofHours(1)), null, 10_000).clicks();
  }

  private static String envelope(ClickEvent e) {
    ObjectNode env = Json.object();
    env.put("version", "0").put("id", UUID.randomUUID().toString()).put("detail-type", ClickEvent.DETAIL_TYPE)
        .put("source", ClickEvent.SOURCE).put("account", "000000000000").put("time", e.time().toString())
        .put("region", "us-east-1").putArray("resources");
    env.set("detail", e.toDetail());
    return Json.write(env);
  }

  private EventBridgeClient events() {
    return EventBridgeClient.builder().endpointOverride(URI.create(stack.stack().eventsEndpoint())).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))).build();
  }

  private int depth(String queueUrl) {
    var attrs = stack.stack().sqs().getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributes();
    return Integer.parseInt(attrs.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
  }

  @Test
  void statsEqualTheDistinctClicksDespiteRepublishesResendsAndADlqRedrive() throws Exception {
    String code = createLink();
    // 30 humans over three browsers, countries and referrers; 6 preview and crawler bots; 4 HEAD requests.
    String[][] humans = {{CHROME_MAC, "DE", "https://news.ycombinator.com/item?id=1", null},
        {SAFARI_IPHONE, "US", "https://t.co/abc", "qr=1"}, {FIREFOX_WIN, "FR", null, "utm_source=newsletter&utm_medium=email"}};
    for (int i = 0; i < 30; i++) {
      String[] h = humans[i % 3];
      click(code, "GET", h[0], h[1], h[2], h[3]);
    }
    for (int i = 0; i < 6; i++) click(code, "GET", i % 2 == 0 ? SLACKBOT : GOOGLEBOT, "US", null, null);
    for (int i = 0; i < 4; i++) click(code, "HEAD", CHROME_MAC, "DE", null, null);
    awaitTotals(code, 40, 30, 10);

    JsonNode s = stats(code);
    assertThat(s.get("uniques").asLong()).isEqualTo(3);
    // The local gateway plays the edge: the CloudFront-Viewer-Country these clicks send is a client's, and is dropped.
    assertThat(s.at("/top/countries/0/value").asText()).isEqualTo("ZZ");
    assertThat(s.at("/top/countries/0/count").asLong()).isEqualTo(30);
    assertThat(s.at("/top/browsers").toString()).contains("Chrome", "Firefox", "Mobile Safari");
    assertThat(s.at("/top/devices").toString()).contains("desktop", "mobile");
    assertThat(s.at("/top/referrers").toString()).contains("news.ycombinator.com", "t.co", "(direct)");
    assertThat(s.at("/top/sources").toString()).contains("qr", "newsletter");

    // 1. The same events published again, twice (a retried PutEvents, a replay tool run twice).
    List<RawClick> recorded = rawClicks(code);
    assertThat(recorded).hasSize(40);
    try (EventBridgeClient eb = events()) {
      for (int round = 0; round < 2; round++) {
        for (RawClick c : recorded.subList(0, 10)) {
          var resp = eb.putEvents(r -> r.entries(PutEventsRequestEntry.builder().eventBusName(stack.stack().busName("ClicksBus"))
              .source(ClickEvent.SOURCE).detailType(ClickEvent.DETAIL_TYPE).detail(Json.write(c.event().toDetail())).build()));
          assertThat(resp.failedEntryCount()).isZero();
        }
      }
    }
    // 2. SQS messages sent again (an at-least-once delivery, a producer retry).
    String clicksQueue = stack.stack().queueUrl("ClicksQueue");
    for (RawClick c : recorded.subList(10, 15)) stack.stack().sqs().sendMessage(r -> r.queueUrl(clicksQueue).messageBody(envelope(c.event())));
    awaitTotals(code, 40, 30, 10);

    // 3. A recorder outage: new clicks fail until SQS gives up on them (maxReceiveCount 5) and they land in the DLQ.
    String dlq = stack.stack().queueUrl("ClicksDLQ");
    stack.stack().function("RecorderFunction").injectFailures(Long.MAX_VALUE);
    for (int i = 0; i < 5; i++) click(code, "GET", CHROME_MAC, "DE", null, null);
    await().atMost(Duration.ofSeconds(90)).until(() -> depth(dlq) == 5);
    stack.stack().function("RecorderFunction").heal();
    assertThat(stats(code).get("total").asLong()).isEqualTo(40);

    // Redrive with SQS's own move task: every moved message gets a new messageId, the event ids stay.
    String dlqArn = stack.stack().sqs().getQueueAttributes(r -> r.queueUrl(dlq).attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
    stack.stack().sqs().startMessageMoveTask(r -> r.sourceArn(dlqArn));
    await().atMost(Duration.ofSeconds(60)).until(() -> depth(dlq) == 0);
    awaitTotals(code, 45, 35, 10);

    // And the same redriven batch once more, from a backup someone kept: still exact.
    for (RawClick c : rawClicks(code).stream().filter(c -> c.event().userAgent().equals(CHROME_MAC) && "GET".equals(c.event().method())).toList()) {
      stack.stack().sqs().sendMessage(r -> r.queueUrl(clicksQueue).messageBody(envelope(c.event())));
    }
    awaitTotals(code, 45, 35, 10);
    assertThat(rawClicks(code)).hasSize(45);
  }

  @Test
  void aMalformedEventFailsAloneAndEndsInTheDlqWhileItsNeighboursAreCounted() throws Exception {
    String code = createLink();
    String dlq = stack.stack().queueUrl("ClicksDLQ");
    await().atMost(Duration.ofSeconds(30)).until(() -> depth(dlq) == 0);
    try (EventBridgeClient eb = events()) {
      List<PutEventsRequestEntry> entries = new ArrayList<>();
      ObjectNode bad = Json.object().put("schemaVersion", 1).put("eventId", "not-a-uuid").put("time", Instant.now().toString())
          .put("code", code).put("method", "GET").put("visitor", "abcdefghijkl");
      entries.add(PutEventsRequestEntry.builder().eventBusName(stack.stack().busName("ClicksBus")).source(ClickEvent.SOURCE)
          .detailType(ClickEvent.DETAIL_TYPE).detail(Json.write(bad)).build());
      for (int i = 0; i < 3; i++) {
        ClickEvent good = new ClickEvent(UUID.randomUUID().toString(), Instant.now(), code, life(code).incarnation(), "GET", null, CHROME_MAC, "DE", "visitor-" + i, false, Map.of());
        entries.add(PutEventsRequestEntry.builder().eventBusName(stack.stack().busName("ClicksBus")).source(ClickEvent.SOURCE)
            .detailType(ClickEvent.DETAIL_TYPE).detail(Json.write(good.toDetail())).build());
      }
      assertThat(eb.putEvents(r -> r.entries(entries)).failedEntryCount()).isZero();
    }
    await().atMost(Duration.ofSeconds(90)).until(() -> depth(dlq) == 1);
    awaitTotals(code, 3, 3, 0);
    var moved = stack.stack().sqs().receiveMessage(r -> r.queueUrl(dlq).maxNumberOfMessages(10)).messages();
    assertThat(moved).hasSize(1);
    assertThat(moved.get(0).body()).contains("not-a-uuid");
    stack.stack().sqs().deleteMessage(r -> r.queueUrl(dlq).receiptHandle(moved.get(0).receiptHandle()));
  }

  @Test
  void aFailedPublishNeverFailsTheRedirect() {
    String code = createLink();
    long failuresBefore = dev.linkpulse.local.LocalMetrics.sum("redirect", "ClickPublishFailed");
    // The redirect's client tries twice; refuse more than that so the click is truly lost.
    stack.stack().eventBridge().failNextPutEvents(5);
    try {
      ApiResponse r = stack.get("/" + code, null);
      assertThat(r.status()).isEqualTo(302);
      assertThat(r.header("location")).isEqualTo("https://example.com/launch");
      assertThat(dev.linkpulse.local.LocalMetrics.sum("redirect", "ClickPublishFailed")).isEqualTo(failuresBefore + 1);
    } finally {
      stack.stack().eventBridge().failNextPutEvents(0);
    }
  }
}
