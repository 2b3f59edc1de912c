package dev.linkpulse.local.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkpulse.core.http.EdgeTrust;
import dev.linkpulse.template.FunctionSpec;
import dev.linkpulse.template.Resolver;
import dev.linkpulse.template.Template;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The edge in template.yaml (issue 11, defect 6): CloudFront in front of the HTTP API with an origin secret every HTTP
 * function checks, forwarding only the viewer headers CloudFront adds itself, caching nothing, and serving one host.
 */
class EdgeContractTest {
  private static final Template template = ProjectTemplate.TEMPLATE;

  private static Map<String, Object> distribution() {
    return Template.map(template.resourcesOfType("AWS::CloudFront::Distribution").get("EdgeDistribution").get("DistributionConfig"));
  }

  @Test
  void theEdgeFrontsTheHttpApiWithAnOriginSecret_thatEveryHttpFunctionAndNoOtherIsGiven() {
    Map<String, Object> origin = Template.map(Template.list(distribution().get("Origins")).get(0));
    assertThat(Resolver.references(origin.get("DomainName"))).containsExactlyInAnyOrder("HttpApi", "AWS::Region");
    assertThat(Template.map(origin.get("CustomOriginConfig")).get("OriginProtocolPolicy")).isEqualTo("https-only");
    Map<String, Object> header = Template.map(Template.list(origin.get("OriginCustomHeaders")).get(0));
    assertThat(String.valueOf(header.get("HeaderName"))).isEqualToIgnoringCase(EdgeTrust.HEADER);
    assertThat(Resolver.references(header.get("HeaderValue"))).containsExactly("EdgeOriginSecret");
    Map<String, Object> secret = Template.map(template.parameters().get("EdgeOriginSecret"));
    assertThat(secret.get("NoEcho")).isEqualTo(true);
    assertThat(Integer.parseInt(String.valueOf(secret.get("MinLength")))).isGreaterThanOrEqualTo(32);
    assertThat(secret).doesNotContainKey("Default");
    Set<String> httpFunctions = new HashSet<>();
    for (FunctionSpec fn : template.functions()) {
      if (fn.events().values().stream().anyMatch(e -> "HttpApi".equals(e.get("Type")))) httpFunctions.add(fn.logicalId());
    }
    for (FunctionSpec fn : template.functions()) {
      boolean http = httpFunctions.contains(fn.logicalId());
      // A deploy hook invokes the new version of an HTTP function as the edge would: with the secret.
      List<String> tested = Resolver.references(fn.environment().get("NEW_VERSION"));
      boolean hookOfHttp = !tested.isEmpty() && httpFunctions.contains(tested.get(0));
      Object given = fn.environment().get(EdgeTrust.ENVIRONMENT);
      if (http || (hookOfHttp && given != null)) assertThat(Resolver.references(given)).as(fn.logicalId()).containsExactly("EdgeOriginSecret");
      else assertThat(given).as(fn.logicalId() + " serves no HTTP route and needs no edge secret").isNull();
    }
  }

  @Test
  void theEdgeForwardsOnlyTheViewerHeadersCloudFrontAddsItself_andCachesNothing() {
    Map<String, Object> behavior = Template.map(distribution().get("DefaultCacheBehavior"));
    assertThat(behavior.get("ViewerProtocolPolicy")).isEqualTo("redirect-to-https");
    assertThat(Resolver.references(behavior.get("OriginRequestPolicyId"))).containsExactly("EdgeOriginRequestPolicy");
    assertThat(Resolver.references(behavior.get("CachePolicyId"))).containsExactly("EdgeCachePolicy");
    Map<String, Object> policy = Template.map(template.resourcesOfType("AWS::CloudFront::OriginRequestPolicy").get("EdgeOriginRequestPolicy")
        .get("OriginRequestPolicyConfig"));
    Map<String, Object> headers = Template.map(policy.get("HeadersConfig"));
    assertThat(headers.get("HeaderBehavior")).as("never allViewer: a viewer's CloudFront-* headers must not pass").isEqualTo("whitelist");
    List<String> forwarded = Template.list(headers.get("Headers")).stream().map(String::valueOf).toList();
    assertThat(forwarded.stream().filter(h -> h.toLowerCase(Locale.ROOT).startsWith("cloudfront-")))
        .containsExactlyInAnyOrder("CloudFront-Viewer-Address", "CloudFront-Viewer-Country");
    assertThat(forwarded).noneMatch(h -> h.contains("*"));
    assertThat(Template.map(policy.get("CookiesConfig")).get("CookieBehavior")).isEqualTo("none");
    Map<String, Object> cache = Template.map(template.resourcesOfType("AWS::CloudFront::CachePolicy").get("EdgeCachePolicy").get("CachePolicyConfig"));
    assertThat(String.valueOf(cache.get("DefaultTTL"))).as("every click must reach the redirect function").isEqualTo("0");
  }

  @Test
  void theEdgeServesShortBaseUrlsHostAndNoOther_andTheTemplateHasNoOtherCustomDomain() {
    assertThat(Resolver.references(distribution().get("Aliases"))).containsOnly("ShortBaseUrl", "AWS::NoValue");
    assertThat(String.valueOf(distribution().get("Aliases"))).doesNotContain("*");
    Map<String, Object> association = Template.map(Template.list(Template.map(distribution().get("DefaultCacheBehavior"))
        .get("FunctionAssociations")).get(0));
    assertThat(association.get("EventType")).isEqualTo("viewer-request");
    assertThat(Resolver.references(association.get("FunctionARN"))).containsExactly("EdgeHostGuard");
    Object code = template.resourcesOfType("AWS::CloudFront::Function").get("EdgeHostGuard").get("FunctionCode");
    assertThat(String.valueOf(code)).contains("host === '${ShortHost}'").contains("421");
    assertThat(Resolver.references(code)).containsExactly("ShortBaseUrl");
    // A custom domain for the HTTP API would be a second host serving the short links: UrlValidator would not know it.
    assertThat(template.resourcesOfType("AWS::ApiGatewayV2::DomainName")).isEmpty();
    assertThat(template.resourcesOfType("AWS::ApiGateway::DomainName")).isEmpty();
    assertThat(Resolver.references(ProjectTemplate.function("CreateLinkFunction").environment().get("SERVED_HOSTS"))).contains("WebSocketApi");
  }
}
