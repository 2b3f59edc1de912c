package dev.linkpulse.links;

import dev.linkpulse.core.links.Link;

/** A link as the API shows it to its owner. Plain strings, so Powertools can store and replay it as JSON. */
public record LinkView(String code, String shortUrl, String url, int redirect, String createdAt, String expiresAt) {
  static LinkView of(Link link, String baseUrl) {
    return new LinkView(link.code(), baseUrl + "/" + link.code(), link.url(), link.redirect(),
        link.createdAt().toString(), link.expiresAt() == null ? null : link.expiresAt().toString());
  }
}
