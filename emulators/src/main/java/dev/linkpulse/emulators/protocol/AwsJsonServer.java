package dev.linkpulse.emulators.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An HTTP endpoint speaking AWS's JSON protocol, the way the SDKs and the aws CLI call DynamoDB, Step Functions,
 * CodeDeploy and EventBridge: {@code POST /} with {@code X-Amz-Target: <TargetPrefix>.<Operation>} and a JSON
 * body; a JSON answer; errors as HTTP 4xx/5xx with {@code {"__type": "<namespace>#<ErrorType>", "message"}} and
 * the {@code x-amzn-ErrorType} header, from which the SDK picks its exception class.
 *
 * <p>Several target prefixes may share one port (DynamoDB and DynamoDB Streams do on AWS's local tools, and the
 * SDK routes both through one endpoint override). Plain HTTP routes can be added beside it for admin switches.
 */
public final class AwsJsonServer implements AutoCloseable {
  /** One operation: request JSON in, response JSON out; throws {@link AwsServiceException} for AWS errors. */
  @FunctionalInterface
  public interface Operation {
    JsonNode apply(JsonNode input);
  }

  /** Runs before every operation: may throw an {@link AwsServiceException} (a fault) or delay (latency). */
  @FunctionalInterface
  public interface Interceptor {
    void before(String targetPrefix, String operation, JsonNode input);
  }

  /** Requests larger than this are refused before they are parsed (DynamoDB's own limit is 16 MB). */
  static final int MAX_BODY_BYTES = 32 * 1024 * 1024;
  private static final Logger LOG = LoggerFactory.getLogger(AwsJsonServer.class);
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

