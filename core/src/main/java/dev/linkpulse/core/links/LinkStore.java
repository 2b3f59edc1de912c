package dev.linkpulse.core.links;

import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The links, as the redirect, the links API, the stats API and the WebSocket routes see them. Ownership is enforced
 * here, at the data layer: every owner-scoped read or delete answers as if the link did not exist when it belongs to
 * someone else, so no handler can leak another user's link by forgetting a check.
 */
public interface LinkStore {
  /** The store on the table every function shares (keys from {@link dev.linkpulse.core.Keys}). */
  static LinkStore dynamoDb(DynamoDbClient dynamo, String table) {
    return new DynamoLinkStore(dynamo, table);
  }

  /** Writes the link unless its code is taken; returns false when it is. */
  boolean putIfAbsent(Link link);

  /** Any link by code, whoever owns it: for the redirect, which is public. */
  Optional<Link> find(String code);

  /** The link if {@code owner} owns it; otherwise empty, exactly as for a code that does not exist. */
  Optional<Link> findOwned(String owner, String code);

  /**
   * Puts a link whose moderation failed ({@code rejected}, reason starting {@link Link#MODERATION_FAILED}) back to
   * pending, for a saga started again; false when the link is another life or was refused for any other reason.
   */
  boolean reopen(String code, String incarnation);

  /** Deletes the link if {@code owner} owns it; false when it does not exist or is someone else's. */
  boolean deleteOwned(String owner, String code);

  /**
   * The owner's links, newest first. {@code cursor} is the opaque value a previous page returned, or null; a cursor
   * issued for another owner is refused ({@code 400 cursor_invalid}).
   */
  Page<Link> listByOwner(String owner, int limit, String cursor);
}
