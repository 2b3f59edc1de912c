package dev.linkpulse.emulators.eventbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static dev.linkpulse.emulators.testing.AwsEmulators.json;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.linkpulse.emulators.eventbridge.EventBridgeEndpoint.EventRule;
import dev.linkpulse.emulators.testing.AwsEmulators;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;
import software.amazon.awssdk.services.sqs.model.Message;

@ExtendWith(AwsEmulators.class)
class EventBridgeEndpointTest {
  static final String BUS = "linkpulse";
  static final String BUS_ARN = "arn:aws:events:us-east-1:000000000000:event-bus/" + BUS;
  static String clicksQueue;
  static String adminQueue;
  static EventBridgeEndpoint endpoint;
  static EventBridgeClient client;

  @BeforeAll
  static void start() throws Exception {
    clicksQueue = AwsEmulators.queue("eb-clicks", 0, null);
    adminQueue = AwsEmulators.queue("eb-admin", 0, null);
    endpoint = new EventBridgeEndpoint(0, List.of(
        new EventRule("clicks", BUS_ARN, "{\"source\":[\"linkpulse.redirect\"],\"detail-type\":[\"link.clicked\"]}", List.of(clicksQueue)),
        new EventRule("german-clicks", BUS, "{\"source\":[\"linkpulse.redirect\"],\"detail\":{\"country\":[\"DE\"]}}", List.of(adminQueue)),
        new EventRule("admin", "default", "{\"source\":[{\"prefix\":\"linkpulse.admin\"}]}", List.of(adminQueue))),
        AwsEmulators.sqs()).start();
    client = AwsEmulators.eventBridge(endpoint.endpoint(), false);
  }

  @AfterAll
  static void stop() {
    if (client != null) client.close();
    if (endpoint != null) endpoint.close();
    AwsEmulators.assertNoThreads("eventbridge-");
  }