  static {
    // The JDK server leaves Nagle's algorithm on by default; with the client's delayed ACK, every small response
    // would then wait ~40 ms for the ACK of the previous segment. AWS's endpoints answer without that delay.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private record Service(String namespace, Map<String, Operation> operations) {}

  private final HttpServer server;
  private final ExecutorService executor;
  private final Map<String, Service> services;
  private final String contentType;
  private final Interceptor interceptor;
  private final HttpHandler untargeted;

  private AwsJsonServer(Builder b) throws IOException {
    this.services = Map.copyOf(b.services);
    this.contentType = "application/x-amz-json-" + b.jsonVersion;
    this.interceptor = b.interceptor;
    this.untargeted = b.untargeted;
    this.server = HttpServer.create(new InetSocketAddress(b.bindHost(), b.bindPort()), 256);
    this.executor = Executors.newFixedThreadPool(b.threads, daemonThreads(b.name));
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    b.routes.forEach(server::createContext);
    server.start();
  }

  public static Builder builder() {
    return new Builder();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** {@code http://127.0.0.1:<port>}: what a client passes to {@code endpointOverride}. */
  public URI endpoint() {
    return URI.create("http://" + server.getAddress().getHostString() + ":" + port());
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!"/".equals(exchange.getRequestURI().getPath()) || !"POST".equals(exchange.getRequestMethod())) {
        writeError(exchange, new AwsServiceException("UnknownOperationException", 404, "No such route: "
            + exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath()), null);
        return;
      }
      String target = Objects.requireNonNullElse(exchange.getRequestHeaders().getFirst("X-Amz-Target"), "");
      if (target.isEmpty() && untargeted != null) {
        untargeted.handle(exchange);
        return;
      }
      int dot = target.lastIndexOf('.');
      Service service = dot < 0 ? null : services.get(target.substring(0, dot));
      String operation = dot < 0 ? "" : target.substring(dot + 1);
      try {
        Operation op = service == null ? null : service.operations().get(operation);
        if (op == null) throw AwsServiceException.client("UnknownOperationException", "Unknown operation: " + target);
        JsonNode input = parse(requestBody(exchange));
        if (interceptor != null) interceptor.before(target.substring(0, dot), operation, input);
        JsonNode output = op.apply(input);
        write(exchange, 200, MAPPER.writeValueAsBytes(output == null ? MAPPER.createObjectNode() : output));
      } catch (AwsServiceException e) {
        writeError(exchange, e, service);
      } catch (RuntimeException e) {
        LOG.warn("{} failed", target, e);
        writeError(exchange, new AwsServiceException("InternalServerError", 500, "Internal server error: " + e), service);
      }
    }
  }

  /** The request body, inflated when the client compressed it (the SDKs gzip large PutMetricData calls). */
  public static InputStream requestBody(HttpExchange exchange) throws IOException {
    String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
    return encoding != null && encoding.trim().equalsIgnoreCase("gzip")
        ? new GZIPInputStream(exchange.getRequestBody()) : exchange.getRequestBody();
  }

  private static JsonNode parse(InputStream body) throws IOException {
    byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
    if (bytes.length > MAX_BODY_BYTES) {
      throw new AwsServiceException("RequestEntityTooLarge", 413, "Request must be smaller than " + MAX_BODY_BYTES + " bytes");
    }
    try {
      JsonNode node = bytes.length == 0 ? MAPPER.createObjectNode() : MAPPER.readTree(bytes);
      if (node == null || !node.isObject()) throw AwsServiceException.client("SerializationException", "Request body must be a JSON object");
      return node;
    } catch (JsonProcessingException e) {
      throw AwsServiceException.client("SerializationException", "Malformed JSON: " + e.getOriginalMessage());
    }
  }

  private void writeError(HttpExchange exchange, AwsServiceException e, Service service) throws IOException {
    ObjectNode body = MAPPER.createObjectNode();
    String namespace = service == null ? "" : service.namespace();
    body.put("__type", namespace.isEmpty() ? e.errorType() : namespace + "#" + e.errorType());
    body.put("message", e.getMessage());
    body.setAll(e.extra());
    exchange.getResponseHeaders().set("x-amzn-ErrorType", e.errorType());
    e.headers().forEach(exchange.getResponseHeaders()::set);
    write(exchange, e.status(), MAPPER.writeValueAsBytes(body));
  }

  private void write(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static ThreadFactory daemonThreads(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** Configures a server; {@link #start()} binds it. */
  public static final class Builder extends EndpointBuilder<Builder> {
    private final Map<String, Service> services = new LinkedHashMap<>();
    private final Map<String, HttpHandler> routes = new LinkedHashMap<>();
    private String jsonVersion = "1.0";
    private int threads = 16;
    private String name = "aws-json";
    private Interceptor interceptor;
    private HttpHandler untargeted;

    private Builder() {}

    /** {@code "1.0"} (DynamoDB, Step Functions) or {@code "1.1"} (CodeDeploy, EventBridge). */
    public Builder jsonVersion(String version) {
      if (!version.equals("1.0") && !version.equals("1.1")) throw new IllegalArgumentException("JSON protocol 1.0 or 1.1, not " + version);
      this.jsonVersion = version;
      return this;
    }

    /**
     * The operations answered under {@code targetPrefix} (e.g. {@code DynamoDB_20120810}); {@code namespace}
     * prefixes error types in {@code __type} (e.g. {@code com.amazonaws.dynamodb.v20120810}), or "" for none.
     */
    public Builder service(String targetPrefix, String namespace, Map<String, Operation> operations) {
      if (services.containsKey(targetPrefix)) throw new IllegalArgumentException("target prefix declared twice: " + targetPrefix);
      services.put(targetPrefix, new Service(Objects.requireNonNull(namespace, "namespace"), Map.copyOf(operations)));
      return this;
    }

    /** A plain HTTP route beside the protocol (admin switches); {@code path} must not be {@code /}. */
    public Builder route(String path, HttpHandler handler) {
      if (!path.startsWith("/") || path.equals("/")) throw new IllegalArgumentException("route path must start with / and not be /: " + path);
      routes.put(path, handler);
      return this;
    }

    /**
     * Handles {@code POST /} requests that carry no {@code X-Amz-Target}: services that also speak the AWS Query
     * protocol (CloudWatch: the SDK for Java sends Query, the aws CLI sends JSON) answer both on one port.
     */
    public Builder untargeted(HttpHandler handler) {
      this.untargeted = Objects.requireNonNull(handler, "handler");
      return this;
    }

    public Builder interceptor(Interceptor interceptor) {
      this.interceptor = interceptor;
      return this;
    }

    public Builder threads(int threads) {
      if (threads < 1) throw new IllegalArgumentException("threads must be at least 1");
      this.threads = threads;
      return this;
    }

    /** Names the server's threads in thread dumps. */
    public Builder name(String name) {
      this.name = Objects.requireNonNull(name, "name");
      return this;
    }

    public AwsJsonServer start() throws IOException {
      if (services.isEmpty()) throw new IllegalStateException("no service declared");
      return new AwsJsonServer(this);
    }
  }
}
