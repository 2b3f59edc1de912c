package dev.linkpulse.links;

import dev.linkpulse.core.Env;
import dev.linkpulse.core.aws.AwsClients;
import dev.linkpulse.core.links.CodeGenerator;
import dev.linkpulse.core.links.LinkStore;
import dev.linkpulse.core.links.UrlValidator;
import java.time.Clock;

/** Wires a {@link LinkService} from the function's environment; shared by the links API handlers. */
final class LinksApi {
  private LinksApi() {}

  static LinkService fromEnvironment() {
    String baseUrl = Env.require("SHORT_BASE_URL");
    return new LinkService(LinkStore.dynamoDb(AwsClients.dynamoDb(), Env.require("TABLE_NAME")), new UrlValidator(baseUrl),
        new CodeGenerator(), Clock.systemUTC(), baseUrl);
  }
}
