package dev.linkpulse.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.linkpulse.emulators.lambda.LocalFunction;
import dev.linkpulse.emulators.protocol.AwsAccount;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * Lambda's Invoke of a function that runs past its Timeout, driven with the real LambdaClient: the call succeeds
 * (200) with {@code X-Amz-Function-Error: Unhandled} and the error as the payload, {@code Sandbox.Timedout} "Task
 * timed out after 1.00 seconds" (AWS Lambda Developer Guide: Invoke, and "Configure Lambda function timeout"); the
 * function serves the next invocation from a fresh execution environment.
 */
class LambdaInvokeTimeoutConformanceTest {
  /** Never opened: a blocked handler waits on it until the runtime interrupts it. */
  static final CountDownLatch NEVER = new CountDownLatch(1);

  public static final class Slow implements RequestHandler<Map<String, Object>, String> {
    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
      if (!event.containsKey("block")) return "done";
      try {
        NEVER.await();
        return "opened";
      } catch (InterruptedException e) {
        return "interrupted";
      }
    }
  }

  static LocalFunction function;
  static LambdaInvokeEndpoint endpoint;
  static LambdaClient lambda;

  @BeforeAll
  static void aFunctionWithATimeoutOfOneSecond() throws Exception {
    function = new LocalFunction("Slow", Slow.class.getName(), Map.of(), 1, 128);
    endpoint = new LambdaInvokeEndpoint(name -> name.equals("Slow")
        ? Optional.of(event -> new FunctionVersions.Executed("$LATEST", function.invoke(event))) : Optional.empty());
    lambda = LambdaClient.builder().endpointOverride(endpoint.endpoint()).region(Region.of(AwsAccount.REGION))
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .httpClient(UrlConnectionHttpClient.create()).build();
  }

  @AfterAll
  static void close() throws Exception {
    lambda.close();
    endpoint.close();
    function.close();
  }

  private static InvokeResponse invoke(String payload) {
    return lambda.invoke(r -> r.functionName("Slow").payload(SdkBytes.fromUtf8String(payload)));
  }

  @Test
  void anInvocationPastItsTimeoutAnswersAnUnhandledSandboxTimedoutError_andTheNextInvocationRuns() {
    InvokeResponse timedOut = invoke("{\"block\":true}");
    assertThat(timedOut.statusCode()).isEqualTo(200);
    assertThat(timedOut.functionError()).isEqualTo("Unhandled");
    assertThat(timedOut.payload().asUtf8String()).contains("\"errorType\":\"Sandbox.Timedout\"")
        .containsPattern("\"errorMessage\":\"RequestId: [0-9a-f-]{36} Error: Task timed out after 1\\.00 seconds\"");

    InvokeResponse next = invoke("{}");
    assertThat(next.functionError()).isNull();
    assertThat(next.payload().asUtf8String()).isEqualTo("\"done\"");
    assertThat(function.instances()).as("the timed-out environment is gone; one fresh one served").isEqualTo(1);
  }
}
