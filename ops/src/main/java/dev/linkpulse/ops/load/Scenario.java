package dev.linkpulse.ops.load;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The Gatling module's scenarios, by the names people type. */
enum Scenario {
  REDIRECT_STORM("RedirectStorm"),
  VIRAL_LINK("ViralLink"),
  CREATE_AND_SHARE("CreateAndShare"),
  SOAK("Soak");

  private final String simulation;

  Scenario(String simulation) {
    this.simulation = simulation;
  }

  /** The simulation's class in the gatling module. */
  String simulationClass() {
    return "dev.linkpulse.gatling." + simulation;
  }

  /** Gatling's id for the simulation: the prefix of its run directories. */
  String runId() {
    return simulation.toLowerCase(Locale.ROOT);
  }

  String displayName() {
    return simulation;
  }

  /** {@code RedirectStorm}, {@code redirectstorm} and {@code redirect-storm} all name the same scenario. */
  static Optional<Scenario> named(String name) {
    String wanted = name.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(s -> s.runId().equals(wanted)).findFirst();
  }

  static String names() {
    return Arrays.stream(values()).map(Scenario::displayName).collect(Collectors.joining(", "));
  }
}
