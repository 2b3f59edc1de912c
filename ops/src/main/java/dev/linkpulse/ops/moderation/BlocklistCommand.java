package dev.linkpulse.ops.moderation;

import dev.linkpulse.core.http.ApiException;
import dev.linkpulse.core.links.Blocklist;
import dev.linkpulse.ops.Linkpulse;
import dev.linkpulse.ops.UsageError;
import dev.linkpulse.ops.aws.AwsOptions;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

@Command(name = "blocklist", mixinStandardHelpOptions = true,
    footerHeading = Linkpulse.EXAMPLES,
    footer = {"  ./linkpulse moderation blocklist list", "  ./linkpulse moderation blocklist add phish.example --reason \"reported\"",
        "  ./linkpulse moderation blocklist remove phish.example"},
    description = {"The domain blocklist in the table: a domain blocks itself and every name under it, at create "
        + "(400 blocked_url) and in the saga."},
    subcommands = {BlocklistCommand.Add.class, BlocklistCommand.Remove.class, BlocklistCommand.Show.class})
final class BlocklistCommand {
  /**
   * A blocklist subcommand: runs on the table's blocklist and exits 0 unless it throws; a domain that is not one is
   * bad input, an AWS failure exit 1.
   */
  abstract static class Action implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin AwsOptions aws;
    @Mixin ModerationTarget target;

    /** Does the subcommand's work on {@code list}, printing what it did to {@code out}. */
    abstract void run(Blocklist list, PrintWriter out);

    @Override
    public final Integer call() {
      aws.validate();
      String table = target.table();
      try (DynamoDbClient dynamo = aws.dynamo()) {
        PrintWriter out = spec.commandLine().getOut();
        run(Blocklist.dynamoDb(dynamo, table), out);
        out.flush();
        return 0;
      } catch (ApiException e) {
        throw new UsageError(e.getMessage());
      } catch (SdkException e) {
        spec.commandLine().getErr().println("linkpulse moderation blocklist: " + String.valueOf(e.getMessage()).replaceAll("\\s+", " "));
        return ModerationCommand.FAILED;
      }
    }
  }

  @Command(name = "add", mixinStandardHelpOptions = true, footerHeading = Linkpulse.EXAMPLES,
      footer = {"  ./linkpulse moderation blocklist add phish.example --reason \"reported\""},
      description = {"Adds a domain (any spelling: Unicode, upper case, a trailing dot); prints its canonical form."})
  static final class Add extends Action {
    @Parameters(paramLabel = "DOMAIN", description = "The domain to block") String domain;
    @Option(names = "--reason", paramLabel = "TEXT", description = "Why it is listed") String reason;

    @Override
    void run(Blocklist list, PrintWriter out) {
      out.println("blocked " + list.add(domain, reason));
    }
  }

  @Command(name = "remove", mixinStandardHelpOptions = true, footerHeading = Linkpulse.EXAMPLES,
      footer = {"  ./linkpulse moderation blocklist remove phish.example"}, description = {"Removes a domain from the blocklist."})
  static final class Remove extends Action {
    @Parameters(paramLabel = "DOMAIN", description = "The domain to unblock") String domain;

    @Override
    void run(Blocklist list, PrintWriter out) {
      if (!list.remove(domain)) throw new UsageError(domain + " is not on the blocklist");
      out.println("unblocked " + Blocklist.canonicalDomain(domain));
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, footerHeading = Linkpulse.EXAMPLES,
      footer = {"  ./linkpulse moderation blocklist list"}, description = {"Every blocked domain with its reason."})
  static final class Show extends Action {
    @Override
    void run(Blocklist list, PrintWriter out) {
      var entries = list.list();
      if (entries.isEmpty()) out.println("(the blocklist is empty)");
      entries.forEach(e -> out.printf("%-40s  %s%n", e.domain(), e.reason()));
    }
  }
}
