package dev.linkpulse.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.linkpulse.core.Json;
import dev.linkpulse.testkit.ApiResponse;
import dev.linkpulse.testkit.StackExtension;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Defects 3, 4 and 5 of issue 11 and its lesser ones, as the hostile probe sent them: over real HTTP to the local
 * stack. Each request must answer the documented 4xx error, never a 5xx, and a refused request stores nothing.
 */
class HostileInputAnswers4xxTest {
  @RegisterExtension
  static final StackExtension<LocalStack> stack = new StackExtension<>(LocalStack::ephemeral, LocalStack::apiUrl, LocalStack::token);

  private static String user() {
    return "probe-" + UUID.randomUUID();
  }

  private static void assertError(ApiResponse r, int status, String code) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.header("content-type")).isEqualTo("application/json");
    assertThat(r.json().path("error").path("code").asText()).isEqualTo(code);
    assertThat(r.json().path("error").path("message").asText()).isNotBlank();
  }

  private static void assertNothingStored(String token) {
    assertThat(stack.get("/links", token).json().get("items")).isEmpty();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** Defect 3: other spellings of the shortener's own host, and the API's own execute-api host. */
  @Test
  void redirectLoopHostSpellingsAreRefused() {
    int port = URI.create(stack.api()).getPort();
    List<String> loops = new ArrayList<>(List.of("localhost", "LOCALHOST.", "127.0.0.1.", "127.1", "127.0.1", "2130706433",
        "0x7f000001", "0x7F.0.0.1", "0177.0.0.1", "017700000001", "[::1]", "[::ffff:127.0.0.1]", "[::ffff:7f00:1]",
        "[0:0:0:0:0:ffff:7f00:1]", "0.0.0.0", "app.localhost", "127.9.9.9", "%6c%6fcalhost", "ｌｏｃａｌｈｏｓｔ"));
    String token = stack.token(user());
    for (String host : loops) {
      for (String url : List.of("http://" + host + ":" + port + "/abc", "https://" + host + "/abc")) {
        assertError(stack.post("/links", token, Json.write(Map.of("url", url))), 400, "url_loop");
      }
    }
    // The HTTP API's own host (the local API id is "local"), in the spellings API Gateway answers to.
    for (String url : List.of("https://local.execute-api.us-east-1.amazonaws.com/abc", "https://LOCAL.execute-api.us-east-1.amazonaws.com./x")) {
      assertError(stack.post("/links", token, Json.write(Map.of("url", url))), 400, "url_loop");
    }
    assertNothingStored(token);
  }

  /** Defect 4: a code no link can have is a 404 on every route; an impossible range is a 400. */
  @Test
  void impossibleCodesAnswer404OnEveryRouteAndImpossibleRangesAnswer400() {
    String token = stack.token(user());
    for (String code : List.of("a".repeat(2048), "x".repeat(65), "ab", enc("ü".repeat(40)), enc("a#b"), enc("a b"), "%00", enc("\u0000"))) {
      assertError(stack.get("/" + code, null), 404, "not_found");
      assertThat(stack.send("HEAD", "/" + code, null, null, Map.of()).status()).isEqualTo(404);
      assertError(stack.get("/links/" + code, token), 404, "not_found");
      assertError(stack.delete("/links/" + code, token), 404, "not_found");
      assertError(stack.get("/links/" + code + "/stats", token), 404, "not_found");
      assertError(stack.get("/links/" + code + "/clicks.csv", token), 404, "not_found");
    }
    String code = stack.post("/links", token, "{\"url\":\"https://example.com/ranges\"}").json().get("code").asText();
    List<String> ranges = List.of("to=" + enc("-1000000000-01-01T00:00:00Z"), "to=" + enc("+1000000000-12-31T23:59:59.999999999Z"),
        "from=" + enc("-999999999-01-01T00:00:00Z") + "&to=" + enc("+999999999-12-31T23:59:59Z"),
        "from=" + enc("+10000-01-01T00:00:00Z") + "&to=" + enc("+10000-01-02T00:00:00Z"),
        "from=1969-12-30&to=1969-12-31", "from=2400-01-01&to=2400-01-02",
        "from=" + enc("2026-01-01T00:00:00-18:00") + "&to=" + enc("2026-01-01T00:00:00+18:00"));
    for (String range : ranges) {
      assertError(stack.get("/links/" + code + "/stats?" + range, token), 400, "range_invalid");
      assertError(stack.get("/links/" + code + "/clicks.csv?" + range, token), 400, "range_invalid");
    }
  }

  /** Defect 5: every malformed pagination cursor, of the links list and of the CSV export, is a 400. */
  @Test
  void malformedCursorsAnswer400() {
    String owner = user();
    String token = stack.token(owner);
    String code = stack.post("/links", token, "{\"url\":\"https://example.com/cursor\"}").json().get("code").asText();
    String me = "OWNER#" + owner;
    List<String> forged = List.of(
        "{\"PK\":\"\",\"SK\":\"\",\"GSI1PK\":\"" + me + "\",\"GSI1SK\":\"\"}",
        "{\"PK\":\"LINK#abc\",\"SK\":\"LINK\",\"GSI1PK\":\"" + me + "\",\"GSI1SK\":\"\"}",
        "{\"PK\":\"LINK#" + "a".repeat(3000) + "\",\"SK\":\"LINK\",\"GSI1PK\":\"" + me + "\",\"GSI1SK\":\"x#abc\"}",
        "{\"PK\":\"CLICK#abc#1\",\"SK\":\"0000000000000#x\",\"GSI1PK\":\"" + me + "\",\"GSI1SK\":\"x\"}",
        "{\"PK\":\"LINK#abc\",\"SK\":\"LINK\",\"GSI1PK\":\"" + me + "\",\"GSI1SK\":\"" + "9".repeat(2000) + "\"}",
        "{\"PK\":\"LINK#abc\",\"SK\":\"LINK\",\"GSI1PK\":\"" + me + "\",\"GSI1SK\":\"2026-01-01T00:00:00.000Z#other\"}");
    for (String json : forged) {
      String cursor = Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
      assertError(stack.get("/links?cursor=" + cursor, token), 400, "cursor_invalid");
    }
    // Longer than any cursor we issue, still inside API Gateway's 10,240-byte head quota (past it the gateway answers 431).
    assertError(stack.get("/links?cursor=" + "A".repeat(8_000), token), 400, "cursor_invalid");
    String range = "from=2026-01-01&to=2026-01-02";
    for (String sortKey : List.of("9999999999999#" + UUID.randomUUID(), "0000000000000#" + UUID.randomUUID(), "1767225600000#" + "-".repeat(36))) {
      String after = Base64.getUrlEncoder().withoutPadding().encodeToString(sortKey.getBytes(StandardCharsets.UTF_8));
      assertError(stack.get("/links/" + code + "/clicks.csv?" + range + "&after=" + after, token), 400, "cursor_invalid");
    }
  }

  /** Lesser: the create body is parsed strictly, so a second "url" cannot slip past what the first one was checked as. */
  @Test
  void duplicateKeysInTheCreateBodyAreRefused() {
    String token = stack.token(user());
    for (String body : List.of("{\"url\":\"https://a.example/\",\"url\":\"https://b.example/\"}",
        "{\"url\":\"https://a.example/\",\"alias\":\"dup-one\",\"alias\":\"dup-two\"}",
        "{\"redirect\":301,\"url\":\"https://a.example/\",\"redirect\":308}")) {
      assertError(stack.post("/links", token, body), 400, "malformed_json");
    }
    assertNothingStored(token);
  }

  /** Lesser: a token whose sub claim no key can hold is refused with a 4xx on every route, never a 500. */
  @Test
  void aVeryLongSubClaimIsA4xxNotA500() {
    String token = stack.stack().issuer().mint("s".repeat(3000), Duration.ofHours(1));
    assertError(stack.post("/links", token, "{\"url\":\"https://example.com/long-sub\"}"), 400, "subject_invalid");
    assertError(stack.get("/links", token), 400, "subject_invalid");
    assertError(stack.get("/links/abc1234", token), 400, "subject_invalid");
  }

  /** IDN: an internationalised host and path are accepted, stored as canonical ASCII, shown as Unicode. */
  @Test
  void internationalisedTargetsAreStoredInAsciiAndShownInUnicode() {
    String token = stack.token(user());
    ApiResponse created = stack.post("/links", token, Json.write(Map.of("url", "https://bücher.example/straße?q=ü#kapitel-1")));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    JsonNode link = created.json();
    assertThat(link.get("url").asText()).isEqualTo("https://xn--bcher-kva.example/stra%C3%9Fe?q=%C3%BC#kapitel-1");
    assertThat(link.get("displayUrl").asText()).isEqualTo("https://bücher.example/straße?q=ü#kapitel-1");
    assertThat(stack.get("/" + link.get("code").asText(), null).header("location")).isEqualTo(link.get("url").asText());
    assertThat(stack.get("/links/" + link.get("code").asText(), token).json().get("displayUrl").asText())
        .isEqualTo("https://bücher.example/straße?q=ü#kapitel-1");
  }

  /** Defect 3, at the edge: a name that merely resolves to the stack (localtest.me, nip.io) is not a host it serves. */
  @Test
  void aRequestForAHostTheEdgeDoesNotServeIsRefused() throws Exception {
    String code = stack.post("/links", stack.token(user()), "{\"url\":\"https://example.com/host\"}").json().get("code").asText();
    URI api = URI.create(stack.api());
    assertThat(statusWithHost(api, code, "127.0.0.1:" + api.getPort())).isEqualTo(302);
    assertThat(statusWithHost(api, code, "localtest.me:" + api.getPort())).isEqualTo(421);
    assertThat(statusWithHost(api, code, "127.0.0.1.nip.io:" + api.getPort())).isEqualTo(421);
  }

  /** One raw HTTP/1.1 request with the given Host header (the JDK client will not send a Host of our choosing). */
  private static int statusWithHost(URI api, String code, String host) throws Exception {
    try (Socket socket = new Socket(api.getHost(), api.getPort())) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(("GET /" + code + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      String statusLine = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
      return Integer.parseInt(statusLine.substring(9, 12));
    }
  }
}
