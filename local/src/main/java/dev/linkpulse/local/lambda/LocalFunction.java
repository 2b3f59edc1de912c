package dev.linkpulse.local.lambda;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import dev.linkpulse.core.Env;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One function of the template, run in-process the way Lambda runs it: each instance serves one invocation at a
 * time (a busy pool grows by a cold start), handlers are constructed inside the function's own environment, and
 * events and responses pass through JSON with Lambda's own serializers, so a handler sees exactly the object the
 * real runtime would build from the same JSON.
 */
public final class LocalFunction {
  private final String name;
  private final Class<?> handlerClass;
  private final Map<String, String> environment;
  private final int timeoutSeconds;
  private final int memoryMb;
  private final PojoSerializer<Object> input;
  private final PojoSerializer<Object> output;
  private final ConcurrentLinkedDeque<RequestHandler<Object, Object>> idle = new ConcurrentLinkedDeque<>();
  private final AtomicInteger instances = new AtomicInteger();
  private final AtomicLong invocations = new AtomicLong();
  private final AtomicLong lastColdStartMillis = new AtomicLong(-1);
  private final AtomicLong injectedFailures = new AtomicLong();
  private final RecordLoss recordLoss = new RecordLoss();

  @SuppressWarnings("unchecked")
  public LocalFunction(String name, String handlerClassName, Map<String, String> environment, int timeoutSeconds, int memoryMb) {
    this.name = name;
    this.environment = Map.copyOf(environment);
    this.timeoutSeconds = timeoutSeconds;
    this.memoryMb = memoryMb;
    try {
      this.handlerClass = Class.forName(handlerClassName);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("function " + name + ": handler class " + handlerClassName + " not found", e);
    }
    if (!RequestHandler.class.isAssignableFrom(handlerClass)) {
      throw new IllegalStateException("function " + name + ": " + handlerClassName + " does not implement RequestHandler");
    }
    Type[] io = requestHandlerTypes(handlerClass);
    this.input = (PojoSerializer<Object>) serializerFor(raw(io[0]));
    this.output = (PojoSerializer<Object>) serializerFor(raw(io[1]));
  }

  public String name() {
    return name;
  }

  public Map<String, String> environment() {
    return environment;
  }

  /**
   * Chaos for tests and drills: the next {@code invocations} invocations fail as a crashed or timed-out function
   * does (the caller sees a function error, the handler never runs). {@code Long.MAX_VALUE} until {@link #heal}.
   */
  public void injectFailures(long invocations) {
    injectedFailures.set(invocations);
  }

  /**
   * Chaos for drills: from now on {@code share} (0 to 1) of the records of every event (SQS messages, stream
   * records) are lost before the handler sees them, and the event source is told they were processed. Unlike
   * {@link #injectFailures}, whose failures are retried and end in a dead-letter queue, nothing catches this but
   * an end-to-end count (the Gatling scenarios' accounting). 0, or {@link #heal}, stops it.
   */
  public void loseRecords(double share) {
    recordLoss.set(share);
  }

  /** Records lost to {@link #loseRecords} so far. */
  public long lostRecords() {
    return recordLoss.lost();
  }

  public void heal() {
    injectedFailures.set(0);
    recordLoss.set(0);
  }

  /** Invokes with an event given as JSON and returns the response as JSON (null for a void handler). */
  public String invoke(String eventJson) {
    if (injectedFailures.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
      throw new FunctionError(name + ": injected failure");
    }
    RequestHandler<Object, Object> handler = acquire();
    try {
      invocations.incrementAndGet();
      Object event = input.fromJson(recordLoss.apply(eventJson));
      Object result = handler.handleRequest(event, new LocalContext(name, timeoutSeconds, memoryMb));
      if (result == null) return null;
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      output.toJson(result, out);
      return out.toString(StandardCharsets.UTF_8);
    } finally {
      idle.push(handler);
    }
  }

  /** Creates the first instance now rather than on the first request, so configuration errors surface at start-up. */
  public void warm() {
    idle.push(acquire());
  }

  public int instances() {
    return instances.get();
  }

  public long invocations() {
    return invocations.get();
  }

  public long lastColdStartMillis() {
    return lastColdStartMillis.get();
  }

  @SuppressWarnings("unchecked")
  private RequestHandler<Object, Object> acquire() {
    RequestHandler<Object, Object> handler = idle.poll();
    if (handler != null) return handler;
    long start = System.nanoTime();
    handler = Env.scoped(environment, () -> {
      try {
        return (RequestHandler<Object, Object>) handlerClass.getDeclaredConstructor().newInstance();
      } catch (ReflectiveOperationException e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        throw new IllegalStateException("function " + name + ": handler failed to initialise: " + cause, cause);
      }
    });
    instances.incrementAndGet();
    lastColdStartMillis.set((System.nanoTime() - start) / 1_000_000);
    return handler;
  }

  /** {@code Map<String, Object>} is deserialised as Lambda does it: by its raw class. */
  private static Class<?> raw(Type type) {
    if (type instanceof Class<?> c) return c;
    if (type instanceof ParameterizedType p) return (Class<?>) p.getRawType();
    return Object.class;
  }

  private static PojoSerializer<?> serializerFor(Class<?> type) {
    if (LambdaEventSerializers.isLambdaSupportedEvent(type.getName())) {
      return LambdaEventSerializers.serializerFor(type, LocalFunction.class.getClassLoader());
    }
    return JacksonFactory.getInstance().getSerializer(type);
  }

  private static Type[] requestHandlerTypes(Class<?> type) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      for (Type t : c.getGenericInterfaces()) {
        if (t instanceof ParameterizedType p && p.getRawType() == RequestHandler.class) return p.getActualTypeArguments();
      }
      Type sup = c.getGenericSuperclass();
      if (sup instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
        for (Type t : raw.getGenericInterfaces()) {
          if (t instanceof ParameterizedType pi && pi.getRawType() == RequestHandler.class) return pi.getActualTypeArguments();
        }
      }
    }
    throw new IllegalStateException(type.getName() + " does not declare RequestHandler<I, O> type arguments");
  }


  /** A function error the runtime reports (the handler threw, crashed or timed out). */
  public static final class FunctionError extends RuntimeException {
    public FunctionError(String message) {
      super(message);
    }
  }
}
