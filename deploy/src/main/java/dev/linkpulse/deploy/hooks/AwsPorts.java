package dev.linkpulse.deploy.hooks;

import dev.linkpulse.core.aws.AwsClients;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;
import software.amazon.awssdk.services.codedeploy.model.LifecycleEventStatus;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/** The hooks' ports on AWS: CodeDeploy for the status, Lambda for invoking the version under test. */
final class AwsPorts {
  private AwsPorts() {}

  static StatusReporter codeDeploy() {
    CodeDeployClient client = AwsClients.configure(CodeDeployClient.builder(), "CODEDEPLOY").build();
    return (deploymentId, executionId, succeeded) -> client.putLifecycleEventHookExecutionStatus(r -> r
        .deploymentId(deploymentId).lifecycleEventHookExecutionId(executionId)
        .status(succeeded ? LifecycleEventStatus.SUCCEEDED : LifecycleEventStatus.FAILED));
  }

  static VersionInvoker lambda() {
    // A cold start of the version under test can take seconds: wait up to a minute for its answer.
    LambdaClient client = AwsClients.configure(LambdaClient.builder(), "LAMBDA",
        AwsClients.Settings.FUNCTION.withTimeouts(java.time.Duration.ofSeconds(2), java.time.Duration.ofSeconds(60))).build();
    return (versionArn, eventJson) -> {
      InvokeResponse response = client.invoke(r -> r.functionName(versionArn).invocationType(InvocationType.REQUEST_RESPONSE)
          .payload(SdkBytes.fromString(eventJson, StandardCharsets.UTF_8)));
      String payload = response.payload() == null ? "" : response.payload().asUtf8String();
      if (response.functionError() != null) throw new VersionInvoker.FunctionFailed(response.functionError() + ": " + payload);
      return payload;
    };
  }
}
