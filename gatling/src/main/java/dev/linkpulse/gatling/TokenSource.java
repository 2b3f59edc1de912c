package dev.linkpulse.gatling;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The bearer token for the links and stats API: given as {@code -Dtoken}, or printed by {@code -DtokenCommand}
 * (run once, by {@code sh -c} in the checkout, its last output line taken), so a staging run can use
 * {@code -DtokenCommand="aws ssm get-parameter ..."} without the token landing in a shell history.
 */
abstract class TokenSource {
  private volatile String token;

  static TokenSource fixed(String token) {
    return new TokenSource() {
      @Override
      String obtain() {
        return token;
      }

      @Override
      public String toString() {
        return "a given token";
      }
    };
  }

  static TokenSource command(String command, Path workingDirectory) {
    return new TokenSource() {
      @Override
      String obtain() {
        return run(command, workingDirectory);
      }

      @Override
      public String toString() {
        return "the token printed by `" + command + "`";
      }
    };
  }

  abstract String obtain();

  /** The token, obtained on first use and kept for the run. */
  final String get() {
    String t = token;
    if (t == null) {
      synchronized (this) {
        if (token == null) token = obtain();
        t = token;
      }
    }
    return t;
  }

  private static String run(String command, Path workingDirectory) {
    try {
      Process p = new ProcessBuilder("sh", "-c", command).directory(workingDirectory.toFile())
          .redirectError(ProcessBuilder.Redirect.INHERIT).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(5, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new IllegalStateException("token command `" + command + "` did not finish within 5 minutes");
      }
      List<String> lines = out.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
      if (p.exitValue() != 0 || lines.isEmpty()) {
        throw new IllegalStateException("token command `" + command + "` exited " + p.exitValue() + (lines.isEmpty() ? " and printed nothing" : ""));
      }
      return lines.get(lines.size() - 1);
    } catch (IOException e) {
      throw new IllegalStateException("token command `" + command + "` could not start: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running the token command", e);
    }
  }
}