  @Test
  void matchingEventsLandInTheirQueuesAsTheEnvelopeAwsDelivers() {
    Instant time = Instant.parse("2026-03-01T12:34:56.789Z");
    long deliveredBefore = endpoint.delivered();
    PutEventsResponse response = client.putEvents(b -> b.entries(
        entry(BUS_ARN, "linkpulse.redirect", "link.clicked", "{\"code\":\"abc\",\"country\":\"FR\",\"n\":1}").time(time)
            .resources("arn:aws:lambda:us-east-1:000000000000:function:redirect").build(),
        entry(BUS, "linkpulse.redirect", "link.created", "{\"code\":\"abc\"}").build(),   // matches no rule
        entry(null, "linkpulse.redirect", "link.clicked", "{\"code\":\"abc\"}").build(),    // default bus: no click rule there
        entry(null, "linkpulse.admin.tools", "redrive", "{\"queue\":\"x\"}").build()));   // default bus, admin rule

    assertThat(response.failedEntryCount()).isZero();
    assertThat(response.entries()).hasSize(4).allSatisfy(e -> assertThat(e.eventId()).isNotBlank());
    await().atMost(Duration.ofSeconds(30)).until(() -> endpoint.idle() && endpoint.delivered() == deliveredBefore + 2);

    List<Message> clicks = drain(clicksQueue, 1);
    assertThat(clicks).hasSize(1);
    JsonNode event = json(clicks.get(0).body());
    List<String> fields = new ArrayList<>();
    event.fieldNames().forEachRemaining(fields::add);
    assertThat(fields).containsExactly("version", "id", "detail-type", "source", "account", "time", "region", "resources", "detail");
    assertThat(event.get("version").asText()).isEqualTo("0");
    assertThat(event.get("id").asText()).isEqualTo(response.entries().get(0).eventId());
    assertThat(event.get("detail-type").asText()).isEqualTo("link.clicked");
    assertThat(event.get("source").asText()).isEqualTo("linkpulse.redirect");
    assertThat(event.get("account").asText()).isEqualTo("000000000000");
    assertThat(event.get("time").asText()).isEqualTo("2026-03-01T12:34:56Z");
    assertThat(event.get("region").asText()).isEqualTo("us-east-1");
    assertThat(event.get("resources")).hasSize(1);
    assertThat(event.get("resources").get(0).asText()).isEqualTo("arn:aws:lambda:us-east-1:000000000000:function:redirect");
    assertThat(event.get("detail").isObject()).isTrue();
    assertThat(event.get("detail")).isEqualTo(json("{\"code\":\"abc\",\"country\":\"FR\",\"n\":1}"));

    List<Message> admin = drain(adminQueue, 1);
    assertThat(admin).hasSize(1);
    JsonNode adminEvent = json(admin.get(0).body());
    assertThat(adminEvent.get("source").asText()).isEqualTo("linkpulse.admin.tools");
    assertThat(adminEvent.get("id").asText()).isEqualTo(response.entries().get(3).eventId());
    assertThat(adminEvent.get("time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    assertThat(adminEvent.get("resources")).isEmpty();
  }

  @Test
  void anEventMatchingTwoRulesIsDeliveredToEachTarget() {
    long matchedBefore = endpoint.matched();
    long deliveredBefore = endpoint.delivered();
    PutEventsResponse response = client.putEvents(b -> b.entries(
        entry(BUS, "linkpulse.redirect", "link.clicked", "{\"code\":\"de1\",\"country\":\"DE\"}").build()));
    assertThat(response.failedEntryCount()).isZero();
    await().atMost(Duration.ofSeconds(30)).until(() -> endpoint.idle() && endpoint.delivered() == deliveredBefore + 2);
    assertThat(endpoint.matched()).isEqualTo(matchedBefore + 2);
    assertThat(drain(clicksQueue, 1)).singleElement().satisfies(m -> assertThat(json(m.body()).at("/detail/code").asText()).isEqualTo("de1"));
    assertThat(drain(adminQueue, 1)).singleElement().satisfies(m -> assertThat(json(m.body()).at("/detail/code").asText()).isEqualTo("de1"));
  }

  @Test
  void invalidEntriesFailOneByOneWithAwsErrorCodes() {
    long rejectedBefore = endpoint.rejected();
    PutEventsResponse response = client.putEvents(b -> b.entries(
        PutEventsRequestEntry.builder().detailType("t").detail("{}").eventBusName(BUS).build(),
        PutEventsRequestEntry.builder().source("s").detail("{}").eventBusName(BUS).build(),
        PutEventsRequestEntry.builder().source("s").detailType("t").eventBusName(BUS).build(),
        entry(BUS, "s", "t", "not json").build(),
        entry(BUS, "s", "t", "[1,2]").build(),
        entry(BUS, "s", "t", "{\"ok\":true}").build()));

    assertThat(response.failedEntryCount()).isEqualTo(5);
    List<PutEventsResultEntry> entries = response.entries();
    assertThat(entries).hasSize(6);
    assertThat(entries.get(0).errorCode()).isEqualTo("InvalidArgument");
    assertThat(entries.get(0).errorMessage()).isEqualTo("Parameter Source is not valid. Reason: Source is a required argument.");
    assertThat(entries.get(1).errorMessage()).isEqualTo("Parameter DetailType is not valid. Reason: DetailType is a required argument.");
    assertThat(entries.get(2).errorMessage()).isEqualTo("Parameter Detail is not valid. Reason: Detail is a required argument.");
    assertThat(entries.get(3).errorCode()).isEqualTo("MalformedDetail");
    assertThat(entries.get(3).errorMessage()).isEqualTo("Detail is malformed.");
    assertThat(entries.get(4).errorCode()).isEqualTo("MalformedDetail");
    assertThat(entries.subList(0, 5)).allSatisfy(e -> assertThat(e.eventId()).isNull());
    assertThat(entries.get(5).eventId()).isNotBlank();
    assertThat(entries.get(5).errorCode()).isNull();
    assertThat(endpoint.rejected()).isEqualTo(rejectedBefore + 5);
  }

  @Test
  void requestLevelValidationIsAValidationException() {
    List<PutEventsRequestEntry> eleven = IntStream.range(0, 11).mapToObj(i -> entry(BUS, "s", "t", "{}").build()).toList();
    assertThatThrownBy(() -> client.putEvents(b -> b.entries(eleven)))
        .isInstanceOfSatisfying(EventBridgeException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(400);
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
          assertThat(e.awsErrorDetails().errorMessage()).contains("less than or equal to 10");
        });
    assertThatThrownBy(() -> client.putEvents(b -> b.entries(List.of())))
        .isInstanceOfSatisfying(EventBridgeException.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
    String big = "{\"x\":\"" + "a".repeat(300 * 1024) + "\"}";
    assertThatThrownBy(() -> client.putEvents(b -> b.entries(entry(BUS, "s", "t", big).build())))
        .isInstanceOfSatisfying(EventBridgeException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
            .isEqualTo("Total size of the entries in the request is over the limit."));
  }

  @Test
  void unknownOperationsAreRefused() throws Exception {
    assertThatThrownBy(() -> client.listRules(b -> b.eventBusName(BUS)))
        .isInstanceOfSatisfying(EventBridgeException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(400);
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnknownOperationException");
        });
    HttpResponse<String> raw = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(endpoint.endpoint() + "/"))
        .header("Content-Type", "application/x-amz-json-1.1").header("X-Amz-Target", "AWSEvents.Nope")
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(raw.statusCode()).isEqualTo(400);
    assertThat(json(raw.body()).get("__type").asText()).isEqualTo("UnknownOperationException");
    assertThat(json(raw.body()).get("message").asText()).isNotBlank();
  }

