package dev.linkpulse.ops.bench;

import dev.linkpulse.core.Keys;
import dev.linkpulse.emulators.dynamodb.DynamoDbEmulator;
import dev.linkpulse.ops.aws.AwsOptions;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Dollars per million clicks, Linkpulse against the seed-style design, from one measured run: the pipeline's units from
 * {@link HotKeySimulation} (recorder and aggregator calls and their in-process time, WRU and RRU by AWS's rules, stream
 * polls, counter writes that push), the redirect's time from {@link RedirectBench}, the seed-style transaction's WRU and
 * time from {@link SeedStyleBaseline} on our DynamoDB engine; priced by {@link PriceList}.
 */
final class CostBench {
  /** Units per click of one design, by price. */
  record Bill(String design, Map<PriceList.Price, Double> unitsPerClick) {
    double dollarsPerMillion() {
      return unitsPerClick.entrySet().stream().mapToDouble(e -> e.getKey().of(e.getValue() * 1e6)).sum();
    }
  }

  /** Lambda bills each invocation's duration rounded up to the millisecond, times its memory. */
  static double gbSeconds(double millisPerCall, int memoryMb) {
    return Math.ceil(millisPerCall) / 1000.0 * memoryMb / 1024.0;
  }

  private final PrintStream out;

  CostBench(PrintStream out) {
    this.out = out;
  }

  Bill linkpulse(HotKeySimulation.Result r, double redirectMillis, int subscribers) {
    int clicks = r.workload().distinct();
    var t = r.time();
    int delivered = r.workload().events().size();
    double recorderMs = t.recorderMillis() / t.recorderCalls();
    double aggregatorMs = t.aggregatorMillis() / Math.max(1, t.aggregatorCalls());
    double pushes = r.seconds().stream().mapToInt(HotKeySimulation.Second::counterWrites).sum() * (double) subscribers;
    double seconds = r.seconds().size();
    Map<PriceList.Price, Double> u = new LinkedHashMap<>();
    u.put(PriceList.HTTP_API_REQUEST, 1.0);
    u.put(PriceList.LAMBDA_REQUEST, (clicks + t.recorderCalls() + (double) t.aggregatorCalls()) / clicks);
    u.put(PriceList.LAMBDA_GB_SECOND, (clicks * gbSeconds(redirectMillis, 1536) + t.recorderCalls() * gbSeconds(recorderMs, 1024)
        + t.aggregatorCalls() * gbSeconds(aggregatorMs, 1024)) / clicks);
    u.put(PriceList.EVENTBRIDGE_EVENT, delivered / (double) clicks);
    // EventBridge's SendMessage per event; Lambda's poller: one receive and one delete batch per recorder call.
    u.put(PriceList.SQS_REQUEST, (delivered + 2.0 * t.recorderCalls()) / clicks);
    u.put(PriceList.DYNAMODB_WRU, (r.rawWcu() + r.counterWcu()) / clicks);
    u.put(PriceList.DYNAMODB_RRU, r.rcu() / clicks);
    u.put(PriceList.STREAM_READ, seconds * r.settings().shards() * 1000.0 / StreamPollers.POLL_INTERVAL_MILLIS / clicks);
    u.put(PriceList.WEBSOCKET_MESSAGE, pushes / clicks);
    return new Bill("linkpulse", u);
  }

