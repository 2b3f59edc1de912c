package dev.linkpulse.core.links;

import dev.linkpulse.core.http.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The operators' domain blocklist, kept in the table and edited with {@code linkpulse moderation blocklist}. A domain
 * blocks itself and every name under it ({@code evil.example} blocks {@code login.evil.example}). The create call
 * checks it synchronously ({@code 400 blocked_url}); the moderation saga checks it again, since the list may have
 * grown between the two.
 */
public interface Blocklist {
  static Blocklist dynamoDb(DynamoDbClient dynamo, String table) {
    return new DynamoBlocklist(dynamo, table);
  }

  /** The listed domain that blocks {@code host}, if any. */
  Optional<String> blockedBy(HostName host);

  /** Adds a domain (given in any spelling {@link HostName} accepts); returns its canonical form. */
  String add(String domain, String reason);

  /** Removes a domain; false when it was not listed. */
  boolean remove(String domain);

  /** Every listed domain with its reason, in order. */
  List<Entry> list();

  record Entry(String domain, String reason) {}

  /** The canonical form of a domain an operator typed; refuses addresses and anything that is not a DNS name. */
  static String canonicalDomain(String domain) {
    HostName host = HostName.parse(domain == null ? "" : domain.strip());
    if (host.kind() != HostName.Kind.DOMAIN) {
      throw ApiException.badRequest("domain_invalid", "the blocklist holds DNS names, not addresses: " + domain);
    }
    return host.ascii();
  }

  /** The names whose listing would block {@code host}: the host itself and every parent domain, nearest first. */
  static List<String> candidates(HostName host) {
    List<String> names = new ArrayList<>();
    if (host.kind() != HostName.Kind.DOMAIN) {
      names.add(host.ascii());
      return names;
    }
    String name = host.ascii();
    while (true) {
      names.add(name);
      int dot = name.indexOf('.');
      if (dot < 0) return names;
      name = name.substring(dot + 1);
    }
  }
}
