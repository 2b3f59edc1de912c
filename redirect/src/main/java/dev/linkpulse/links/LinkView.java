package dev.linkpulse.links;

import dev.linkpulse.core.links.Link;
import dev.linkpulse.core.links.UrlValidator;

/**
 * A link as the API shows it to its owner. Plain strings, so Powertools can store and replay it as JSON. {@code url}
 * is the target as stored and redirected to (canonical ASCII); {@code displayUrl} the same for people (Unicode host,
 * readable characters instead of their escapes). {@code status} is the link's moderation status in lower case
 * ({@code pending}, {@code active}, {@code in_review}, {@code rejected}, {@code disabled}) and {@code reason} a short
 * reason for it, when there is one.
 */
public record LinkView(String code, String shortUrl, String url, String displayUrl, int redirect, String createdAt, String expiresAt,
    String status, String reason) {
  static LinkView of(Link link, String baseUrl) {
    return new LinkView(link.code(), baseUrl + "/" + link.code(), link.url(), UrlValidator.display(link.url()), link.redirect(),
        link.createdAt().toString(), link.expiresAt() == null ? null : link.expiresAt().toString(),
        link.status().name().toLowerCase(java.util.Locale.ROOT), link.reason());
  }
}
