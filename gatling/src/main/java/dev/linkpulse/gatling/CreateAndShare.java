package dev.linkpulse.gatling;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Users create a link and share it at once: each arrival creates a link with an {@code Idempotency-Key} (retried
 * with the same key, after a pause, as a client does on an error or timeout), and then clicks it one to five times
 * in the usual mix. One client in ten also re-sends its create as if the first answer had been lost, and must get
 * the same link back. {@code -Drate} counts links created a second.
 */
public final class CreateAndShare extends LinkpulseSimulation {
  static final int MAX_CLICKS = 5;
  static final double LOST_ANSWER_SHARE = 0.1;

  public CreateAndShare() {
    super(new LoadParameters.Defaults(5, Duration.ofSeconds(10), Duration.ofSeconds(60), 0));
    setUp(scenario(name)
        .exec(session -> session.set("idempotencyKey", UUID.randomUUID().toString()))
        .tryMax(3, "attempt").on(
            doIf(session -> session.getInt("attempt") > 0).then(pause(Duration.ofMillis(500))),
            exec(create("create link").check(status().is(201), jsonPath("$.code").saveAs("code"))))
        .exitHereIfFailed()
        .exec(session -> {
          ledger.open(session.getString("code"));
          return session;
        })
        .doIf(session -> ThreadLocalRandom.current().nextDouble() < LOST_ANSWER_SHARE).then(
            exec(create("create link again (answer lost)").check(status().is(201), jsonPath("$.code").isEL("#{code}"))).exitHereIfFailed())
        .repeat(session -> 1 + ThreadLocalRandom.current().nextInt(MAX_CLICKS)).on(visit())
        .injectOpen(arrivals())).protocols(protocol()).assertions(gates());
  }

  private HttpRequestActionBuilder create(String requestName) {
    return http(requestName).post("/links")
        .header("Authorization", session -> "Bearer " + params.token().get())
        .header("Idempotency-Key", "#{idempotencyKey}")
        .body(StringBody("{\"url\":\"https://example.com/shared/#{idempotencyKey}\"}")).asJson();
  }

  /** A click on the session's own link, in the usual mix of visitors. */
  private ChainBuilder visit() {
    return exec(this::newVisitor).exec(Clicks.click(ledger));
  }

  private Session newVisitor(Session session) {
    return session.setAll(mix.next(ThreadLocalRandom.current()).attributes());
  }

  @Override
  void prepare() {
    // nothing to prepare: creating links is the scenario's own work
  }
}
