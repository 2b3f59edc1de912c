package dev.linkpulse.ops.slo;

import dev.linkpulse.local.LocalConfig;
import dev.linkpulse.ops.Linkpulse;
import dev.linkpulse.ops.UsageError;
import dev.linkpulse.ops.aws.AwsOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

/** {@code linkpulse slo status}: how much error budget is left, how fast it burns, and what is alarming. */
@Command(name = "status", mixinStandardHelpOptions = true,
    footerHeading = Linkpulse.EXAMPLES,
    footer = {
        "  eval \"$(./linkpulse env)\" && ./linkpulse slo status",
        "  ./linkpulse slo status --stack linkpulse-prod --region eu-west-1 --json",
        "  ./linkpulse slo status --at 2026-12-01T09:30:00Z"},
    description = {
        "Per SLO of alarms/slos.yaml: the objective, the share of the error budget its period has left, the burn rate "
            + "over each alarm window, and its alarms in ALARM (with their runbooks).",
        "Reads CloudWatch with GetMetricData and DescribeAlarms: AWS's with the standard credential chain, or the local "
            + "stack's ($AWS_ENDPOINT_URL_CLOUDWATCH, which ./linkpulse env sets)."})
final class StatusCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin AwsOptions aws;
  @Option(names = "--stack", paramLabel = "NAME", defaultValue = "${env:LINKPULSE_STACK:-linkpulse}",
      description = "The deployed stack's name, which prefixes every alarm name (default ${DEFAULT-VALUE}, or $LINKPULSE_STACK)")
  String stack;
  @Option(names = "--slos", paramLabel = "FILE", description = "The SLO file (default: alarms/slos.yaml in the repository).") Path slos;
  @Option(names = "--at", paramLabel = "INSTANT", description = "Judge the windows ending at this time (ISO-8601, default: now)") String at;
  @Option(names = "--json", description = "One JSON document instead of the table") boolean json;

  @Override
  public Integer call() {
    aws.validate();
    if (!stack.matches("[A-Za-z0-9-]{1,64}")) throw new UsageError("--stack '" + stack + "' is not a stack name (letters, digits, hyphens)");
    Instant when = instant();
    SloSpec parsed = SloCommand.load(slos != null ? slos : LocalConfig.findRoot().resolve(SloRenderer.SLOS));
    SloStatus status;
    try (CloudWatchClient cloudWatch = aws.cloudWatch()) {
      status = new StatusReader(parsed, cloudWatch, stack).read(when);
    } catch (SdkException e) {
      spec.commandLine().getErr().println("linkpulse slo status: CloudWatch: " + e.getMessage());
      return 1;
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) StatusView.json(status, out);
    else StatusView.table(status, out);
    return 0;
  }

  private Instant instant() {
    if (at == null) return Instant.now();
    try {
      return Instant.parse(at);
    } catch (DateTimeParseException e) {
      throw new UsageError("--at '" + at + "' is not an ISO-8601 instant like 2026-12-01T09:30:00Z");
    }
  }
}
