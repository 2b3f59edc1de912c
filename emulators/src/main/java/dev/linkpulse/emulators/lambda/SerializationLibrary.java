package dev.linkpulse.emulators.lambda;

import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;

/**
 * Lambda's serialization library ({@code aws-lambda-java-serialization}) as the Java runtime of one execution
 * environment holds it: a copy of its own per function. The library caches the classes it loads from "the
 * customer's" class loader by name, in a static map, because on Lambda a JVM runs one function; two functions
 * sharing one copy would get each other's event classes. Its classes are reached by reflection, since they are
 * that copy's, not the stack's.
 */
final class SerializationLibrary implements Closeable {
  private static final String EVENTS = "com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers";
  private static final String JACKSON = "com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory";
  private static final String SERIALIZER = "com.amazonaws.services.lambda.runtime.serialization.PojoSerializer";
  private static final URL JAR = LambdaEventSerializers.class.getProtectionDomain().getCodeSource().getLocation();

  private final Closeable onClose;
  private final Method isSupported;
  private final Method eventSerializer;
  private final Object jackson;
  private final Method jacksonSerializer;
  private final Method fromJson;
  private final Method toJson;

  /** A copy for one function, over the library's jar, with nothing but the JDK beneath it. */
  static SerializationLibrary forFunction(String function) throws ReflectiveOperationException {
    URLClassLoader copy = new URLClassLoader(function + " runtime", new URL[] {JAR}, ClassLoader.getPlatformClassLoader());
    return new SerializationLibrary(copy, copy);
  }

  /** The stack's own copy, for functions on the stack's class path (they all share its classes anyway). */
  static SerializationLibrary shared() throws ReflectiveOperationException {
    return new SerializationLibrary(SerializationLibrary.class.getClassLoader(), () -> { });
  }

  private SerializationLibrary(ClassLoader loader, Closeable onClose) throws ReflectiveOperationException {
    this.onClose = onClose;
    Class<?> events = Class.forName(EVENTS, true, loader);
    Class<?> jacksonFactory = Class.forName(JACKSON, true, loader);
    Class<?> serializer = Class.forName(SERIALIZER, false, loader);
    this.isSupported = events.getMethod("isLambdaSupportedEvent", String.class);
    this.eventSerializer = events.getMethod("serializerFor", Class.class, ClassLoader.class);
    this.jackson = jacksonFactory.getMethod("getInstance").invoke(null);
    this.jacksonSerializer = jacksonFactory.getMethod("getSerializer", Class.class);
    this.fromJson = serializer.getMethod("fromJson", String.class);
    this.toJson = serializer.getMethod("toJson", Object.class, OutputStream.class);
  }

  /** JSON to and from one type, chosen as the runtime chooses: Lambda's event serializers, or Jackson. */
  final class Codec {
    private final Object serializer;

    private Codec(Object serializer) {
      this.serializer = serializer;
    }

    Object fromJson(String json) throws Throwable {
      return call(fromJson, serializer, json);
    }

    String toJson(Object value) throws Throwable {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      call(toJson, serializer, value, out);
      return out.toString(StandardCharsets.UTF_8);
    }
  }

  Codec codecFor(Class<?> type, ClassLoader functionLoader) throws Throwable {
    boolean event = (Boolean) call(isSupported, null, type.getName());
    return new Codec(event ? call(eventSerializer, null, type, functionLoader) : call(jacksonSerializer, jackson, type));
  }

  private static Object call(Method method, Object target, Object... args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @Override
  public void close() throws IOException {
    onClose.close();
  }
}
