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
  /** Runs {@code body} on the blocklist; a domain that is not one is bad input, an AWS failure exit 1. */
  static int run(CommandSpec spec, AwsOptions aws, ModerationTarget target, java.util.function.ToIntFunction<Blocklist> body) {
    aws.validate();
    String table = target.table();
    try (DynamoDbClient dynamo = aws.dynamo()) {
      return body.applyAsInt(Blocklist.dynamoDb(dynamo, table));
    } catch (ApiException e) {
      throw new UsageError(e.getMessage());
    } catch (SdkException e) {
      spec.commandLine().getErr().println("linkpulse moderation blocklist: " + String.valueOf(e.getMessage()).replaceAll("\\s+", " "));
      return ModerationCommand.FAILED;
    }
  }

  @Command(name = "add", mixinStandardHelpOptions = true, footerHeading = Linkpulse.EXAMPLES,
      footer = {"  ./linkpulse moderation blocklist add phish.example --reason \"reported\""},
      description = {"Adds a domain (any spelling: Unicode, upper case, a trailing dot); prints its canonical form."})
  static final class Add implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin AwsOptions aws;
    @Mixin ModerationTarget target;
    @Parameters(paramLabel = "DOMAIN", description = "The domain to block") String domain;
    @Option(names = "--reason", paramLabel = "TEXT", description = "Why it is listed") String reason;

    @Override
    public Integer call() {
      return run(spec, aws, target, list -> {
        spec.commandLine().getOut().println("blocked " + list.add(domain, reason));
        spec.commandLine().getOut().flush();
        return 0;
      });
    }
  }

  @Command(name = "remove", mixinStandardHelpOptions = true, footerHeading = Linkpulse.EXAMPLES,
      footer = {"  ./linkpulse moderation blocklist remove phish.example"}, description = {"Removes a domain from the blocklist."})
  static final class Remove implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin AwsOptions aws;
    @Mixin ModerationTarget target;
    @Parameters(paramLabel = "DOMAIN", description = "The domain to unblock") String domain;

    @Override
    public Integer call() {
      return run(spec, aws, target, list -> {
        if (!list.remove(domain)) throw new UsageError(domain + " is not on the blocklist");
        spec.commandLine().getOut().println("unblocked " + Blocklist.canonicalDomain(domain));
        spec.commandLine().getOut().flush();
        return 0;
      });
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, footerHeading = Linkpulse.EXAMPLES,
      footer = {"  ./linkpulse moderation blocklist list"}, description = {"Every blocked domain with its reason."})
  static final class Show implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin AwsOptions aws;
    @Mixin ModerationTarget target;

    @Override
    public Integer call() {
      return run(spec, aws, target, list -> {
        PrintWriter out = spec.commandLine().getOut();
        var entries = list.list();
        if (entries.isEmpty()) out.println("(the blocklist is empty)");
        entries.forEach(e -> out.printf("%-40s  %s%n", e.domain(), e.reason()));
        out.flush();
        return 0;
      });
    }
  }
}
