package dev.linkpulse.emulators.protocol;

/** The account and region every local emulator lives in, and the ARNs it hands out. */
public final class AwsAccount {
  public static final String REGION = "us-east-1";
  public static final String ACCOUNT_ID = "000000000000";
  public static final String PARTITION = "aws";

  private AwsAccount() {}

  /** {@code arn:aws:<service>:us-east-1:000000000000:<resource>}. */
  public static String arn(String service, String resource) {
    return "arn:" + PARTITION + ":" + service + ":" + REGION + ":" + ACCOUNT_ID + ":" + resource;
  }
}
