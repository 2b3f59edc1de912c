package dev.linkpulse.deploy.hooks;

import dev.linkpulse.core.Env;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** CodeDeployHook_*_authorizer_pre: {@link AuthorizerProbe}, with a good token from {@code CANARY_TOKEN_URL} when set. */
public final class AuthorizerPreTrafficHook extends LifecycleHook {
  public AuthorizerPreTrafficHook() {
    super(new AuthorizerProbe(AwsPorts.lambda(), HookEnvironment.newVersion(), AuthorizerPreTrafficHook::canaryToken), AwsPorts.codeDeploy());
  }

  private static Optional<String> canaryToken() {
    String url = Env.get("CANARY_TOKEN_URL", "");
    if (url.isBlank()) return Optional.empty();
    try {
      HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) throw new IllegalStateException("canary token endpoint answered " + r.statusCode());
      return Optional.of(r.body().trim());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
