package dev.linkpulse.pipeline.live;

import dev.linkpulse.core.links.Link;
import dev.linkpulse.core.links.LinkStore;
import dev.linkpulse.core.links.Page;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A plain {@link LinkStore} for the fan-out's tests: one link per code, owner checks as the table's conditions make them. */
public final class InMemoryLinkStore implements LinkStore {
  private final Map<String, Link> links = new ConcurrentHashMap<>();
  private volatile boolean failReads;

  public void failReads(boolean fail) {
    this.failReads = fail;
  }

  @Override
  public boolean putIfAbsent(Link link) {
    return links.putIfAbsent(link.code(), link) == null;
  }

  @Override
  public Optional<Link> find(String code) {
    if (failReads) throw new IllegalStateException("the table is unreachable");
    return Optional.ofNullable(links.get(code));
  }

  @Override
  public Optional<Link> findOwned(String owner, String code) {
    return find(code).filter(l -> l.owner().equals(owner));
  }

  @Override
  public boolean deleteOwned(String owner, String code) {
    Link link = links.get(code);
    return link != null && link.owner().equals(owner) && links.remove(code, link);
  }

  @Override
  public boolean reopen(String code, String incarnation) {
    Link link = links.get(code);
    if (link == null || !link.incarnation().equals(incarnation) || link.status() != Link.Status.REJECTED
        || link.reason() == null || !link.reason().startsWith(Link.MODERATION_FAILED)) return false;
    return links.replace(code, link, new Link(link.code(), link.incarnation(), link.url(), link.owner(), link.redirect(),
        link.createdAt(), link.expiresAt(), Link.Status.PENDING, "moderation started again"));
  }

  @Override
  public Page<Link> listByOwner(String owner, int limit, String cursor) {
    List<Link> mine = links.values().stream().filter(l -> l.owner().equals(owner))
        .sorted(Comparator.comparing(Link::createdAt).reversed()).limit(limit).toList();
    return new Page<>(mine, null);
  }
}
