package dev.linkpulse.ops.deploy;

import dev.linkpulse.ops.Linkpulse;
import picocli.CommandLine.Command;

/** {@code linkpulse deploy}: canary deployments of the stack's functions, and what stopped them. */
@Command(name = "deploy", mixinStandardHelpOptions = true,
    footerHeading = Linkpulse.EXAMPLES,
    footer = {
        "  ./linkpulse deploy status --stack linkpulse",
        "  ./linkpulse deploy status --stack linkpulse --function RedirectFunction --limit 3"},
    description = {
        "Canary deployments of the stack's functions (template.yaml DeploymentPreference): CodeDeploy shifts each",
        "function's alias to a new version, runs its hooks, watches its alarms, and rolls back on either.",
        "AWS access: the standard credential and region chains (--profile); --codedeploy-endpoint-url and",
        "--cloudwatch-endpoint-url (or $AWS_ENDPOINT_URL_CODEDEPLOY / $AWS_ENDPOINT_URL_CLOUDWATCH) point at another endpoint."},
    subcommands = {StatusCommand.class})
public final class DeployCommand {}
