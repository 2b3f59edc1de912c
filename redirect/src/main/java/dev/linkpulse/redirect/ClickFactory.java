package dev.linkpulse.redirect;

import dev.linkpulse.core.clicks.ClickEvent;
import dev.linkpulse.core.clicks.VisitorHasher;
import dev.linkpulse.core.links.Link;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/** Builds the {@code link.clicked} event for a request: the IP goes into the visitor hash and nowhere else. */
final class ClickFactory {
  private static final Pattern COUNTRY = Pattern.compile("[A-Za-z]{2}");

  private final VisitorHasher visitors;
  private final Clock clock;

  ClickFactory(VisitorHasher visitors, Clock clock) {
    this.visitors = visitors;
    this.clock = clock;
  }

  /** The click of {@code request}, which was answered with {@code link}: the click belongs to that life of the code. */
  ClickEvent click(RedirectRequest request, Link link) {
    Instant now = clock.instant();
    String userAgent = ClickEvent.truncate(request.header("user-agent"), ClickEvent.MAX_USER_AGENT);
    String visitor = visitors.visitor(viewerIp(request), userAgent, LocalDate.ofInstant(now, ZoneOffset.UTC));
    Map<String, String> utm = new LinkedHashMap<>();
    for (String key : new String[] {"source", "medium", "campaign", "term", "content"}) {
      String value = request.query().get("utm_" + key);
      if (value != null && !value.isBlank()) utm.put(key, ClickEvent.truncate(value, ClickEvent.MAX_UTM_VALUE));
    }
    return new ClickEvent(UUID.randomUUID().toString(), now, link.code(), link.incarnation(), request.method(),
        ClickEvent.truncate(request.header("referer"), ClickEvent.MAX_REFERRER), userAgent, country(request),
        visitor, "1".equals(request.query().get("qr")), utm);
  }

  /**
   * CloudFront's own header, when present, carries the viewer's country; anything else is unknown. A handler only
   * sees {@code cloudfront-*} headers on requests that came through the edge ({@link dev.linkpulse.core.http.EdgeTrust}).
   */
  private static String country(RedirectRequest request) {
    String c = request.header("cloudfront-viewer-country");
    return c != null && COUNTRY.matcher(c).matches() ? c.toUpperCase(Locale.ROOT) : ClickEvent.UNKNOWN_COUNTRY;
  }

  /**
   * Behind CloudFront the connecting address is CloudFront's; {@code CloudFront-Viewer-Address} ("ip:port") is
   * the viewer's. Without CloudFront, API Gateway's {@code sourceIp} is the viewer.
   */
  private static String viewerIp(RedirectRequest request) {
    String viewer = request.header("cloudfront-viewer-address");
    if (viewer != null && viewer.lastIndexOf(':') > 0) return viewer.substring(0, viewer.lastIndexOf(':'));
    return request.sourceIp();
  }
}
