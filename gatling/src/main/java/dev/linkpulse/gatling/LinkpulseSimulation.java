package dev.linkpulse.gatling;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * What every Linkpulse scenario shares: its parameters, the ledger of what it sent, the HTTP protocol, an open
 * arrival model (clicks come whether or not the server keeps up), the gates (no failed request, a redirect p99
 * bound) and the pipeline accounting. {@code before()} lets the scenario create what it needs; {@code after()}
 * waits until the stats API has counted every click sent, prints the table, and fails the run if it never does.
 */
abstract class LinkpulseSimulation extends Simulation {
  static final Duration POLL = Duration.ofMillis(250);
  static final Duration SETTLE = Duration.ofSeconds(2);

  final String name = getClass().getSimpleName();
  final LoadParameters params;
  final Ledger ledger = new Ledger();
  final ApiClient api;
  final TrafficMix mix;

  LinkpulseSimulation(LoadParameters.Defaults defaults) {
    params = LoadParameters.fromSystemProperties(name, defaults);
    api = new ApiClient(params.baseUrl(), params.token());
    mix = TrafficMix.standard(params.botShare());
  }

  /** Creates what the scenario needs before the first arrival. */
  abstract void prepare();

  @Override
  public final void before() {
    System.out.println(name + ": " + params.describe() + "; token: " + params.token());
    // Once, up front: a bad token or token command fails the run here, before any link or click.
    params.token().get();
    prepare();
    if (!params.warmUp().isZero()) {
      try {
        WarmUp.run(api, name, params.warmUp(), params.rate(), params.countTimeout(), System.out);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while warming up", e);
      }
    }
  }

  @Override
  public final void after() {
    Accounting accounting;
    try {
      accounting = new Accountant(api::stats, params.countTimeout(), POLL, SETTLE, System.out::println).account(name, ledger);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the pipeline to count the clicks", e);
    }
    // Printed and written before the verdict: a throw here makes Gatling skip its reports and assertions.
    System.out.println();
    System.out.print(AccountingReport.table(accounting, params.countTimeout(), AccountingReport.PRINTED_ROWS));
    AccountingReport.write(accounting, params.countTimeout(), params.accountingFile());
    System.out.println("  accounting file      " + params.accountingFile().toAbsolutePath());
    System.out.println();
    if (!accounting.balanced()) {
      throw new IllegalStateException("pipeline accounting failed: " + accounting.unbalanced().size() + " of " + accounting.rows().size()
          + " links were not counted as sent (table above)");
    }
  }

  /** Sets the run up as clicks drawn from {@code feeder}, arriving as {@link #arrivals()} says, under the gates. */
  final void setUpClicks(ClickFeeder feeder) {
    setUp(scenario(name).feed(feeder).exec(Clicks.click(ledger)).injectOpen(arrivals())).protocols(protocol()).assertions(gates());
  }

  HttpProtocolBuilder protocol() {
    // One shared connection pool: the scenarios model clicks reaching the API (behind API Gateway or CloudFront),
    // not browsers, so the generator's cores go to requests rather than TCP handshakes. No redirect is followed
    // (the targets are other people's sites), nothing cached, no automatic Referer, no warm-up call to gatling.io.
    return http.baseUrl(params.baseUrl().toString()).disableFollowRedirect().disableCaching().disableAutoReferer()
        .disableWarmUp().shareConnections();
  }

  /** Ramp from one arrival a second to the rate, then hold it with Poisson arrivals. */
  List<OpenInjectionStep> arrivals() {
    List<OpenInjectionStep> steps = new ArrayList<>();
    if (!params.ramp().isZero()) steps.add(rampUsersPerSec(Math.min(1, params.rate())).to(params.rate()).during(params.ramp()));
    steps.add(constantUsersPerSec(params.rate()).during(params.duration()).randomized());
    return steps;
  }

  /** What fails the run besides the accounting: any failed request, and a slow redirect p99. */
  Assertion[] gates() {
    return new Assertion[] {
        global().failedRequests().count().is(0L),
        details(Clicks.REDIRECT).responseTime().percentile(99.0).lt(params.p99Millis())};
  }

  /** Creates {@code count} links through the API (eight at a time), opens each in the ledger and fills {@code into}. */
  void createLinks(LinkSet into, int count) {
    String run = Long.toString(System.currentTimeMillis(), 36);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<String>> created = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        String url = "https://example.com/gatling/" + name + "/" + run + "/" + i;
        created.add(pool.submit(() -> api.createLink(url)));
      }
      List<String> codes = new ArrayList<>();
      for (Future<String> f : created) codes.add(f.get());
      codes.forEach(ledger::open);
      into.fill(codes);
      System.out.printf("%s: created %d links%n", name, codes.size());
    } catch (java.util.concurrent.ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating links", e);
    } finally {
      pool.shutdownNow();
    }
  }
}
