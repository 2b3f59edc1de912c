package dev.linkpulse.ops.dlq;

import dev.linkpulse.ops.Linkpulse;
import picocli.CommandLine.Command;

/**
 * {@code linkpulse dlq}: list, inspect, redrive and restore the app's dead-letter queues, against the local stack
 * or real AWS.
 */
@Command(name = "dlq", mixinStandardHelpOptions = true,
    footerHeading = Linkpulse.EXAMPLES,
    footer = {
        "  ./linkpulse dlq list",
        "  ./linkpulse dlq peek ClicksDLQ --limit 5",
        "  ./linkpulse dlq redrive ClicksDLQ --dry-run"},
    description = {
        "Inspect and redrive the dead-letter queues, locally or on AWS.",
        "AWS access: the standard credential and region chains (--profile names a profile); --endpoint-url (SQS) and --dynamodb-endpoint-url "
            + "override the endpoints, as do $AWS_ENDPOINT_URL_SQS / $AWS_ENDPOINT_URL_DYNAMODB "
            + "(eval \"$(./linkpulse env)\" sets them for the local stack).",
        "QUEUE is a queue name, URL or ARN; a unique part of a name works too (CloudFormation names queues "
            + "<stack>-<LogicalId>-<suffix>), and --prefix scopes the search to one stack.",
        "Bad input (unknown queue, malformed filter, rate <= 0, unreadable backup, ...) exits 2 with a one-line "
            + "reason before anything is received or moved; a run in which some message failed exits 1."},
    subcommands = {ListCommand.class, PeekCommand.class, RedriveCommand.class, RestoreCommand.class})
public final class DlqCommand {}
