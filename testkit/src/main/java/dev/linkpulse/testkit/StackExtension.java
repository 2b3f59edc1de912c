package dev.linkpulse.testkit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts a stack once for a test class and stops it afterwards; also a small HTTP client for the stack's API, so
 * tests read as requests and assertions. The extension knows nothing of the stack it runs: the registration names
 * how to start one, where its API listens and how to get a token for a user.
 *
 * <pre>
 * {@literal @}RegisterExtension
 * static final StackExtension&lt;LocalStack&gt; stack =
 *     new StackExtension&lt;&gt;(LocalStack::ephemeral, LocalStack::apiUrl, LocalStack::token).parameter("LinkCacheSeconds", "1");
 * </pre>
 *
 * @param <S> the stack: closed after the class's last test
 */
public final class StackExtension<S extends AutoCloseable> implements BeforeAllCallback, AfterAllCallback {
  /** Starts a stack with these template parameters overridden. */
  @FunctionalInterface
  public interface Starter<S> {
    S start(Map<String, String> parameters) throws Exception;
  }

  private final Starter<S> starter;
  private final Function<S, String> apiUrl;
  private final BiFunction<S, String, String> tokens;
  private final Map<String, String> parameters = new LinkedHashMap<>();
  private S stack;
  private ApiClient client;

  public StackExtension(Starter<S> starter, Function<S, String> apiUrl, BiFunction<S, String, String> tokens) {
    this.starter = Objects.requireNonNull(starter);
    this.apiUrl = Objects.requireNonNull(apiUrl);
    this.tokens = Objects.requireNonNull(tokens);
  }

  /** Overrides a template parameter for this class's stack. */
  public StackExtension<S> parameter(String name, String value) {
    parameters.put(name, value);
    return this;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    stack = starter.start(Map.copyOf(parameters));
    client = new ApiClient(apiUrl.apply(stack));
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    if (stack != null) stack.close();
  }

  public S stack() {
    return stack;
  }

  public String api() {
    return client.baseUrl();
  }

  /** A bearer token for {@code user}, as the stack's issuer mints it. */
  public String token(String user) {
    return tokens.apply(stack, user);
  }

  public ApiResponse get(String path, String token) {
    return client.send("GET", path, token, null, Map.of());
  }

  public ApiResponse post(String path, String token, String body) {
    return client.send("POST", path, token, body, Map.of());
  }

  public ApiResponse delete(String path, String token) {
    return client.send("DELETE", path, token, null, Map.of());
  }

  public ApiResponse send(String method, String path, String token, String body, Map<String, String> headers) {
    return client.send(method, path, token, body, headers);
  }
}
