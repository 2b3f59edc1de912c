package dev.linkpulse.emulators.lambda;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The {@code Context} of one invocation, as a proxy of the function's own Context interface (the artifact's copy
 * of aws-lambda-java-core): a request id, the function's name, memory and deadline, and a logger that writes to
 * the stack's log. Methods a newer Context adds with a default body run that body.
 */
final class LambdaContext implements InvocationHandler {
  private final FunctionIdentity function;
  private final String requestId;
  private final long deadlineNanos;
  private final Object logger;

  private LambdaContext(FunctionIdentity function, String requestId, Object logger, long deadlineNanos) {
    this.function = function;
    this.requestId = requestId;
    this.deadlineNanos = deadlineNanos;
    this.logger = logger;
  }

  /** What the runtime knows of a function that its context reports. */
  record FunctionIdentity(String name, int timeoutSeconds, int memoryMb, String arn) {}

  /** @param deadlineNanos when the invocation is stopped ({@link System#nanoTime}): what getRemainingTimeInMillis counts down to */
  static Object create(HandlerClass handler, FunctionIdentity function, String requestId, Object logger, long deadlineNanos) {
    return Proxy.newProxyInstance(handler.context().getClassLoader(), new Class<?>[] {handler.context()},
        new LambdaContext(function, requestId, logger, deadlineNanos));
  }

  /** A LambdaLogger of the function's class loader, writing each message as one line to {@code log}. */
  static Object logger(HandlerClass handler, Consumer<String> log) {
    InvocationHandler writer = (proxy, method, args) -> {
      if (method.getName().equals("log") && args != null && args.length > 0) {
        log.accept(args[0] instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : String.valueOf(args[0]));
        return null;
      }
      return objectMethod(proxy, method, args, "LambdaLogger");
    };
    return Proxy.newProxyInstance(handler.logger().getClassLoader(), new Class<?>[] {handler.logger()}, writer);
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    return switch (method.getName()) {
      case "getAwsRequestId" -> requestId;
      case "getLogGroupName" -> "/aws/lambda/" + function.name();
      case "getLogStreamName" -> "local";
      case "getFunctionName" -> function.name();
      case "getFunctionVersion" -> "$LATEST";
      case "getInvokedFunctionArn" -> function.arn();
      case "getIdentity", "getClientContext" -> null;
      case "getRemainingTimeInMillis" -> (int) Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime()));
      case "getMemoryLimitInMB" -> function.memoryMb();
      case "getLogger" -> logger;
      default -> method.isDefault() ? InvocationHandler.invokeDefault(proxy, method, args)
          : objectMethod(proxy, method, args, "Context " + requestId);
    };
  }

  private static Object objectMethod(Object proxy, Method method, Object[] args, String description) {
    return switch (method.getName()) {
      case "toString" -> description;
      case "hashCode" -> System.identityHashCode(proxy);
      case "equals" -> proxy == args[0];
      default -> throw new UnsupportedOperationException(method.getName() + " is not provided by the local runtime");
    };
  }
}
