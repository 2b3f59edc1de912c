package dev.linkpulse.emulators.stepfunctions;

import dev.linkpulse.emulators.protocol.AwsAccount;
import dev.linkpulse.emulators.protocol.AwsServiceException;
import java.util.regex.Pattern;

/** Names and ARNs as the API reference constrains them. */
final class Names {
  static final int MAX_NAME = 80;
  /** Whitespace, brackets, wildcards, the listed specials and control characters are not allowed in a name. */
  private static final Pattern FORBIDDEN = Pattern.compile("[\\s<>{}\\[\\]?*\"#%\\\\^|~`$&,;:/\\x00-\\x1f\\x7f-\\x9f]");
  private static final String MACHINE_PREFIX = AwsAccount.arn("states", "stateMachine:");
  private static final String EXECUTION_PREFIX = AwsAccount.arn("states", "execution:");

  private Names() {}

  static void check(String name, String what) {
    if (name == null || name.isEmpty() || name.length() > MAX_NAME) {
      throw AwsServiceException.client("InvalidName", "Invalid Name: '" + name + "' (" + what + " names have 1 to " + MAX_NAME + " characters)");
    }
    if (FORBIDDEN.matcher(name).find()) {
      throw AwsServiceException.client("InvalidName", "Invalid Name: '" + name + "' (no whitespace, brackets, wildcards, "
          + "control characters or any of \" # % \\ ^ | ~ ` $ & , ; : /)");
    }
  }

  static String machineArn(String name) {
    return MACHINE_PREFIX + name;
  }

  static String executionArn(String machineName, String name) {
    return EXECUTION_PREFIX + machineName + ":" + name;
  }

  /** The machine name in a state machine ARN, or InvalidArn. */
  static String machineName(String arn) {
    if (arn == null || !arn.startsWith(MACHINE_PREFIX) || arn.length() == MACHINE_PREFIX.length() || arn.indexOf(':', MACHINE_PREFIX.length()) >= 0) {
      throw AwsServiceException.client("InvalidArn", "Invalid Arn: 'Resource type not valid in this context: " + arn + "'");
    }
    return arn.substring(MACHINE_PREFIX.length());
  }

  static void checkExecutionArn(String arn) {
    if (arn == null || !arn.startsWith(EXECUTION_PREFIX) || arn.substring(EXECUTION_PREFIX.length()).split(":", -1).length != 2) {
      throw AwsServiceException.client("InvalidArn", "Invalid Arn: 'Resource type not valid in this context: " + arn + "'");
    }
  }
}
