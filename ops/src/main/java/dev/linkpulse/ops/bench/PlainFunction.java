package dev.linkpulse.ops.bench;

import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;

/**
 * A function loaded the plain way, for the cold-start bench's "plain" loader: its artifact in a {@link URLClassLoader}
 * over the JDK, no class rewritten, its environment the process's own (the bench starts the JVM with it), events
 * turned into objects by Lambda's serialization library. Close to what Lambda's Java runtime does, and without what
 * the local stack adds so that many functions share one JVM (the {@code System.getenv} rewrite of every class, a copy
 * of the serialization library per function).
 */
final class PlainFunction {
  private final ClassLoader loader;
  private final Object handler;
  private final Method handleRequest;
  private final PojoSerializer<Object> input;
  private final PojoSerializer<Object> output;
  private long lastHandlerNanos;

  /** Init: the handler class loaded and initialised, its serializers built, its constructor run. */
  PlainFunction(Path artifact, String handlerClass) throws Exception {
    this.loader = new URLClassLoader("function", new URL[] {artifact.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
    Thread.currentThread().setContextClassLoader(loader);
    Class<?> type = Class.forName(handlerClass, true, loader);
    Class<?> requestHandler = Class.forName("com.amazonaws.services.lambda.runtime.RequestHandler", false, loader);
    Class<?> context = Class.forName("com.amazonaws.services.lambda.runtime.Context", false, loader);
    this.handleRequest = requestHandler.getMethod("handleRequest", Object.class, context);
    // The handler's own (non-bridge) handleRequest names its event and answer types.
    Method typed = java.util.Arrays.stream(type.getMethods())
        .filter(m -> m.getName().equals("handleRequest") && !m.isBridge() && m.getParameterCount() == 2).findFirst()
        .orElseThrow(() -> new IllegalStateException(handlerClass + " has no handleRequest(I, Context)"));
    this.input = serializer(typed.getParameterTypes()[0]);
    this.output = serializer(typed.getReturnType());
    this.handler = type.getDeclaredConstructor().newInstance();
  }

  Object handler() {
    return handler;
  }

  /** One invocation, as the runtime makes it: the event from JSON, the handler (no context), the answer to JSON. */
  void invoke(String eventJson) throws Exception {
    Object event = input.fromJson(eventJson);
    long start = System.nanoTime();
    Object result = handleRequest.invoke(handler, event, null);
    lastHandlerNanos = System.nanoTime() - start;
    if (result != null) output.toJson(result, new ByteArrayOutputStream());
  }

  /** Of the last invocation, the time inside the handler: what is left once the runtime's serialization is taken out. */
  long lastHandlerNanos() {
    return lastHandlerNanos;
  }

  @SuppressWarnings("unchecked")
  private PojoSerializer<Object> serializer(Class<?> type) {
    return (PojoSerializer<Object>) (LambdaEventSerializers.isLambdaSupportedEvent(type.getName())
        ? LambdaEventSerializers.serializerFor(type, loader) : JacksonFactory.getInstance().getSerializer(type));
  }
}