  /** The seed-style design: per click one redirect whose one TransactWriteItems counts it (no queue, no stream). */
  Bill seedStyle(Workload w, double redirectMillis) throws Exception {
    WriteAccounting.Ledger ledger = new WriteAccounting.Ledger();
    try (DynamoDbEmulator engine = DynamoDbEmulator.builder().port(0).start();
         DynamoDbClient dynamo = AwsOptions.defaults().at(DynamoDbClient.builder(), "DYNAMODB", engine.endpoint())
             .overrideConfiguration(c -> c.addExecutionInterceptor(new WriteAccounting(ledger))).build()) {
      SeedStyleBaseline seed = new SeedStyleBaseline(dynamo, "Seed");
      seed.createTable();
      long start = System.nanoTime();
      seed.record(w.events(), 1);
      double transactionMs = (System.nanoTime() - start) / 1e6 / w.events().size();
      Map<PriceList.Price, Double> u = new LinkedHashMap<>();
      u.put(PriceList.HTTP_API_REQUEST, 1.0);
      u.put(PriceList.LAMBDA_REQUEST, w.events().size() / (double) w.distinct());
      u.put(PriceList.LAMBDA_GB_SECOND, gbSeconds(redirectMillis + transactionMs, 1536) * w.events().size() / w.distinct());
      u.put(PriceList.DYNAMODB_WRU, ledger.wcu() / w.distinct());
      return new Bill("seed-style (1 transaction per click)", u);
    }
  }

  void print(Bill ours, Bill seed, double redirectMillis) {
    out.println();
    String fmt = "%-34s %14s %12s %14s %12s  %s%n";
    out.printf(fmt, "unit (price as of " + PriceList.AS_OF + ")", "linkpulse/clk", "$/M clicks", "seed-style/clk", "$/M clicks", "price");
    for (PriceList.Price p : PriceList.ALL) {
      double a = ours.unitsPerClick().getOrDefault(p, 0.0);
      double b = seed.unitsPerClick().getOrDefault(p, 0.0);
      out.printf(fmt, p.unit(), String.format("%.4f", a), String.format("%.3f", p.of(a * 1e6)), String.format("%.4f", b),
          String.format("%.3f", p.of(b * 1e6)), String.format("$%s per %,.0f %s", java.math.BigDecimal.valueOf(p.dollars()).toPlainString(), p.per(), p.note()));
    }
    out.printf(fmt, "total", "", String.format("%.2f", ours.dollarsPerMillion()), "", String.format("%.2f", seed.dollarsPerMillion()), "");
    out.printf("Lambda durations are local, in-process handler times on this machine (redirect p50 %.2f ms), rounded up to 1 ms%n", redirectMillis);
    out.println("and billed at the template's memory (redirect 1,536 MB, others 1,024 MB); on AWS they differ. Not priced: CloudFront,");
    out.println("CloudWatch logs and metrics, X-Ray, SQS's empty long polls, storage (raw clicks ~0.4 KB for ClickRetentionDays).");
    crossover(ours);
  }

  /** The sustained rate above which two small always-on containers behind a load balancer cost less. A note, not a claim. */
  private void crossover(Bill ours) {
    // What containers would replace: the HTTP API and the functions. The bus, queue and table stay either way.
    double dollarsPerMillion = java.util.stream.Stream.of(PriceList.HTTP_API_REQUEST, PriceList.LAMBDA_REQUEST, PriceList.LAMBDA_GB_SECOND)
        .mapToDouble(p -> p.of(ours.unitsPerClick().getOrDefault(p, 0.0) * 1e6)).sum();
    double taskHour = 0.5 * PriceList.FARGATE_VCPU_HOUR + 1 * PriceList.FARGATE_GB_HOUR;
    double monthly = 730 * (2 * taskHour + PriceList.ALB_HOUR + PriceList.ALB_LCU_HOUR);
    double clicksPerMonth = monthly / dollarsPerMillion * 1e6;
    out.printf("Containers (a note, not a claim): two Fargate arm64 tasks of 0.5 vCPU / 1 GB behind an ALB (1 LCU) cost about $%.0f a%n", monthly);
    out.printf("month; the HTTP API and Lambda they replace cost $%.2f per million clicks, so they cost as much at%n", dollarsPerMillion);
    out.printf("about %,.0f million clicks a month (%,.0f clicks/s sustained). The seed card's own container figures were not available%n",
        clicksPerMonth / 1e6, clicksPerMonth / (730 * 3600.0));
    out.println("here; these are list prices with our assumptions (and one LCU: an ALB's bill grows with load too).");
  }
}
