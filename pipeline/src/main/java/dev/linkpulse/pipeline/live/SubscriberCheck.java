package dev.linkpulse.pipeline.live;

import dev.linkpulse.core.links.Link;
import dev.linkpulse.core.links.LinkStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a subscription may still hear its link, decided at push time and not only when it was made: its token must
 * not have expired, and the link must still be the one it subscribed to, owned by the subscriber (same code, same
 * life: a code deleted and created again by someone else is not the link they watched). One check serves one link
 * for one batch; each owner's link is read once (strongly consistent, like every owner check).
 */
final class SubscriberCheck {
  enum Verdict { LISTENING, LINK_ENDED, TOKEN_EXPIRED }

  private final LinkStore links;
  private final String code;
  private final Instant now;
  private final Map<String, Optional<Link>> currentByOwner = new HashMap<>();

  SubscriberCheck(LinkStore links, String code, Instant now) {
    this.links = links;
    this.code = code;
    this.now = now;
  }

  /** @throws RuntimeException when the link cannot be read: the caller then pushes nothing to anyone */
  Verdict of(Subscriber subscriber) {
    if (!now.isBefore(subscriber.tokenExpiresAt())) return Verdict.TOKEN_EXPIRED;
    Optional<Link> current = currentByOwner.computeIfAbsent(subscriber.owner(), owner -> links.findOwned(owner, code));
    return current.isPresent() && current.get().incarnation().equals(subscriber.incarnation()) ? Verdict.LISTENING : Verdict.LINK_ENDED;
  }
}
