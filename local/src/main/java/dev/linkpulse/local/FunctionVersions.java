package dev.linkpulse.local;

import dev.linkpulse.emulators.lambda.AliasRouting;
import dev.linkpulse.emulators.lambda.LocalFunction;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Published versions of the stack's functions: version 1 is the function as the template booted it, later versions
 * come from a deploy (their own artifact and environment). The alias {@code live} is the function itself, which
 * routes by what CodeDeploy last set. What invokes a function by name or ARN (the Lambda Invoke endpoint, Step
 * Functions' Lambda tasks) resolves it here, so an alias or version qualifier reaches what it names; the Invoke
 * endpoint goes through {@link #invoker}, where a version runs that version even while the alias routes.
 */
final class FunctionVersions {
  private final Map<String, LocalFunction> functions;
  private final Map<String, Map<String, LocalFunction>> versions = new ConcurrentHashMap<>();

  FunctionVersions(Map<String, LocalFunction> functions) {
    this.functions = functions;
  }

  /** Publishes {@code version} as the function's next version; returns its number. */
  synchronized String publish(String function, LocalFunction version) {
    Map<String, LocalFunction> published = published(function);
    String number = String.valueOf(published.size() + 1);
    published.put(number, version);
    return number;
  }

  synchronized Map<String, LocalFunction> published(String function) {
    LocalFunction base = functions.get(function);
    if (base == null) throw new IllegalArgumentException("no function " + function + " in the template: " + functions.keySet());
    return versions.computeIfAbsent(function, f -> {
      Map<String, LocalFunction> m = new LinkedHashMap<>();
      m.put("1", base);
      return m;
    });
  }

  /** CodeDeploy's traffic shift: the alias routes by {@code weights}. */
  void route(String function, Map<String, Double> weights) {
    functions.get(function).routeAlias(new AliasRouting(published(function), weights));
  }

  /**
   * {@code Name}, {@code Name:live} (the alias), {@code Name:$LATEST} or {@code Name:N} (a version), or any of them
   * as a full or partial function ARN; empty for a function, alias or version that does not exist.
   */
  Optional<LocalFunction> resolve(String nameOrArn) {
    String qualifiedName = qualifiedName(nameOrArn);
    int colon = qualifiedName.indexOf(':');
    String name = colon < 0 ? qualifiedName : qualifiedName.substring(0, colon);
    String qualifier = colon < 0 ? null : qualifiedName.substring(colon + 1);
    if (!functions.containsKey(name)) return Optional.empty();
    if (qualifier == null || qualifier.equals(LocalResources.ALIAS) || qualifier.equals("$LATEST")) return Optional.of(functions.get(name));
    return Optional.ofNullable(published(name).get(qualifier));
  }

  /** What an Invoke ran: the version that executed ({@code $LATEST}, or its number) and the response (JSON, or null). */
  record Executed(String version, String response) {}

  /**
   * Lambda's Invoke of {@code nameOrArn}, as its API reference says: a qualifier that names a version invokes that
   * version; one that names the alias invokes the version the alias routes this invocation to; none (or
   * {@code $LATEST}) the function itself, which here follows its alias as the local stack wires it. Empty for a
   * function, alias or version that does not exist.
   */
  Optional<java.util.function.Function<String, Executed>> invoker(String nameOrArn) {
    String qualifiedName = qualifiedName(nameOrArn);
    int colon = qualifiedName.indexOf(':');
    String name = colon < 0 ? qualifiedName : qualifiedName.substring(0, colon);
    String qualifier = colon < 0 ? "$LATEST" : qualifiedName.substring(colon + 1);
    LocalFunction base = functions.get(name);
    if (base == null) return Optional.empty();
    if (qualifier.equals("$LATEST")) return Optional.of(event -> new Executed("$LATEST", base.invoke(event)));
    if (qualifier.equals(LocalResources.ALIAS)) {
      return Optional.of(event -> {
        LocalFunction version = base.route();
        return new Executed(number(name, version), version.invokeVersion(event));
      });
    }
    LocalFunction version = published(name).get(qualifier);
    return version == null ? Optional.empty() : Optional.of(event -> new Executed(qualifier, version.invokeVersion(event)));
  }

  private synchronized String number(String function, LocalFunction version) {
    return published(function).entrySet().stream().filter(e -> e.getValue() == version).map(Map.Entry::getKey).findFirst()
        .orElseThrow(() -> new IllegalStateException(function + " routes to a version it never published"));
  }

  /**
   * {@code Name} or {@code Name:Qualifier} of {@code arn:aws:lambda:REGION:ACCOUNT:function:Name[:Qualifier]},
   * {@code ACCOUNT:function:Name[:Qualifier]} or the name itself.
   */
  static String qualifiedName(String nameOrArn) {
    int at = nameOrArn.indexOf("function:");
    return at < 0 ? nameOrArn : nameOrArn.substring(at + "function:".length());
  }
}
