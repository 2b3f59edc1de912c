package dev.linkpulse.emulators.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** A {@link LambdaInvoker} whose functions are Java lambdas over JSON; it records every invocation. */
final class FakeLambda implements LambdaInvoker {
  record Invocation(String function, JsonNode payload) {}

  private final Map<String, Function<JsonNode, Result>> functions = new ConcurrentHashMap<>();
  private final List<Invocation> invocations = new CopyOnWriteArrayList<>();

  FakeLambda on(String function, Function<JsonNode, Result> body) {
    functions.put(function, body);
    return this;
  }

  /** A function that answers its payload back. */
  FakeLambda echo(String function) {
    return on(function, payload -> Result.success(Json.write(payload)));
  }

  @Override
  public Result invoke(String function, String payload) {
    JsonNode parsed = Json.parse(payload);
    invocations.add(new Invocation(function, parsed));
    Function<JsonNode, Result> body = functions.get(LambdaInvoker.functionName(function));
    if (body == null) return Result.serviceError("ResourceNotFoundException", "Function not found: " + function);
    return body.apply(parsed);
  }

  List<Invocation> invocations() {
    return List.copyOf(invocations);
  }

  long calls(String function) {
    return invocations.stream().filter(i -> LambdaInvoker.functionName(i.function()).equals(function)).count();
  }
}
