package dev.linkpulse.emulators.lambda;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/**
 * A function's handler class as the Java runtime sees it: a {@code RequestHandler<I, O>} of the function's own
 * class loader, reached by reflection (its interfaces are the artifact's copies, not the local stack's), with
 * JSON codecs for I and O built the way the runtime builds them ({@link SerializationLibrary}).
 */
final class HandlerClass {
  static final String REQUEST_HANDLER = "com.amazonaws.services.lambda.runtime.RequestHandler";
  static final String CONTEXT = "com.amazonaws.services.lambda.runtime.Context";
  static final String LOGGER = "com.amazonaws.services.lambda.runtime.LambdaLogger";

  private final Class<?> type;
  private final Method handleRequest;
  private final Class<?> context;
  private final Class<?> logger;
  private final SerializationLibrary.Codec input;
  private final SerializationLibrary.Codec output;

  /** Loads and initialises the class (its static initialisers run: part of init, as on Lambda). */
  HandlerClass(String className, ClassLoader loader, SerializationLibrary serialization) throws Throwable {
    this.type = Class.forName(className, true, loader);
    Class<?> requestHandler = Class.forName(REQUEST_HANDLER, false, loader);
    if (!requestHandler.isAssignableFrom(type)) throw new IllegalStateException(className + " does not implement RequestHandler");
    this.context = Class.forName(CONTEXT, false, loader);
    this.logger = Class.forName(LOGGER, false, loader);
    this.handleRequest = requestHandler.getMethod("handleRequest", Object.class, context);
    Type[] io = typeArguments(type, requestHandler);
    this.input = serialization.codecFor(raw(io[0]), loader);
    this.output = serialization.codecFor(raw(io[1]), loader);
  }

  Class<?> context() {
    return context;
  }

  Class<?> logger() {
    return logger;
  }

  /** A new handler instance: its constructor is the function's init code. */
  Object newInstance() throws Throwable {
    try {
      return type.getDeclaredConstructor().newInstance();
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /** One invocation: the event from JSON, the handler, the response to JSON (null for a null response). */
  String invoke(Object handler, String eventJson, Object lambdaContext) throws Throwable {
    Object event = input.fromJson(eventJson);
    Object result;
    try {
      result = handleRequest.invoke(handler, event, lambdaContext);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
    return result == null ? null : output.toJson(result);
  }

  /** {@code Map<String, Object>} is deserialised as Lambda does it: by its raw class. */
  private static Class<?> raw(Type type) {
    if (type instanceof Class<?> c) return c;
    if (type instanceof ParameterizedType p) return (Class<?>) p.getRawType();
    return Object.class;
  }

  /** I and O of the {@code RequestHandler<I, O>} that {@code type} or one of its superclasses implements. */
  private static Type[] typeArguments(Class<?> type, Class<?> requestHandler) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      for (Type t : c.getGenericInterfaces()) {
        if (t instanceof ParameterizedType p && p.getRawType() == requestHandler) return p.getActualTypeArguments();
        if (t == requestHandler) return new Type[] {Object.class, Object.class};
      }
    }
    throw new IllegalStateException(type.getName() + " does not declare RequestHandler<I, O> type arguments");
  }
}
