package dev.linkpulse.emulators.lambda;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment a function's code sees: its configured variables plus those Lambda's runtime defines for every
 * function (the Lambda developer guide's "defined runtime environment variables"). The reserved ones are the
 * runtime's to set and override a configured value of the same name; the unreserved ones are defaults.
 */
final class RuntimeVariables {
  static final String EXECUTION_ENV = "AWS_Lambda_java21";

  private RuntimeVariables() {}

  static Map<String, String> of(String function, String handlerClass, int memoryMb, Map<String, String> configured) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("LANG", "en_US.UTF-8");
    env.putAll(configured);
    env.put("_HANDLER", handlerClass + "::handleRequest");
    env.put("AWS_EXECUTION_ENV", EXECUTION_ENV);
    env.put("AWS_LAMBDA_FUNCTION_NAME", function);
    env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(memoryMb));
    env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
    env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
    env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + function);
    env.put("AWS_LAMBDA_LOG_STREAM_NAME", "local");
    env.put("TZ", ":UTC");
    String region = configured.get("AWS_REGION");
    if (region != null) env.put("AWS_DEFAULT_REGION", region);
    return env;
  }
}
