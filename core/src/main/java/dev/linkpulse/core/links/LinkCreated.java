package dev.linkpulse.core.links;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code link.created} event the create call puts on the bus; it starts the moderation saga. It carries the
 * link's life (code and incarnation), so the saga's execution name, derived from it, is the same for every
 * delivery of one creation and different for a code created again after a delete.
 */
public record LinkCreated(String code, String incarnation, String owner, String target, String createdAt, String requestId) {
  public static final String SOURCE = "linkpulse.links";
  public static final String DETAIL_TYPE = "link.created";

  public LinkCreated {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(incarnation, "incarnation");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  public static LinkCreated of(Link link, String requestId) {
    return new LinkCreated(link.code(), link.incarnation(), link.owner(), link.url(), link.createdAt().toString(), requestId);
  }

  /** The event's detail, in the order the schema documents it. */
  public Map<String, Object> toDetail() {
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("code", code);
    detail.put("incarnation", incarnation);
    detail.put("owner", owner);
    detail.put("target", target);
    detail.put("createdAt", createdAt);
    if (requestId != null) detail.put("requestId", requestId);
    return detail;
  }
}
