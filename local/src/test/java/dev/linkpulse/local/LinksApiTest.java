package dev.linkpulse.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.linkpulse.core.Json;
import dev.linkpulse.testkit.ApiResponse;
import dev.linkpulse.testkit.StackExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The links API end to end: real HTTP against the local stack, the DynamoDB engine (emulators.dynamodb) underneath. */
class LinksApiTest {
  @RegisterExtension
  static final StackExtension<LocalStack> stack = new StackExtension<>(LocalStack::ephemeral, LocalStack::apiUrl, LocalStack::token).parameter("LinkCacheSeconds", "1");

  private static String body(String url) {
    return Json.write(Map.of("url", url));
  }

  private JsonNode create(String user, String json) {
    ApiResponse r = stack.post("/links", stack.token(user), json);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json();
  }

  private static void assertError(ApiResponse r, int status, String code) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.header("content-type")).isEqualTo("application/json");
    assertThat(r.json().path("error").path("code").asText()).isEqualTo(code);
    assertThat(r.json().path("error").path("message").asText()).isNotBlank();
  }

  @Test
  void createdLinkRedirectsWith302AndPrivateCaching() {
    JsonNode link = create("alice", body("https://example.com/landing?x=1"));
    assertThat(link.get("code").asText()).matches("[0-9A-Za-z]{7}");
    assertThat(link.get("shortUrl").asText()).isEqualTo(stack.api() + "/" + link.get("code").asText());
    assertThat(link.get("url").asText()).isEqualTo("https://example.com/landing?x=1");
    assertThat(link.get("redirect").asInt()).isEqualTo(302);
    assertThat(Instant.parse(link.get("createdAt").asText())).isBeforeOrEqualTo(Instant.now());
    assertThat(link.has("expiresAt")).isFalse();

    ApiResponse r = stack.get("/" + link.get("code").asText(), null);
    assertThat(r.status()).isEqualTo(302);
    assertThat(r.header("location")).isEqualTo("https://example.com/landing?x=1");
    assertThat(r.header("cache-control")).isEqualTo("private, max-age=90");
  }

  @Test
  void headIsAnsweredLikeGetWithoutABody() {
    String code = create("alice", body("https://example.com/head")).get("code").asText();
    ApiResponse r = stack.send("HEAD", "/" + code, null, null, Map.of());
    assertThat(r.status()).isEqualTo(302);
    assertThat(r.header("location")).isEqualTo("https://example.com/head");
    assertThat(r.body()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(ints = {301, 307, 308})
  void aLinksOwnRedirectStatusIsHonoured(int status) {
    String code = create("alice", "{\"url\":\"https://example.com/r\",\"redirect\":" + status + "}").get("code").asText();
    ApiResponse r = stack.get("/" + code, null);
    assertThat(r.status()).isEqualTo(status);
    assertThat(r.header("location")).isEqualTo("https://example.com/r");
  }

  @Test
  void unknownCodeIs404AndExpiredLinkIs410() {
    assertError(stack.get("/Zz9Zz9Z", null), 404, "not_found");
    String expires = Instant.now().plusSeconds(2).toString();
    String code = create("alice", "{\"url\":\"https://example.com/soon\",\"expiresAt\":\"" + expires + "\"}").get("code").asText();
    assertThat(stack.get("/" + code, null).status()).isEqualTo(302);
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertError(stack.get("/" + code, null), 410, "link_expired"));
  }

  @Test
  void aliasIsUsedAsTheCodeAndATakenAliasIs409() {
    String alias = "promo-" + UUID.randomUUID().toString().substring(0, 8);
    JsonNode link = create("alice", "{\"url\":\"https://example.com/a\",\"alias\":\"" + alias + "\"}");
    assertThat(link.get("code").asText()).isEqualTo(alias);
    assertError(stack.post("/links", stack.token("bob"), "{\"url\":\"https://example.com/b\",\"alias\":\"" + alias + "\"}"), 409, "alias_taken");
    assertThat(stack.get("/" + alias, null).header("location")).isEqualTo("https://example.com/a");
  }

  @Test
  void idempotencyKeyReplaysTheSameLinkAndRejectsADifferentBody() {
    String user = "idem-" + UUID.randomUUID();
    String token = stack.token(user);
    String key = UUID.randomUUID().toString();
    ApiResponse first = stack.send("POST", "/links", token, body("https://example.com/once"), Map.of("Idempotency-Key", key));
    ApiResponse retry = stack.send("POST", "/links", token, body("https://example.com/once"), Map.of("Idempotency-Key", key));
    assertThat(first.status()).as(first.body()).isEqualTo(201);
    assertThat(retry.status()).as(retry.body()).isEqualTo(201);
    assertThat(retry.json()).isEqualTo(first.json());

    ApiResponse other = stack.send("POST", "/links", token, body("https://example.com/other"), Map.of("Idempotency-Key", key));
    assertError(other, 422, "idempotency_key_reused");
    assertThat(stack.get("/links", token).json().get("items")).hasSize(1);

    // The same key from another user is a different request, not a replay of alice's.
    ApiResponse bobs = stack.send("POST", "/links", stack.token(user + "-bob"), body("https://example.com/once"), Map.of("Idempotency-Key", key));
    assertThat(bobs.status()).isEqualTo(201);
    assertThat(bobs.json().get("code")).isNotEqualTo(first.json().get("code"));
  }

  @Test
  void listIsNewestFirstAndPaginatesWithAnOpaqueCursor() {
    String user = "lister-" + UUID.randomUUID();
    String token = stack.token(user);
    List<String> created = new ArrayList<>();
    for (int i = 0; i < 5; i++) created.add(create(user, body("https://example.com/" + i)).get("code").asText());

    List<String> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      ApiResponse page = stack.get("/links?limit=2" + (cursor == null ? "" : "&cursor=" + cursor), token);
      assertThat(page.status()).isEqualTo(200);
      page.json().get("items").forEach(item -> seen.add(item.get("code").asText()));
      cursor = page.json().hasNonNull("cursor") ? page.json().get("cursor").asText() : null;
      pages++;
    } while (cursor != null && pages < 10);
    assertThat(seen).containsExactlyElementsOf(reversed(created));
    assertThat(pages).isBetween(3, 4);
  }

  @Test
  void aCursorCannotBeReplayedAgainstAnotherOwner() {
    String alice = "cur-a-" + UUID.randomUUID();
    for (int i = 0; i < 3; i++) create(alice, body("https://example.com/c" + i));
    String cursor = stack.get("/links?limit=1", stack.token(alice)).json().get("cursor").asText();
    assertError(stack.get("/links?limit=1&cursor=" + cursor, stack.token("cur-b-" + UUID.randomUUID())), 400, "cursor_invalid");
    assertError(stack.get("/links?cursor=not-a-cursor", stack.token(alice)), 400, "cursor_invalid");
    assertError(stack.get("/links?limit=0", stack.token(alice)), 400, "limit_invalid");
    assertError(stack.get("/links?limit=101", stack.token(alice)), 400, "limit_invalid");
  }

  @Test
  void anotherUsersLinkLooksExactlyLikeAMissingOne() {
    String code = create("alice", body("https://example.com/private")).get("code").asText();
    String bob = stack.token("bob");
    ApiResponse foreign = stack.get("/links/" + code, bob);
    ApiResponse missing = stack.get("/links/Nope123", bob);
    assertError(foreign, 404, "not_found");
    assertThat(foreign.body()).isEqualTo(missing.body());

    ApiResponse foreignDelete = stack.delete("/links/" + code, bob);
    assertThat(foreignDelete.status()).isEqualTo(404);
    assertThat(foreignDelete.body()).isEqualTo(stack.delete("/links/Nope123", bob).body());
    assertThat(stack.get("/links/" + code, stack.token("alice")).status()).isEqualTo(200);
  }

  @Test
  void ownerGetsAndDeletesALinkAndItStopsRedirecting() {
    String alice = stack.token("alice");
    JsonNode link = create("alice", body("https://example.com/gone"));
    String code = link.get("code").asText();
    ApiResponse got = stack.get("/links/" + code, alice);
    assertThat(got.status()).isEqualTo(200);
    assertThat(got.json()).isEqualTo(link);

    assertThat(stack.delete("/links/" + code, alice).status()).isEqualTo(204);
    assertThat(stack.get("/links/" + code, alice).status()).isEqualTo(404);
    assertThat(stack.delete("/links/" + code, alice).status()).isEqualTo(404);
    // The redirect caches lookups for LinkCacheSeconds (1 s in this stack).
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(stack.get("/" + code, null).status()).isEqualTo(404));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"url\":", "[1,2]", "\"just a string\"", "{}", "{\"url\":null}", "{\"url\":42}",
      "{\"url\":\"javascript:alert(1)\"}", "{\"url\":\"JaVaScRiPt:alert(1)\"}", "{\"url\":\" javascript:alert(1)\"}",
      "{\"url\":\"java\\tscript:alert(1)\"}", "{\"url\":\"data:text/html,<script>alert(1)</script>\"}",
      "{\"url\":\"file:///etc/passwd\"}", "{\"url\":\"ftp://example.com/x\"}", "{\"url\":\"https:\\\\\\\\evil.com\"}",
      "{\"url\":\"//evil.com\"}", "{\"url\":\"https://user:pass@example.com/\"}", "{\"url\":\"https://example.com\",\"redirect\":303}",
      "{\"url\":\"https://example.com\",\"alias\":\"ab\"}", "{\"url\":\"https://example.com\",\"alias\":\"has space\"}",
      "{\"url\":\"https://example.com\",\"alias\":\"Links\"}", "{\"url\":\"https://example.com\",\"alias\":\"dashboard\"}",
      "{\"url\":\"https://example.com\",\"expiresAt\":\"tomorrow\"}", "{\"url\":\"https://example.com\",\"expiresAt\":\"2001-01-01T00:00:00Z\"}",
      "{\"url\":\"https://example.com\",\"surprise\":true}"})
  void badInputIsA400WithAnErrorBodyAndChangesNothing(String json) {
    String user = "bad-" + UUID.randomUUID();
    ApiResponse r = stack.post("/links", stack.token(user), json);
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.json().path("error").path("code").asText()).isNotBlank();
    assertThat(r.json().path("error").path("message").asText()).isNotBlank();
    assertThat(stack.get("/links", stack.token(user)).json().get("items")).isEmpty();
  }

  @Test
  void urlsLongerThan2048CharactersAndUrlsBackToTheShortenerAreRefused() {
    String user = "bad-" + UUID.randomUUID();
    String token = stack.token(user);
    String longUrl = "https://example.com/" + "a".repeat(2049 - "https://example.com/".length());
    assertError(stack.post("/links", token, body(longUrl)), 400, "url_too_long");
    assertError(stack.post("/links", token, body(stack.api() + "/abc")), 400, "url_loop");
    assertThat(stack.get("/links", token).json().get("items")).isEmpty();
  }

  @Test
  void missingInvalidExpiredOrMisaddressedTokensAre401() {
    var issuer = stack.stack().issuer();
    Instant now = Instant.now();
    String expired = issuer.sign(new JWTClaimsSet.Builder().issuer(issuer.issuer()).audience("linkpulse").subject("alice")
        .issueTime(Date.from(now.minusSeconds(7200))).expirationTime(Date.from(now.minusSeconds(3600))).build());
    String wrongAudience = issuer.sign(new JWTClaimsSet.Builder().issuer(issuer.issuer()).audience("someone-else").subject("alice")
        .expirationTime(Date.from(now.plusSeconds(3600))).build());
    String wrongIssuer = issuer.sign(new JWTClaimsSet.Builder().issuer("https://evil.example/").audience("linkpulse").subject("alice")
        .expirationTime(Date.from(now.plusSeconds(3600))).build());
    String noExpiry = issuer.sign(new JWTClaimsSet.Builder().issuer(issuer.issuer()).audience("linkpulse").subject("alice").build());
    String valid = stack.token("alice");
    String tampered = valid.substring(0, valid.lastIndexOf('.') + 1) + "AAAA" + valid.substring(valid.lastIndexOf('.') + 5);
    for (String token : new String[] {null, "garbage", expired, wrongAudience, wrongIssuer, noExpiry, tampered}) {
      assertError(stack.post("/links", token, body("https://example.com/x")), 401, "unauthorized");
      assertError(stack.get("/links", token), 401, "unauthorized");
    }
    assertThat(stack.get("/links", valid).status()).isEqualTo(200);
  }

  @Test
  void healthAnswersWhenTheStackIsReady() {
    ApiResponse r = stack.get("/health", null);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get("status").asText()).isEqualTo("ok");
  }

  private static List<String> reversed(List<String> list) {
    List<String> copy = new ArrayList<>(list);
    java.util.Collections.reverse(copy);
    return copy;
  }
}
