package dev.linkpulse.ops;

import com.fasterxml.jackson.databind.JsonNode;
import dev.linkpulse.local.LocalConfig;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "env", mixinStandardHelpOptions = true, footerHeading = Linkpulse.EXAMPLES,
    footer = {
        "  eval \"$(./linkpulse env)\"",
        "  ./linkpulse env > .linkpulse/env.sh"},
    description = "Print export lines that point the aws CLI and the ops tools at the running local stack: eval \"$(./linkpulse env)\"")
final class EnvCommand implements Callable<Integer> {
  @Override
  public Integer call() throws Exception {
    JsonNode stack = StackFile.readLive(LocalConfig.findRoot().resolve(".linkpulse"));
    if (stack == null) {
      System.err.println("linkpulse env: no local stack is running; start one with ./linkpulse up");
      return 1;
    }
    stack.path("env").fields().forEachRemaining(e -> System.out.println("export " + e.getKey() + "=" + shellQuote(e.getValue().asText())));
    return 0;
  }

  static String shellQuote(String value) {
    return "'" + value.replace("'", "'\\''") + "'";
  }
}
