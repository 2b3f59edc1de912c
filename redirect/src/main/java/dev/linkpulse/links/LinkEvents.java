package dev.linkpulse.links;

import dev.linkpulse.core.Json;
import dev.linkpulse.core.links.LinkCreated;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;

/** Where the create call announces a new link; the moderation saga starts from it. */
interface LinkEvents {
  /** For the functions that create nothing. */
  LinkEvents NONE = created -> {
    throw new IllegalStateException("this function does not create links");
  };

  /** @throws LinkEventsUnavailable when the bus did not take the event */
  void created(LinkCreated created);

  static LinkEvents eventBridge(EventBridgeClient events, String busName) {
    return created -> {
      try {
        var response = events.putEvents(r -> r.entries(PutEventsRequestEntry.builder().eventBusName(busName)
            .source(LinkCreated.SOURCE).detailType(LinkCreated.DETAIL_TYPE).detail(Json.write(created.toDetail())).build()));
        if (response.failedEntryCount() != null && response.failedEntryCount() > 0) {
          var entry = response.entries().get(0);
          throw new LinkEventsUnavailable(entry.errorCode() + ": " + entry.errorMessage(), null);
        }
      } catch (LinkEventsUnavailable e) {
        throw e;
      } catch (RuntimeException e) {
        throw new LinkEventsUnavailable(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
      }
    };
  }

  final class LinkEventsUnavailable extends RuntimeException {
    LinkEventsUnavailable(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
