package dev.linkpulse.moderation.handlers;

import dev.linkpulse.core.Env;
import dev.linkpulse.core.aws.AwsClients;
import dev.linkpulse.core.links.Blocklist;
import dev.linkpulse.moderation.reputation.ReputationClient;
import dev.linkpulse.moderation.reputation.SafeBrowsingClient;
import dev.linkpulse.moderation.saga.DynamoSagaStore;
import dev.linkpulse.moderation.saga.ModerationSteps;
import dev.linkpulse.moderation.screening.Heuristics;
import dev.linkpulse.moderation.screening.Screener;
import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Wires the domain service from a function's environment. Only the screen function talks to the reputation
 * provider ({@code REPUTATION_ENDPOINT}, {@code REPUTATION_API_KEY}); only the reserve function reads the quota.
 */
final class ModerationFunctions {
  private ModerationFunctions() {}

  static ModerationSteps steps() {
    DynamoDbClient dynamo = AwsClients.dynamoDb();
    String table = Env.require("TABLE_NAME");
    ReputationClient reputation = Env.find("REPUTATION_ENDPOINT")
        .<ReputationClient>map(endpoint -> new SafeBrowsingClient(endpoint, Env.require("REPUTATION_API_KEY"),
            Duration.ofMillis(Env.getInt("REPUTATION_TIMEOUT_MILLIS", 3000))))
        .orElse(url -> {
          throw new IllegalStateException("this function does not screen");
        });
    return new ModerationSteps(new DynamoSagaStore(dynamo, table, Clock.systemUTC()),
        new Screener(Blocklist.dynamoDb(dynamo, table), new Heuristics(), reputation), Env.getInt("DAILY_LINK_QUOTA", 0));
  }
}
