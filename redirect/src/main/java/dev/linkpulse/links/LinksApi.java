package dev.linkpulse.links;

import dev.linkpulse.core.Env;
import dev.linkpulse.core.aws.AwsClients;
import dev.linkpulse.core.links.Blocklist;
import dev.linkpulse.core.links.CodeGenerator;
import dev.linkpulse.core.links.LinkStore;
import dev.linkpulse.core.links.ServedHosts;
import dev.linkpulse.core.links.UrlValidator;
import java.util.ArrayList;
import java.util.List;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * Wires a {@link LinkService} from the function's environment; shared by the links API handlers. The hosts that
 * serve the app are {@code SHORT_BASE_URL}'s and the comma-separated {@code SERVED_HOSTS} (template.yaml).
 */
final class LinksApi {
  private LinksApi() {}

  static LinkService fromEnvironment() {
    String baseUrl = Env.require("SHORT_BASE_URL");
    return new LinkService(LinkStore.dynamoDb(AwsClients.dynamoDb(), Env.require("TABLE_NAME")),
        validator(baseUrl), new CodeGenerator(), Clock.systemUTC(), baseUrl);
  }

  /** The create function's service: it also checks the blocklist and announces each link on {@code LINK_EVENTS_BUS_NAME}. */
  static LinkService forCreating() {
    String baseUrl = Env.require("SHORT_BASE_URL");
    DynamoDbClient dynamo = AwsClients.dynamoDb();
    String table = Env.require("TABLE_NAME");
    EventBridgeClient events = AwsClients.configure(EventBridgeClient.builder(), "EVENTBRIDGE").build();
    return new LinkService(LinkStore.dynamoDb(dynamo, table), validator(baseUrl), new CodeGenerator(), Clock.systemUTC(), baseUrl,
        Blocklist.dynamoDb(dynamo, table), LinkEvents.eventBridge(events, Env.require("LINK_EVENTS_BUS_NAME")));
  }

  private static UrlValidator validator(String baseUrl) {
    List<String> served = new ArrayList<>(List.of(baseUrl));
    served.addAll(List.of(Env.get("SERVED_HOSTS", "").split(",")));
    return new UrlValidator(ServedHosts.of(served));
  }
}
