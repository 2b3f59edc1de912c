package dev.linkpulse.emulators.apigateway;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.IamPolicyResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/** An authorizer written with the events library's types: allows {@code ?token=good}, denies anything else. */
public final class IamPolicyAuthorizer implements RequestHandler<APIGatewayCustomAuthorizerEvent, IamPolicyResponse> {
  static final ConcurrentLinkedQueue<APIGatewayCustomAuthorizerEvent> EVENTS = new ConcurrentLinkedQueue<>();

  @Override
  public IamPolicyResponse handleRequest(APIGatewayCustomAuthorizerEvent event, Context context) {
    EVENTS.add(event);
    Map<String, String> query = event.getQueryStringParameters();
    boolean good = query != null && "good".equals(query.get("token"));
    IamPolicyResponse.Statement statement = good ? IamPolicyResponse.allowStatement(event.getMethodArn())
        : IamPolicyResponse.denyStatement(event.getMethodArn());
    return IamPolicyResponse.builder().withPrincipalId("iam-user")
        .withPolicyDocument(IamPolicyResponse.PolicyDocument.builder().withVersion(IamPolicyResponse.VERSION_2012_10_17)
            .withStatement(List.of(statement)).build())
        .withContext(Map.of("sub", "bob", "tier", 3))
        .build();
  }
}
