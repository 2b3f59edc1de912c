package dev.linkpulse.deploy.hooks;

import dev.linkpulse.core.links.Link;
import dev.linkpulse.core.links.LinkStore;
import dev.linkpulse.core.links.Page;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The link store as the hooks use it (find and create), in memory. */
final class InMemoryLinks implements LinkStore {
  final Map<String, Link> links = new LinkedHashMap<>();

  @Override
  public boolean putIfAbsent(Link link) {
    return links.putIfAbsent(link.code(), link) == null;
  }

  @Override
  public Optional<Link> find(String code) {
    return Optional.ofNullable(links.get(code));
  }

  @Override
  public Optional<Link> findOwned(String owner, String code) {
    return find(code).filter(l -> l.owner().equals(owner));
  }

  @Override
  public boolean deleteOwned(String owner, String code) {
    return findOwned(owner, code).map(l -> links.remove(code) != null).orElse(false);
  }

  @Override
  public boolean reopen(String code, String incarnation) {
    throw new UnsupportedOperationException("the hooks never reopen links");
  }

  @Override
  public Page<Link> listByOwner(String owner, int limit, String cursor) {
    throw new UnsupportedOperationException("the hooks never list links");
  }
}
