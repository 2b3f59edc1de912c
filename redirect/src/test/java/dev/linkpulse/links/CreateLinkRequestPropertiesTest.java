package dev.linkpulse.links;

import static dev.linkpulse.testing.Generators.ints;
import static dev.linkpulse.testing.Generators.orNull;
import static dev.linkpulse.testing.Generators.strings;
import static dev.linkpulse.testing.Generators.tokenSoups;
import static dev.linkpulse.testing.Generators.wellFormedStrings;
import static dev.linkpulse.testing.Generators.withEdgeCases;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkpulse.core.Json;
import dev.linkpulse.core.http.ApiException;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class CreateLinkRequestPropertiesTest {
  private static final Set<String> CODES = Set.of("malformed_json", "unknown_field", "field_type", "redirect_invalid");
  private static final Gen<String> JSON_TOKEN_SOUPS = tokenSoups(List.of("{", "}", "[", "]", ":", ",", " ", "\"url\"",
      "\"alias\"", "\"redirect\"", "\"expiresAt\"", "\"other\"", "\"https://e.com\"", "\"\"", "301", "302", "303", "307",
      "308", "301.0", "-1", "1e999", "99999999999", "null", "true", "false", "\"\\u0000\"", "\"", "\\",
      "\"2030-01-01T00:00:00Z\"", "/*x*/", "//", "\n", "'", "NaN", "[[[[[[", "{{{{{{"), 16);
  private static final Gen<String> MAYBE_TEXT = orNull(wellFormedStrings(60), 30);
  private static final Gen<Integer> MAYBE_REDIRECT = orNull(Generate.pick(List.of(301, 302, 307, 308)), 30);

  @Test
  void arbitraryStringsParseOrAreRejectedAsBadRequests() {
    qt().withExamples(2500).forAll(strings()).checkAssert(CreateLinkRequestPropertiesTest::checkParsesOrBadRequest);
  }

  /** Token soups of JSON punctuation and this request's field names reach every check, not just the JSON parser. */
  @Test
  void jsonLikeTokenSoupsParseOrAreRejectedAsBadRequests() {
    qt().withExamples(5400).forAll(JSON_TOKEN_SOUPS).checkAssert(CreateLinkRequestPropertiesTest::checkParsesOrBadRequest);
  }

  @Test
  void wellTypedBodiesParseToTheirValues() {
    qt().withExamples(1100).forAll(MAYBE_TEXT, MAYBE_TEXT, MAYBE_REDIRECT, MAYBE_TEXT).checkAssert((url, alias, redirect, expiresAt) -> {
      ObjectNode body = Json.object();
      if (url != null) body.put("url", url);
      if (alias != null) body.put("alias", alias);
      if (redirect != null) body.put("redirect", redirect);
      if (expiresAt != null) body.put("expiresAt", expiresAt);
      assertThat(CreateLinkRequest.parse(Json.write(body))).isEqualTo(new CreateLinkRequest(url, alias, redirect, expiresAt));
    });
  }

  /** Any int, with the codes around the four redirects (300 to 310) as edge cases besides the int extremes. */
  @Test
  void anyOtherRedirectIntegerIsRejected() {
    List<Integer> nearRedirects = IntStream.rangeClosed(300, 310).boxed().toList();
    qt().withExamples(1400).forAll(withEdgeCases(ints(), nearRedirects)).checkAssert(redirect -> {
      if (CreateLinkRequest.REDIRECTS.contains(redirect)) return;
      try {
        CreateLinkRequest.parse("{\"redirect\":" + redirect + "}");
        throw new AssertionError("accepted redirect " + redirect);
      } catch (ApiException e) {
        assertThat(e.code()).isEqualTo("redirect_invalid");
      }
    });
  }

  /** Any string, with near misses of the four names (case, spacing, spelling) as edge cases. */
  @Test
  void anyFieldNameOutsideTheFourIsRejected() {
    List<String> nearMisses = List.of("URL", "Url", "Alias", "REDIRECT", "expiresat", "expires_at", " url", "url ", "url\u0000");
    qt().withExamples(650).forAll(withEdgeCases(strings(), nearMisses)).checkAssert(name -> {
      if (Set.of("url", "alias", "redirect", "expiresAt").contains(name)) return;
      ObjectNode body = Json.object();
      body.put(name, "x");
      try {
        CreateLinkRequest.parse(Json.write(body));
        throw new AssertionError("accepted field " + name);
      } catch (ApiException e) {
        assertThat(e.code()).isEqualTo("unknown_field");
      }
    });
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
}
