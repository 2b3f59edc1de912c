package dev.linkpulse.ops.dlq;

import com.fasterxml.jackson.databind.JsonNode;
import dev.linkpulse.core.Json;
import dev.linkpulse.ops.UsageError;
import dev.linkpulse.template.FunctionSpec;
import dev.linkpulse.template.RepositoryRoot;
import dev.linkpulse.template.Resolver;
import dev.linkpulse.template.Template;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/**
 * Finds queues: by name, URL or ARN, and the application's dead-letter queues. Works from SQS alone (real AWS
 * has no template at hand); when {@code template.yaml} is found (the repository root), it also names the stream
 * mappings' on-failure destinations and the functions that feed them.
 */
final class Queues {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,80}(\\.fifo)?");
  /** The template's on-failure destination, by logical id: what SQS alone cannot tell apart from any queue. */
  static final String DEFAULT_ON_FAILURE = "AggregatorFailures";

  /** A queue and its attributes (all of them, as GetQueueAttributes returned them). */
  record Queue(String url, String name, String arn, Map<String, String> attributes) {
    boolean fifo() {
      return name.endsWith(".fifo") || "true".equalsIgnoreCase(attributes.get("FifoQueue"));
    }

    long visible() {
      return number(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES.toString());
    }

    long inFlight() {
      return number(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE.toString());
    }

    long delayed() {
      return number(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED.toString());
    }

    /** The ARN of the queue this one dead-letters into, or null. */
    String deadLetterTargetArn() {
      String policy = attributes.get(QueueAttributeName.REDRIVE_POLICY.toString());
      if (policy == null || policy.isBlank()) return null;
      try {
        JsonNode p = Json.tree(policy);
        return p.path("deadLetterTargetArn").isTextual() ? p.get("deadLetterTargetArn").asText() : null;
      } catch (Exception e) {
        return null;
      }
    }

    private long number(String attribute) {
      try {
        return Long.parseLong(attributes.getOrDefault(attribute, "0"));
      } catch (NumberFormatException e) {
        return 0;
      }
    }
  }

  /** One of the application's dead-letter queues: what feeds it, and whether it holds stream batch pointers. */
  record Dlq(Queue queue, List<String> sources, boolean onFailure) {}

  private final SqsClient sqs;
  private final String prefix;
  private Set<String> onFailureIds;
  private Map<String, List<String>> onFailureFunctions;

  Queues(SqsClient sqs, String prefix) {
    this.sqs = sqs;
    this.prefix = prefix;
  }

  /** A queue by name, URL or ARN; an unknown one is bad input. {@code what} names the argument in the message. */
  Queue resolve(String ref, String what) {
    if (ref == null || ref.isBlank()) throw new UsageError(what + " is empty");
    String r = ref.trim();
    if (r.startsWith("http://") || r.startsWith("https://")) {
      return describe(r).orElseThrow(() -> new UsageError(what + ": no queue at " + r));
    }
    if (r.startsWith("arn:")) {
      String[] parts = r.split(":");
      if (parts.length != 6 || !parts[2].equals("sqs") || !NAME.matcher(parts[5]).matches()) throw new UsageError(what + ": '" + r + "' is not an SQS queue ARN");
      String url = url(parts[5], parts[4]);
      if (url == null) throw new UsageError(what + ": no queue " + r);
      return describe(url).orElseThrow(() -> new UsageError(what + ": no queue " + r));
    }
    if (!NAME.matcher(r).matches()) throw new UsageError(what + ": '" + r + "' is not a queue name (letters, digits, - and _, up to 80) or URL");
    String url = url(r, null);
    if (url != null) {
      var q = describe(url);
      if (q.isPresent()) return q.get();
    }
    // CloudFormation names queues <stack>-<LogicalId>-<suffix>: accept the logical id when it names exactly one.
    List<String> candidates = listUrls().stream().filter(u -> name(u).contains(r)).toList();
    if (candidates.size() == 1) return describe(candidates.get(0)).orElseThrow(() -> new UsageError(what + ": no queue named " + r));
    if (candidates.isEmpty()) throw new UsageError(what + ": no queue named " + r + (prefix == null ? "" : " (with prefix " + prefix + ")"));
    throw new UsageError(what + ": '" + r + "' matches " + candidates.size() + " queues (" + String.join(", ", candidates.stream().map(Queues::name).toList())
        + "); give the full name, or --prefix");
  }

  private String url(String name, String account) {
    try {
      return sqs.getQueueUrl(b -> b.queueName(name).queueOwnerAWSAccountId(account)).queueUrl();
    } catch (QueueDoesNotExistException e) {
      return null;
    }
  }

  java.util.Optional<Queue> describe(String url) {
    try {
      Map<String, String> attrs = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.ALL)).attributesAsStrings();
      String arn = attrs.get(QueueAttributeName.QUEUE_ARN.toString());
      return java.util.Optional.of(new Queue(url, name(url), arn, attrs));
    } catch (QueueDoesNotExistException e) {
      return java.util.Optional.empty();
    }
  }

  List<String> listUrls() {
    List<String> urls = new ArrayList<>();
    sqs.listQueuesPaginator(b -> b.queueNamePrefix(prefix).maxResults(1000)).forEach(page -> urls.addAll(page.queueUrls()));
    return urls;
  }

  /** The queues whose RedrivePolicy dead-letters into {@code dlq}. */
  List<Queue> sourcesOf(Queue dlq) {
    List<Queue> out = new ArrayList<>();
    sqs.listDeadLetterSourceQueuesPaginator(b -> b.queueUrl(dlq.url()).maxResults(1000))
        .forEach(page -> page.queueUrls().forEach(u -> describe(u).ifPresent(out::add)));
    return out;
  }

  /**
   * Every dead-letter queue of the app: each queue named as {@code deadLetterTargetArn} in another queue's
   * RedrivePolicy, plus the stream mappings' on-failure destinations (by logical id in the queue's name).
   */
  List<Dlq> discover() {
    Map<String, Queue> byArn = new LinkedHashMap<>();
    for (String url : listUrls()) describe(url).ifPresent(q -> byArn.put(q.arn(), q));
    Map<String, List<String>> sources = new LinkedHashMap<>();
    for (Queue q : byArn.values()) {
      String target = q.deadLetterTargetArn();
      if (target != null) sources.computeIfAbsent(target, k -> new ArrayList<>()).add(q.name());
    }
    List<Dlq> out = new ArrayList<>();
    for (Queue q : byArn.values()) {
      boolean onFailure = isOnFailureDestination(q);
      if (sources.containsKey(q.arn()) || onFailure) {
        List<String> from = new ArrayList<>(sources.getOrDefault(q.arn(), List.of()));
        if (onFailure) from.addAll(onFailureFunctions().getOrDefault(matchingId(q), List.of()));
        out.add(new Dlq(q, from, onFailure && !sources.containsKey(q.arn())));
      }
    }
    out.sort(java.util.Comparator.comparing(d -> d.queue().name()));
    return out;
  }

  /** Whether SQS gives this queue no source and its name carries a stream on-failure destination's logical id. */
  boolean isOnFailureDestination(Queue q) {
    return matchingId(q) != null;
  }

  private String matchingId(Queue q) {
    for (String id : onFailureIds()) if (q.name().equals(id) || q.name().contains(id)) return id;
    return null;
  }

  private Set<String> onFailureIds() {
    if (onFailureIds == null) loadTemplate();
    return onFailureIds;
  }

  private Map<String, List<String>> onFailureFunctions() {
    if (onFailureFunctions == null) loadTemplate();
    return onFailureFunctions;
  }

  /** The template's OnFailure destinations (logical ids) and the functions whose mappings name them. */
  private void loadTemplate() {
    Set<String> ids = new LinkedHashSet<>();
    Map<String, List<String>> functions = new LinkedHashMap<>();
    try {
      Path file = RepositoryRoot.template();
      if (Files.isRegularFile(file)) {
        Template template = Template.load(file);
        for (FunctionSpec spec : template.functions()) {
          spec.events().forEach((name, event) -> {
            Map<String, Object> props = Template.map(event.get("Properties"));
            Object destination = Template.map(Template.map(props.get("DestinationConfig")).get("OnFailure")).get("Destination");
            if (destination == null) return;
            for (String id : Resolver.references(destination)) {
              ids.add(id);
              functions.computeIfAbsent(id, k -> new ArrayList<>()).add(spec.logicalId());
            }
          });
        }
      }
    } catch (Exception | LinkageError unreadable) {
      // no usable template (real AWS, another directory): SQS alone, with the known logical id
    }
    if (ids.isEmpty()) ids.add(DEFAULT_ON_FAILURE);
    onFailureIds = ids;
    onFailureFunctions = functions;
  }

  static String name(String url) {
    String trimmed = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    return trimmed.substring(trimmed.lastIndexOf('/') + 1);
  }

}
