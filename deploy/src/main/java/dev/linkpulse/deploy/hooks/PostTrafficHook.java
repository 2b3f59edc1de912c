package dev.linkpulse.deploy.hooks;

import dev.linkpulse.core.Env;
import dev.linkpulse.core.aws.AwsClients;
import dev.linkpulse.core.clicks.SyntheticClicks;
import dev.linkpulse.pipeline.counters.CounterStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;

/** CodeDeployHook_*_post: {@link PostTrafficCheck} through the public endpoint ({@code PUBLIC_BASE_URL}). */
public final class PostTrafficHook extends LifecycleHook {
  static final int CLICKS = 20;

  public PostTrafficHook() {
    super(check(Clock.systemUTC()), AwsPorts.codeDeploy());
  }

  private static PostTrafficCheck check(Clock clock) {
    String base = Env.require("PUBLIC_BASE_URL");
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
    PostTrafficCheck.PublicClicks clicks = (code, marker, source) -> http.send(HttpRequest.newBuilder(
            URI.create(base + "/" + code + "?utm_source=" + URLEncoder.encode(source, StandardCharsets.UTF_8)))
        .header(SyntheticClicks.HEADER, marker).header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) linkpulse-canary")
        .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    CounterStore counters = CounterStore.dynamoDb(AwsClients.dynamoDb(), Env.require("TABLE_NAME"));
    PostTrafficCheck.CanaryCounts counts = (link, source, from) -> counters.range(link.life(), from.truncatedTo(ChronoUnit.HOURS),
        clock.instant().plus(Duration.ofHours(1))).stream().mapToLong(h -> h.dimensions().get("source").top().getOrDefault(source, 0L)).sum();
    return new PostTrafficCheck(HookEnvironment.canaryLink(clock),
        SyntheticClicks.of(Env.require("SYNTHETIC_CLICK_KEY"), Env.require("CANARY_LINK_CODE")), clicks, counts,
        d -> Thread.sleep(d.toMillis()), clock, CLICKS, Duration.ofSeconds(Env.getInt("HOOK_TIMEOUT_SECONDS", 120)));
  }
}
