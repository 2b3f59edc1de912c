package dev.linkpulse.links;

import java.util.List;
import software.amazon.lambda.powertools.idempotency.IdempotencyKey;
import software.amazon.lambda.powertools.idempotency.Idempotent;

/**
 * Link creation behind an {@code Idempotency-Key}: Powertools records the first result under (owner, key) and
 * replays it for a retry; the same key with a different request fails validation (mapped to 422).
 */
class IdempotentCreate {
  /** What the idempotency record is keyed on ({@code owner, key}) and validated against ({@code request}). */
  record Call(String owner, String key, CreateLinkRequest request, List<String> via, String requestId) {}

  private final LinkService service;

  IdempotentCreate(LinkService service) {
    this.service = service;
  }

  @Idempotent
  public LinkView create(@IdempotencyKey Call call) {
    return service.create(call.owner(), call.request(), call.via(), call.requestId());
  }
}
