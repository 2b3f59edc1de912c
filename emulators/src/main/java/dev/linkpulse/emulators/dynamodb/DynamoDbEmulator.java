package dev.linkpulse.emulators.dynamodb;

import dev.linkpulse.emulators.protocol.AwsJsonServer;
import dev.linkpulse.emulators.protocol.EmulatorBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * A DynamoDB and DynamoDB Streams engine on one local port, written from AWS's API reference: the real SDK v2
 * clients, Powertools and the aws CLI use it through {@code endpointOverride} / {@code --endpoint-url}.
 * In memory by default; with {@link Builder#dataDirectory} its tables, items and streams survive restarts.
 *
 * <pre>{@code
 * try (DynamoDbEmulator dynamo = DynamoDbEmulator.builder().port(0).timeline(timeline).start()) {
 *   DynamoDbClient client = DynamoDbClient.builder().endpointOverride(dynamo.endpoint())...build();
 * }
 * }</pre>
 */
public final class DynamoDbEmulator implements AutoCloseable {
  static final String TARGET = "DynamoDB_20120810";
  static final String STREAMS_TARGET = "DynamoDBStreams_20120810";
  static final String NAMESPACE = "com.amazonaws.dynamodb.v20120810";

  private final Engine engine;
  private final TtlSweeper sweeper;
  private final Runnable stopHousekeeping;
  private final DynamoDbFaults faults;
  private final AwsJsonServer server;

  private DynamoDbEmulator(Builder b) throws IOException {
    Store store = Store.NONE;
    MvStoreStore file = null;
    if (b.dataDirectory != null) {
      Files.createDirectories(b.dataDirectory);
      store = file = new MvStoreStore(b.dataDirectory);
    }
    PartitionThrottle throttle = new PartitionThrottle(b.hotPartitionThrottling);
    this.engine = new Engine(b.clock(), store, new Engine.Settings(b.shardRollover, b.ttlSweepInterval), throttle);
    this.faults = new DynamoDbFaults(b.clock(), b.faultSeed);
    this.sweeper = new TtlSweeper(engine, b.ttlSweepInterval);
    // Reclaims the data file's dead space while the engine runs (MvStoreHousekeeper); nothing to do in memory.
    this.stopHousekeeping = file == null ? () -> {} : file.startHousekeeping(b.clock(), step -> engine.locked(() -> {
      step.run();
      return null;
    }))::close;
    AdminRoutes admin = new AdminRoutes(faults, throttle);
    try {
      this.server = AwsJsonServer.builder().name("dynamodb").port(b.bindPort()).host(b.bindHost()).threads(b.threads)
          .service(TARGET, NAMESPACE, Operations.dynamoDb(engine))
          .service(STREAMS_TARGET, NAMESPACE, Operations.streams(engine))
          .route(AdminRoutes.FAULTS, admin::faults)
          .route(AdminRoutes.THROTTLING, admin::throttling)
          .interceptor((prefix, operation, input) -> faults.before(operation, input))
          .start();
    } catch (IOException | RuntimeException e) {
      sweeper.close();
      stopHousekeeping.run();
      engine.close();
      throw e;
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** {@code http://127.0.0.1:<port>}, for {@code endpointOverride} and {@code --endpoint-url}. */
  public URI endpoint() {
    return server.endpoint();
  }

  public int port() {
    return server.port();
  }

  /** Fault rules for chaos tests; none by default. */
  public DynamoDbFaults faults() {
    return faults;
  }

  /** Holds each partition key to 1,000 WCU/s and 3,000 RCU/s (off by default). */
  public void hotPartitionThrottling(boolean enabled) {
    engine.throttle.enabled(enabled);
  }

  public boolean hotPartitionThrottling() {
    return engine.throttle.enabled();
  }

  /** Stops serving, then closes the data file (every acknowledged write is already in it). */
  @Override
  public void close() {
    server.close();
    sweeper.close();
    stopHousekeeping.run();
    engine.close();
  }

  /** Configures an engine; {@link #start()} opens the data directory and binds the port. */
  public static final class Builder extends EmulatorBuilder<Builder> {
    private Path dataDirectory;
    private boolean hotPartitionThrottling;
    private Duration shardRollover = Duration.ofHours(4);
    private Duration ttlSweepInterval = Duration.ofSeconds(30);
    private int threads = 8;
    private long faultSeed = 1;

    private Builder() {}

    /** Keeps tables, items and streams in {@code directory} (created if missing); null (the default) keeps them in memory. */
    public Builder dataDirectory(Path directory) {
      this.dataDirectory = directory;
      return this;
    }

    public Builder hotPartitionThrottling(boolean enabled) {
      this.hotPartitionThrottling = enabled;
      return this;
    }

    /** How long a shard stays open before a new child shard takes the writes (default 4 h, as on AWS). */
    public Builder shardRollover(Duration age) {
      if (age.isNegative() || age.isZero()) throw new IllegalArgumentException("shard rollover must be positive: " + age);
      this.shardRollover = age;
      return this;
    }

    /** How often expired items are looked for (default 30 s of the timeline). */
    public Builder ttlSweepInterval(Duration interval) {
      if (interval.isNegative() || interval.isZero()) throw new IllegalArgumentException("TTL sweep interval must be positive: " + interval);
      this.ttlSweepInterval = interval;
      return this;
    }

    public Builder threads(int threads) {
      if (threads < 1) throw new IllegalArgumentException("threads must be at least 1");
      this.threads = threads;
      return this;
    }

    /** Seeds the draw that picks which requests a fault rule hits. */
    public Builder faultSeed(long seed) {
      this.faultSeed = seed;
      return this;
    }

    public DynamoDbEmulator start() throws IOException {
      try {
        return new DynamoDbEmulator(this);
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
    }
  }
}
