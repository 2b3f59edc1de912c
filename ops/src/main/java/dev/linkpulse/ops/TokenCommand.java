package dev.linkpulse.ops;

import com.fasterxml.jackson.databind.JsonNode;
import dev.linkpulse.local.LocalConfig;
import dev.linkpulse.local.auth.LocalIssuer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "token", mixinStandardHelpOptions = true, footerHeading = Linkpulse.EXAMPLES,
    footer = {
        "  ./linkpulse token alice",
        "  ./linkpulse token bob --ttl 30m",
        "  curl -H \"Authorization: Bearer $(./linkpulse token alice)\" \"$LINKPULSE_API/links\""},
    description = "Print a JWT for USER from the local issuer, for the Authorization: Bearer header.")
final class TokenCommand implements Callable<Integer> {
  private static final Pattern USER = Pattern.compile("[A-Za-z0-9._@+-]{1,128}");

  @Parameters(index = "0", paramLabel = "USER", description = "the subject (sub claim), e.g. alice") String user;
  @Option(names = "--ttl", description = "lifetime, e.g. 1h, 30m, 7d (default ${DEFAULT-VALUE})") String ttl = "12h";
  @Option(names = "--audience", description = "aud claim (default: the template's JwtAudience)") String audience = "linkpulse";

  @Override
  public Integer call() throws Exception {
    if (!USER.matcher(user).matches()) throw new UsageError("USER must be 1-128 characters of letters, digits and . _ @ + -");
    Duration lifetime = parseDuration(ttl);
    Path root = LocalConfig.findRoot();
    Path state = root.resolve(".linkpulse");
    JsonNode stack = StackFile.readLive(state);
    String issuer = stack != null ? stack.path("issuer").asText() : "http://127.0.0.1:" + LocalConfig.API_PORT + LocalIssuer.PATH;
    System.out.println(LocalIssuer.open(state, issuer, audience).mint(user, lifetime));
    return 0;
  }

  static Duration parseDuration(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    try {
      if (t.matches("\\d+[smhd]")) {
        long n = Long.parseLong(t.substring(0, t.length() - 1));
        Duration d = switch (t.charAt(t.length() - 1)) {
          case 's' -> Duration.ofSeconds(n);
          case 'm' -> Duration.ofMinutes(n);
          case 'h' -> Duration.ofHours(n);
          default -> Duration.ofDays(n);
        };
        if (!d.isZero()) return d;
      } else {
        Duration d = Duration.parse(text);
        if (!d.isNegative() && !d.isZero()) return d;
      }
    } catch (DateTimeParseException | NumberFormatException ignored) {
      // reported below
    }
    throw new UsageError("--ttl must be a positive duration like 30m, 12h or 7d, got '" + text + "'");
  }
}
