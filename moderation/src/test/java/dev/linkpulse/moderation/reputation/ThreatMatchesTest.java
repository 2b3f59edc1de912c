package dev.linkpulse.moderation.reputation;

import static dev.linkpulse.testing.Generators.tokenSoups;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import com.fasterxml.jackson.databind.JsonNode;
import dev.linkpulse.core.Json;
import dev.linkpulse.testing.Generators;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.Generate;

/** The threatMatches:find wire format, from the Safe Browsing v4 reference's own request and response shapes. */
class ThreatMatchesTest {
  private static final String URL = "http://malware.testing.google.test/testing/malware/";

  @Test
  void theRequestAsksAboutOneUrlForEveryThreatTypeOnAnyPlatform() throws Exception {
    JsonNode body = Json.tree(ThreatMatches.request("linkpulse", "1.0", URL));
    assertThat(body.at("/client/clientId").asText()).isEqualTo("linkpulse");
    assertThat(body.at("/threatInfo/threatEntries/0/url").asText()).isEqualTo(URL);
    assertThat(body.at("/threatInfo/threatEntries")).hasSize(1);
    assertThat(body.at("/threatInfo/threatEntryTypes/0").asText()).isEqualTo("URL");
    assertThat(body.at("/threatInfo/platformTypes/0").asText()).isEqualTo("ANY_PLATFORM");
    assertThat(body.at("/threatInfo/threatTypes")).extracting(JsonNode::asText).containsExactlyElementsOf(ThreatMatches.THREAT_TYPES);
  }

  @Test
  void anEmptyObjectMeansNoMatch() {
    assertThat(ThreatMatches.response(URL, "{}").malicious()).isFalse();
  }

  @Test
  void theReferenceExampleResponseIsAMatch() {
    String body = """
        {"matches": [{"threatType": "MALWARE", "platformType": "WINDOWS", "threatEntryType": "URL",
          "threat": {"url": "http://malware.testing.google.test/testing/malware/"},
          "threatEntryMetadata": {"entries": [{"key": "malware_threat_type", "value": "landing"}]}, "cacheDuration": "300.000s"}]}""";
    assertThat(ThreatMatches.response(URL, body).threatTypes()).containsExactly("MALWARE");
  }

  @Test
  void aMatchForAnotherUrlIsIgnored() {
    String body = "{\"matches\":[{\"threatType\":\"MALWARE\",\"threat\":{\"url\":\"http://other.example/\"}}]}";
    assertThat(ThreatMatches.response(URL, body).malicious()).isFalse();
  }

  @Test
  void anythingButAResponseIsUnavailableNeverAVerdict() {
    for (String body : List.of("", "[]", "null", "{\"matches\":{}}", "{\"matches\":[{}]}", "<html>502</html>", "{} {}")) {
      assertThatThrownBy(() -> ThreatMatches.response(URL, body)).as(body).isInstanceOf(ReputationUnavailable.class);
    }
  }

  @Test
  void parsingIsTotal_aReputationOrUnavailable() {
    var soups = tokenSoups(List.of("{", "}", "[", "]", ",", ":", "\"matches\"", "\"threatType\"", "\"MALWARE\"", "\"threat\"", "\"url\"",
        "\"" + URL + "\"", "null", "1", "\"", "\\"), 20);
    qt().withExamples(3000).forAll(Generate.oneOf(soups, Generators.strings())).checkAssert(body -> {
      try {
        Reputation reputation = ThreatMatches.response(URL, body);
        assertThat(reputation.threatTypes()).doesNotHaveDuplicates();
      } catch (ReputationUnavailable expected) {
        // the one other answer
      }
    });
  }

  @Test
  void everyListedThreatTypeForTheUrlIsReportedOnce() {
    qt().withExamples(500).forAll(Generators.listsOf(Generate.pick(ThreatMatches.THREAT_TYPES), 6)).checkAssert(types -> {
      String body = Json.write(Map.of("matches", types.stream().map(t -> Map.of("threatType", t, "threat", Map.of("url", URL))).toList()));
      assertThat(ThreatMatches.response(URL, body).threatTypes()).containsExactlyElementsOf(types.stream().distinct().toList());
    });
  }
}
