package dev.linkpulse.links;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.linkpulse.core.Env;
import dev.linkpulse.core.aws.AwsClients;
import dev.linkpulse.core.http.ApiException;
import dev.linkpulse.core.http.HttpApiHandler;
import dev.linkpulse.core.http.HttpResponses;
import dev.linkpulse.core.http.Requests;
import dev.linkpulse.core.links.LinkCodes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.lambda.powertools.idempotency.Idempotency;
import software.amazon.lambda.powertools.idempotency.IdempotencyConfig;
import software.amazon.lambda.powertools.idempotency.exceptions.IdempotencyAlreadyInProgressException;
import software.amazon.lambda.powertools.idempotency.exceptions.IdempotencyValidationException;
import software.amazon.lambda.powertools.idempotency.persistence.DynamoDBPersistenceStore;
import software.amazon.lambda.powertools.tracing.Tracing;

/** {@code POST /links}. */
public final class CreateLinkHandler extends HttpApiHandler {
  static final int MAX_IDEMPOTENCY_KEY = 128;
  private final LinkService service;
  private final IdempotentCreate idempotent;

  public CreateLinkHandler() {
    this.service = LinksApi.forCreating();
    this.idempotent = new IdempotentCreate(service);
    // Idempotency records live in the app table under one static partition: link creation is a human-paced
    // operation, far below the 1,000 writes/s one partition takes.
    Idempotency.config()
        .withPersistenceStore(DynamoDBPersistenceStore.builder()
            .withTableName(Env.require("TABLE_NAME"))
            .withKeyAttr("PK").withSortKeyAttr("SK").withStaticPkValue("IDEMPOTENCY#create-link")
            .withDynamoDbClient(AwsClients.dynamoDb())
            .build())
        .withConfig(IdempotencyConfig.builder()
            // A multi-select hash, not a list: Powertools v1 checks a key for "missing" by walking its fields,
            // and an array has none, so a list key is always logged as missing.
            .withEventKeyJMESPath("{owner: owner, key: key}")
            .withPayloadValidationJMESPath("request")
            .withExpiration(Duration.ofHours(24))
            .build())
        .configure();
  }

  @Override
  @Tracing(namespace = "linkpulse")
  protected APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event, Context context) {
    String owner = Requests.subject(event);
    CreateLinkRequest request = CreateLinkRequest.parse(Requests.body(event));
    var key = Requests.header(event, "Idempotency-Key");
    List<String> via = via(event);
    String requestId = event.getRequestContext() == null ? null : event.getRequestContext().getRequestId();
    if (key.isEmpty()) return created(service.create(owner, request, via, requestId));
    if (key.get().isBlank() || key.get().length() > MAX_IDEMPOTENCY_KEY) {
      throw ApiException.badRequest("idempotency_key_invalid", "Idempotency-Key must be 1 to " + MAX_IDEMPOTENCY_KEY + " characters");
    }
    Idempotency.registerLambdaContext(context);
    try {
      return created(idempotent.create(new IdempotentCreate.Call(owner, key.get(), request, via, requestId)));
    } catch (IdempotencyValidationException e) {
      throw new ApiException(422, "idempotency_key_reused", "this Idempotency-Key was already used with a different request");
    } catch (IdempotencyAlreadyInProgressException e) {
      throw new ApiException(409, "idempotency_in_progress", "a request with this Idempotency-Key is still being processed; retry shortly");
    }
  }

  /** The hosts this request reached the API through: its own domain, and API Gateway's execute-api host of this API. */
  static List<String> via(APIGatewayV2HTTPEvent event) {
    var ctx = event.getRequestContext();
    List<String> hosts = new ArrayList<>();
    if (ctx == null) return hosts;
    if (ctx.getDomainName() != null) hosts.add(ctx.getDomainName());
    if (ctx.getApiId() != null && LinkCodes.possible(ctx.getApiId())) {
      hosts.add(ctx.getApiId() + ".execute-api." + Env.get("AWS_REGION", "us-east-1") + ".amazonaws.com");
    }
    return hosts;
  }

  private static APIGatewayV2HTTPResponse created(LinkView link) {
    return HttpResponses.json(201, link, Map.of("Location", "/links/" + link.code()));
  }
}
