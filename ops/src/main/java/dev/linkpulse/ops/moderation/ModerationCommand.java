package dev.linkpulse.ops.moderation;

import dev.linkpulse.ops.Linkpulse;
import dev.linkpulse.ops.aws.AwsOptions;
import java.util.function.ToIntFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sfn.SfnClient;

/** {@code linkpulse moderation}: the links the saga holds, their executions, reviewers' decisions, the blocklist. */
@Command(name = "moderation", mixinStandardHelpOptions = true,
    footerHeading = Linkpulse.EXAMPLES,
    footer = {
        "  ./linkpulse moderation list",
        "  ./linkpulse moderation approve hello --reason \"checked by hand\"",
        "  ./linkpulse moderation blocklist add phish.example --reason \"reported 2026-12-01\""},
    description = {
        "Operate the moderation saga, locally or on AWS: list the links it holds, show an execution's history, "
            + "approve or reject a link in review (sends the task token), restart a failed saga, edit the blocklist.",
        "AWS access: the standard credential and region chains (--profile); --sfn-endpoint-url and --dynamodb-endpoint-url "
            + "override the endpoints, as do $AWS_ENDPOINT_URL_SFN / $AWS_ENDPOINT_URL_DYNAMODB "
            + "(eval \"$(./linkpulse env)\" sets them, and $LINKPULSE_TABLE, for the local stack).",
        "Bad input (a malformed code, a link not in review, an unknown state machine, ...) exits 2 with a one-line "
            + "reason before anything is changed; a failed AWS call exits 1."},
    subcommands = {ListCommand.class, ShowCommand.class, ApproveCommand.class, RejectCommand.class, RetryCommand.class,
        BlocklistCommand.class})
public final class ModerationCommand {
  static final int FAILED = 1;

  /** Validates the options, builds the clients, runs {@code body}; an AWS failure is one line and exit 1. */
  static int run(CommandSpec spec, AwsOptions aws, ModerationTarget target, ToIntFunction<Sagas> body) {
    aws.validate();
    target.table();
    try (SfnClient sfn = aws.sfn(); DynamoDbClient dynamo = aws.dynamo()) {
      return body.applyAsInt(new Sagas(sfn, dynamo, target));
    } catch (SdkException e) {
      String reason = e instanceof AwsServiceException s && s.awsErrorDetails() != null
          ? s.awsErrorDetails().errorCode() + ": " + s.awsErrorDetails().errorMessage() : e.getMessage();
      spec.commandLine().getErr().println("linkpulse " + spec.qualifiedName(" ").replaceFirst("^linkpulse ", "") + ": "
          + String.valueOf(reason).replaceAll("\\s+", " "));
      return FAILED;
    }
  }
}
