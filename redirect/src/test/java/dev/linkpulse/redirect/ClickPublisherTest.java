package dev.linkpulse.redirect;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.linkpulse.core.Env;
import dev.linkpulse.core.Metrics;
import dev.linkpulse.core.clicks.ClickEvent;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * The redirect's publish budget against a bus that answers late: a slow attempt is sent again (a click sent twice is
 * recorded once, by its event id), and a click given up is logged with its whole detail, never dropped silently.
 */
class ClickPublisherTest {
  private static final ClickEvent CLICK = new ClickEvent("3a08e329-21bf-4c68-a11b-24808fa04e1b", Instant.parse("2026-12-01T12:00:00Z"),
      "hello", "Xy7abcd", "GET", null, "Mozilla/5.0", "DE", "visitor-hash", false, Map.of());

  private final List<String> bodies = new CopyOnWriteArrayList<>();
  private final List<String> warnings = new CopyOnWriteArrayList<>();
  private final Logger log = Logger.getLogger(ClickPublisher.class.getName());
  private final Handler capture = new Handler() {
    @Override public void publish(LogRecord record) { warnings.add(record.getMessage()); }
    @Override public void flush() { }
    @Override public void close() { }
  };
  private HttpServer server;

  /** A PutEvents endpoint whose first {@code slowAnswers} answers come after {@code delayMillis}. */
  private EventBridgeClient busAnsweringLate(int slowAnswers, long delayMillis) throws IOException {
    return busAnsweringLate(slowAnswers, delayMillis, ClickPublisher::client);
  }

  private EventBridgeClient busAnsweringLate(int slowAnswers, long delayMillis, java.util.function.Supplier<EventBridgeClient> client) throws IOException {
    AtomicInteger seen = new AtomicInteger();
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/", exchange -> {
      bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      if (seen.incrementAndGet() <= slowAnswers) sleep(delayMillis);
      byte[] ok = "{\"FailedEntryCount\":0,\"Entries\":[{\"EventId\":\"e-1\"}]}".getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
      exchange.sendResponseHeaders(200, ok.length);
      try (var out = exchange.getResponseBody()) {
        out.write(ok);
      } catch (IOException clientGaveUp) {
        // the client abandoned this attempt
      }
    });
    server.start();
    log.addHandler(capture);
    Map<String, String> env = Map.of("AWS_REGION", "us-east-1", "AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test",
        "AWS_ENDPOINT_URL_EVENTBRIDGE", "http://127.0.0.1:" + server.getAddress().getPort());
    System.setProperty("aws.accessKeyId", "test");
    System.setProperty("aws.secretAccessKey", "test");
    return Env.scoped(env, client);
  }

  @AfterEach
  void stop() {
    log.removeHandler(capture);
    if (server != null) server.stop(0);
  }

  @Test
  void anAttemptSlowerThanItsBudgetIsSentAgainAndTheClickIsPublished() throws Exception {
    try (EventBridgeClient events = busAnsweringLate(1, ClickPublisher.ATTEMPT_TIMEOUT.toMillis() + 1500)) {
      boolean published = new ClickPublisher(events, "clicks", new Metrics("redirect")).publish(CLICK);

      assertThat(published).isTrue();
      assertThat(bodies).hasSize(2).allSatisfy(body -> assertThat(body).contains(CLICK.eventId()));
      assertThat(warnings).isEmpty();
    }
  }

  /**
   * What a chaos run on a loaded machine met: the JDK's HttpURLConnection threw a NullPointerException out of the SDK
   * (an attempt aborted as it was read), which the SDK does not retry. The click goes again and is published.
   */
  @Test
  void anExceptionFromTheHttpClientThatTheSdkDoesNotRetryIsSentAgainAndTheClickIsPublished() throws Exception {
    AtomicInteger broken = new AtomicInteger();
    try (EventBridgeClient events = busAnsweringLate(0, 0, () -> ClickPublisher.builder()
        .httpClient(new FailingFirst(UrlConnectionHttpClient.create(), 1, broken)).build())) {
      boolean published = new ClickPublisher(events, "clicks", new Metrics("redirect")).publish(CLICK);

      assertThat(broken).hasValue(1);
      assertThat(published).isTrue();
      assertThat(bodies).singleElement().satisfies(body -> assertThat(body).contains(CLICK.eventId()));
      assertThat(warnings).isEmpty();
    }
  }

  @Test
  void anHttpClientThatKeepsThrowingGivesTheClickUpAfterThreeAttemptsAndLogsIt() throws Exception {
    AtomicInteger broken = new AtomicInteger();
    try (EventBridgeClient events = busAnsweringLate(0, 0, () -> ClickPublisher.builder()
        .httpClient(new FailingFirst(UrlConnectionHttpClient.create(), Integer.MAX_VALUE, broken)).build())) {
      boolean published = new ClickPublisher(events, "clicks", new Metrics("redirect")).publish(CLICK);

      assertThat(published).isFalse();
      assertThat(broken).hasValue(ClickPublisher.ATTEMPTS);
      assertThat(warnings).singleElement().asString().contains("NullPointerException");
    }
  }

  /** An HTTP client whose first {@code failures} requests throw what HttpURLConnection threw, uncaught by the SDK. */
  private record FailingFirst(SdkHttpClient http, int failures, AtomicInteger thrown) implements SdkHttpClient {
    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
      if (thrown.get() >= failures) return http.prepareRequest(request);
      return new ExecutableHttpRequest() {
        @Override
        public HttpExecuteResponse call() {
          thrown.incrementAndGet();
          throw new RuntimeException(new NullPointerException("Cannot invoke \"sun.net.www.http.HttpClient.getProxyHostUsed()\" because \"this.http\" is null"));
        }

        @Override
        public void abort() {}
      };
    }

    @Override
    public void close() {
      http.close();
    }
  }

  @Test
  void aClickGivenUpIsLoggedWithItsWholeDetailSoItCanBePutBackOnTheBus() throws Exception {
    try (EventBridgeClient events = busAnsweringLate(Integer.MAX_VALUE, ClickPublisher.CALL_TIMEOUT.toMillis() + 1000)) {
      boolean published = new ClickPublisher(events, "clicks", new Metrics("redirect")).publish(CLICK);

      assertThat(published).isFalse();
      assertThat(warnings).singleElement().satisfies(line -> {
        assertThat(line).contains("click " + CLICK.eventId() + " for hello not published");
        assertThat(line.substring(line.indexOf("; detail: ") + "; detail: ".length()))
            .isEqualTo(dev.linkpulse.core.Json.write(CLICK.toDetail()));
      });
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
