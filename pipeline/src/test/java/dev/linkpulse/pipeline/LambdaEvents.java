package dev.linkpulse.pipeline;

import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Event samples from src/test/resources, read by the serializer Lambda's Java runtime uses for its event types. */
public final class LambdaEvents {
  private LambdaEvents() {}

  public static <T> T load(String resource, Class<T> type) {
    try (InputStream in = LambdaEvents.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) throw new IllegalArgumentException("no test resource " + resource);
      return LambdaEventSerializers.serializerFor(type, LambdaEvents.class.getClassLoader()).fromJson(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
