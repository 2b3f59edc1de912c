package dev.linkpulse.gatling;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

/**
 * One click: the redirect request for the session's {@code code}, sent as its visit says (method, user agent,
 * referrer, country, query), and booked in the ledger as redirected (with its class) or failed. Every scenario's
 * clicks go through here, so every one is accounted the same way.
 */
final class Clicks {
  /** The request name the report and the p99 assertion use. */
  static final String REDIRECT = "redirect";

  private Clicks() {}

  static ChainBuilder click(Ledger ledger) {
    return exec(redirect()).exec(session -> book(ledger, session));
  }

  static HttpRequestActionBuilder redirect() {
    return http(REDIRECT).httpRequest(session -> session.getString("method"), "/#{code}#{query}")
        .header("User-Agent", "#{userAgent}")
        // CloudFront's header, which the redirect reads for the country (absent, the click's country is unknown)
        .header("CloudFront-Viewer-Country", "#{country}")
        // Direct visits send no Referer at all, not an empty one: add it only when the visit has one.
        .sign((request, session) -> {
          String referer = session.getString("referer");
          if (referer != null && !referer.isEmpty()) request.getHeaders().set("Referer", referer);
          return request;
        })
        .check(status().in(301, 302, 307, 308), header("Location").exists());
  }

  private static Session book(Ledger ledger, Session session) {
    String code = session.getString("code");
    if (session.isFailed()) {
      ledger.failed(code);
      // The failure is in the report; the user goes on (a CreateAndShare user has more clicks to make).
      return session.markAsSucceeded();
    }
    ledger.redirected(code, session.getBoolean("bot"), System.currentTimeMillis());
    return session;
  }
}
