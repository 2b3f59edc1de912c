package dev.linkpulse.links;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkpulse.core.Json;
import dev.linkpulse.core.http.ApiException;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class CreateLinkRequestPropertiesTest {
  private static final Set<String> CODES = Set.of("malformed_json", "unknown_field", "field_type", "redirect_invalid");

  @Property(tries = 2000)
  void arbitraryStringsParseOrAreRejectedAsBadRequests(@ForAll String body) {
    checkParsesOrBadRequest(body);
  }

  /** Token soups of JSON punctuation and this request's field names reach every check, not just the JSON parser. */
  @Property(tries = 5000)
  void jsonLikeTokenSoupsParseOrAreRejectedAsBadRequests(@ForAll("jsonTokenSoup") String body) {
    checkParsesOrBadRequest(body);
  }

  @Property(tries = 1000)
  void wellTypedBodiesParseToTheirValues(
      @ForAll("maybeText") String url, @ForAll("maybeText") String alias,
      @ForAll("maybeRedirect") Integer redirect, @ForAll("maybeText") String expiresAt) {
    ObjectNode body = Json.object();
    if (url != null) body.put("url", url);
    if (alias != null) body.put("alias", alias);
    if (redirect != null) body.put("redirect", redirect);
    if (expiresAt != null) body.put("expiresAt", expiresAt);
    assertThat(CreateLinkRequest.parse(Json.write(body))).isEqualTo(new CreateLinkRequest(url, alias, redirect, expiresAt));
  }

  @Property(tries = 1000)
  void anyOtherRedirectIntegerIsRejected(@ForAll int redirect) {
    if (CreateLinkRequest.REDIRECTS.contains(redirect)) return;
    try {
      CreateLinkRequest.parse("{\"redirect\":" + redirect + "}");
      throw new AssertionError("accepted redirect " + redirect);
    } catch (ApiException e) {
      assertThat(e.code()).isEqualTo("redirect_invalid");
    }
  }

  @Property(tries = 500)
  void anyFieldNameOutsideTheFourIsRejected(@ForAll String name) {
    if (Set.of("url", "alias", "redirect", "expiresAt").contains(name)) return;
    ObjectNode body = Json.object();
    body.put(name, "x");
    try {
      CreateLinkRequest.parse(Json.write(body));
      throw new AssertionError("accepted field " + name);
    } catch (ApiException e) {
      assertThat(e.code()).isEqualTo("unknown_field");
    }
  }

  private static void checkParsesOrBadRequest(String body) {
    try {
      CreateLinkRequest request = CreateLinkRequest.parse(body);
      assertThat(request).isNotNull();
      if (request.redirect() != null) assertThat(CreateLinkRequest.REDIRECTS).contains(request.redirect());
    } catch (ApiException e) {
      assertThat(e.status()).isEqualTo(400);
      assertThat(CODES).contains(e.code());
    }
  }

  @Provide
  Arbitrary<String> jsonTokenSoup() {
    List<String> tokens = List.of("{", "}", "[", "]", ":", ",", " ", "\"url\"", "\"alias\"", "\"redirect\"",
        "\"expiresAt\"", "\"other\"", "\"https://e.com\"", "\"\"", "301", "302", "303", "307", "308", "301.0", "-1",
        "1e999", "99999999999", "null", "true", "false", "\"\\u0000\"", "\"", "\\", "\"2030-01-01T00:00:00Z\"", "/*x*/",
        "//", "\n", "'", "NaN", "[[[[[[", "{{{{{{");
    return Arbitraries.of(tokens).list().ofMaxSize(16).map(parts -> String.join("", parts));
  }

  @Provide
  Arbitrary<String> maybeText() {
    return Arbitraries.strings().ofMaxLength(60)
        .filter(s -> s.codePoints().noneMatch(cp -> cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE))
        .injectNull(0.3);
  }

  @Provide
  Arbitrary<Integer> maybeRedirect() {
    return Arbitraries.of(301, 302, 307, 308).injectNull(0.3);
  }
}
