package dev.linkpulse.emulators.codedeploy;

import java.util.Arrays;
import java.util.Optional;

/**
 * The lifecycle events of a Lambda deployment, in their run order. Start, AllowTraffic and End "cannot be
 * scripted"; BeforeAllowTraffic and AfterAllowTraffic run the AppSpec's hook functions.
 */
enum LifecycleEventName {
  START("Start", false),
  BEFORE_ALLOW_TRAFFIC("BeforeAllowTraffic", true),
  ALLOW_TRAFFIC("AllowTraffic", false),
  AFTER_ALLOW_TRAFFIC("AfterAllowTraffic", true),
  END("End", false);

  private final String wireName;
  private final boolean hook;

  LifecycleEventName(String wireName, boolean hook) {
    this.wireName = wireName;
    this.hook = hook;
  }

  String wireName() {
    return wireName;
  }

  static Optional<LifecycleEventName> hookNamed(String name) {
    return Arrays.stream(values()).filter(e -> e.hook && e.wireName.equalsIgnoreCase(name)).findFirst();
  }
}
