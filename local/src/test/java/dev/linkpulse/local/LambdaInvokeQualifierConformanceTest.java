package dev.linkpulse.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.linkpulse.emulators.lambda.LocalFunction;
import dev.linkpulse.emulators.protocol.AwsAccount;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/**
 * Lambda's Invoke, as its API reference states the Qualifier: "If you specify a function version, the API uses the
 * qualified function ARN to invoke a specific function version. If you specify an alias name, the API uses the
 * alias ARN to invoke the function version to which the alias points", and the response's executed version is
 * "the version of the function that executed. When you invoke a function with an alias, this indicates which
 * version the alias resolved to." Driven with the real LambdaClient against the stack's Invoke endpoint, while
 * CodeDeploy routes the alias half and half between versions 1 and 2. The bug this pins: version 1 is the function
 * as the template booted it, which also carries the alias's routing, so a qualified invoke of "1" followed the alias.
 */
class LambdaInvokeQualifierConformanceTest {
  public static final class VersionOne implements RequestHandler<Map<String, Object>, String> {
    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
      return "one";
    }
  }

  public static final class VersionTwo implements RequestHandler<Map<String, Object>, String> {
    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
      return "two";
    }
  }

  static final String ARN = "arn:aws:lambda:" + AwsAccount.REGION + ":" + AwsAccount.ACCOUNT_ID + ":function:Fn";
  static LambdaInvokeEndpoint endpoint;
  static LambdaClient lambda;

  @BeforeAll
  static void twoVersionsAndAnAliasSplitBetweenThem() throws Exception {
    LocalFunction one = new LocalFunction("Fn", VersionOne.class.getName(), Map.of(), 30, 256);
    FunctionVersions versions = new FunctionVersions(Map.of("Fn", one));
    versions.publish("Fn", new LocalFunction("Fn", VersionTwo.class.getName(), Map.of(), 30, 256));
    versions.route("Fn", Map.of("1", 0.5, "2", 0.5));
    endpoint = new LambdaInvokeEndpoint(versions::invoker);
    lambda = LambdaClient.builder().endpointOverride(endpoint.endpoint()).region(Region.of(AwsAccount.REGION))
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .httpClient(UrlConnectionHttpClient.create()).build();
  }

  @AfterAll
  static void close() {
    lambda.close();
    endpoint.close();
  }

  static List<InvokeResponse> invoke(int times, String functionName, String qualifier) {
    return IntStream.range(0, times).mapToObj(i -> lambda.invoke(r -> r.functionName(functionName).qualifier(qualifier)
        .payload(SdkBytes.fromUtf8String("{}")))).toList();
  }

  static Map<String, Integer> byAnswer(List<InvokeResponse> responses) {
    Map<String, Integer> counts = new HashMap<>();
    responses.forEach(r -> counts.merge(r.payload().asUtf8String() + " as " + r.executedVersion(), 1, Integer::sum));
    return counts;
  }

  @ParameterizedTest
  @ValueSource(strings = {"1", "2"})
  void aQualifierThatNamesAVersionInvokesThatVersion_evenWhileTheAliasRoutesBetweenVersions(String version) {
    String answer = version.equals("1") ? "\"one\"" : "\"two\"";
    Map<String, Integer> expected = Map.of(answer + " as " + version, 4);
    assertThat(byAnswer(invoke(4, "Fn", version))).as("Qualifier=" + version).isEqualTo(expected);
    assertThat(byAnswer(invoke(4, "Fn:" + version, null))).as("Fn:" + version).isEqualTo(expected);
    assertThat(byAnswer(invoke(4, ARN + ":" + version, null))).as("the version's ARN").isEqualTo(expected);
  }

  @Test
  void aQualifierThatNamesAnAliasInvokesTheVersionItPointsTo_andTheExecutedVersionSaysWhich() {
    assertThat(byAnswer(invoke(10, "Fn", LocalResources.ALIAS))).isEqualTo(Map.of("\"one\" as 1", 5, "\"two\" as 2", 5));
    assertThat(byAnswer(invoke(10, ARN + ":" + LocalResources.ALIAS, null))).isEqualTo(Map.of("\"one\" as 1", 5, "\"two\" as 2", 5));
  }

  @Test
  void aQualifierThatNamesNoVersionOrAliasIsResourceNotFound() {
    assertThatThrownBy(() -> invoke(1, "Fn", "3")).isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(() -> invoke(1, "Fn", "canary")).isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(() -> invoke(1, "NoSuchFunction", null)).isInstanceOf(ResourceNotFoundException.class);
  }
}
