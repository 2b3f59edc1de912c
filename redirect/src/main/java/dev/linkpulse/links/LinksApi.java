package dev.linkpulse.links;

import dev.linkpulse.core.Env;
import dev.linkpulse.core.aws.AwsClients;
import dev.linkpulse.core.links.CodeGenerator;
import dev.linkpulse.core.links.LinkStore;
import dev.linkpulse.core.links.ServedHosts;
import dev.linkpulse.core.links.UrlValidator;
import java.util.ArrayList;
import java.util.List;
import java.time.Clock;

/**
 * Wires a {@link LinkService} from the function's environment; shared by the links API handlers. The hosts that
 * serve the app are {@code SHORT_BASE_URL}'s and the comma-separated {@code SERVED_HOSTS} (template.yaml).
 */
final class LinksApi {
  private LinksApi() {}

  static LinkService fromEnvironment() {
    String baseUrl = Env.require("SHORT_BASE_URL");
    List<String> served = new ArrayList<>(List.of(baseUrl));
    served.addAll(List.of(Env.get("SERVED_HOSTS", "").split(",")));
    return new LinkService(LinkStore.dynamoDb(AwsClients.dynamoDb(), Env.require("TABLE_NAME")),
        new UrlValidator(ServedHosts.of(served)), new CodeGenerator(), Clock.systemUTC(), baseUrl);
  }
}