  @Test
  void anArmedFailureAnswers500InternalExceptionAndAcceptsNothing() {
    long receivedBefore = endpoint.received();
    endpoint.failNextPutEvents(1);
    assertThatThrownBy(() -> client.putEvents(b -> b.entries(entry(BUS, "linkpulse.redirect", "link.clicked", "{}").build())))
        .isInstanceOfSatisfying(EventBridgeException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(500);
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InternalException");
        });
    assertThat(endpoint.received()).isEqualTo(receivedBefore);
    // disarmed after one: the next call goes through
    assertThat(client.putEvents(b -> b.entries(entry(BUS, "s", "t", "{}").build())).failedEntryCount()).isZero();

    // a client with the SDK's default retries rides over one injected failure
    try (EventBridgeClient retrying = AwsEmulators.eventBridge(endpoint.endpoint(), true)) {
      long injected = endpoint.injectedFailures();
      endpoint.failNextPutEvents(1);
      assertThat(retrying.putEvents(b -> b.entries(entry(BUS, "s", "t", "{}").build())).failedEntryCount()).isZero();
      assertThat(endpoint.injectedFailures()).isEqualTo(injected + 1);
    }
  }

  @Test
  void anInvalidPatternIsRefusedAtConstruction() {
    assertThatThrownBy(() -> new EventBridgeEndpoint(0, List.of(new EventRule("bad", BUS, "{\"source\":\"not-a-list\"}", List.of(clicksQueue))),
        AwsEmulators.sqs())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bad");
  }

  @Test
  void busNamesAndArnsNameTheSameBus() {
    assertThat(EventBridgeEndpoint.busName(BUS_ARN)).isEqualTo(BUS);
    assertThat(EventBridgeEndpoint.busName(BUS)).isEqualTo(BUS);
    assertThat(EventBridgeEndpoint.busName(null)).isEqualTo("default");
    assertThat(EventBridgeEndpoint.busName("arn:aws:events:us-east-1:000000000000:event-bus/default")).isEqualTo("default");
  }

  @Test
  void concurrentPublishersGetEveryEventDeliveredExactlyOnce() throws Exception {
    // one sender per queue gathers what the publishers put meanwhile: nothing may be lost or sent twice in the
    // hand-over between a finishing sender and a new event
    long deliveredBefore = endpoint.delivered();
    int publishers = 8;
    int each = 60;
    var pool = java.util.concurrent.Executors.newFixedThreadPool(publishers);
    try {
      List<java.util.concurrent.Future<?>> done = new ArrayList<>();
      for (int p = 0; p < publishers; p++) {
        int publisher = p;
        done.add(pool.submit(() -> {
          for (int i = 0; i < each; i++) {
            String detail = "{\"code\":\"c\",\"n\":\"" + publisher + "-" + i + "\"}";
            assertThat(client.putEvents(b -> b.entries(entry(BUS, "linkpulse.redirect", "link.clicked", detail).build())).failedEntryCount()).isZero();
          }
        }));
      }
      for (var f : done) f.get(60, java.util.concurrent.TimeUnit.SECONDS);
    } finally {
      pool.shutdown();
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> endpoint.idle() && endpoint.delivered() == deliveredBefore + publishers * each);

    List<Message> messages = drain(clicksQueue, publishers * each);
    assertThat(messages).hasSize(publishers * each);
    assertThat(messages.stream().map(m -> json(m.body()).at("/detail/n").asText()).distinct()).hasSize(publishers * each);
  }

  private static PutEventsRequestEntry.Builder entry(String bus, String source, String detailType, String detail) {
    return PutEventsRequestEntry.builder().eventBusName(bus).source(source).detailType(detailType).detail(detail);
  }

  /**
   * Receives until {@code expected} messages arrived (then one more short receive proves there are no others), deleting
   * them. Generous: hundreds of receives and deletes take well over 30 s on a machine loaded by other builds.
   */
  static List<Message> drain(String queueUrl, int expected) {
    List<Message> all = new ArrayList<>();
    await().atMost(Duration.ofSeconds(120)).until(() -> {
      all.addAll(receive(queueUrl, 1));
      return all.size() >= expected;
    });
    all.addAll(receive(queueUrl, 0));
    return all;
  }

  private static List<Message> receive(String queueUrl, int waitSeconds) {
    List<Message> messages = AwsEmulators.sqs().receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(waitSeconds)).messages();
    messages.forEach(m -> AwsEmulators.sqs().deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle())));
    return messages;
  }
}
