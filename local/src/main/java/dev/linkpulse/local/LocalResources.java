package dev.linkpulse.local;

import dev.linkpulse.template.Resolver;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the template's resources answer to Ref and GetAtt in the local stack. */
final class LocalResources implements Resolver.Resources {
  final Map<String, String> tables = new LinkedHashMap<>();
  final Map<String, String> queueUrls = new LinkedHashMap<>();
  final Map<String, String> functions = new LinkedHashMap<>();
  final Map<String, String> apis = new LinkedHashMap<>();
  final Map<String, String> buses = new LinkedHashMap<>();
  final Map<String, String> streamArns = new LinkedHashMap<>();
  /** Event rules: logical id -> "bus/name". */
  final Map<String, String> rules = new LinkedHashMap<>();
  final Map<String, String> other = new LinkedHashMap<>();
  private final String region;
  private final String account;

  LocalResources(String region, String account) {
    this.region = region;
    this.account = account;
  }

  boolean knows(String id) {
    return java.util.List.of(tables, queueUrls, functions, apis, buses, other, rules).stream().anyMatch(m -> m.containsKey(id));
  }

  @Override
  public String ref(String id) {
    for (Map<String, String> m : java.util.List.of(tables, queueUrls, functions, apis, buses, other)) {
      if (m.containsKey(id)) return m.get(id);
    }
    if (rules.containsKey(id)) return rules.get(id).substring(rules.get(id).indexOf('/') + 1);
    throw new IllegalArgumentException("Ref to unknown resource " + id);
  }

  @Override
  public String getAtt(String id, String attribute) {
    if (tables.containsKey(id)) {
      return switch (attribute) {
        case "Arn" -> "arn:aws:dynamodb:" + region + ":" + account + ":table/" + tables.get(id);
        case "StreamArn" -> streamArns.getOrDefault(id, "arn:aws:dynamodb:" + region + ":" + account + ":table/" + tables.get(id) + "/stream/local");
        default -> unknown(id, attribute);
      };
    }
    if (queueUrls.containsKey(id)) {
      String name = queueName(queueUrls.get(id));
      return switch (attribute) {
        case "Arn" -> queueArn(name);
        case "QueueName" -> name;
        case "QueueUrl" -> queueUrls.get(id);
        default -> unknown(id, attribute);
      };
    }
    if (functions.containsKey(id) && attribute.equals("Arn")) return "arn:aws:lambda:" + region + ":" + account + ":function:" + functions.get(id);
    if (buses.containsKey(id)) {
      return switch (attribute) {
        case "Arn" -> "arn:aws:events:" + region + ":" + account + ":event-bus/" + buses.get(id);
        case "Name" -> buses.get(id);
        default -> unknown(id, attribute);
      };
    }
    if (rules.containsKey(id) && attribute.equals("Arn")) return "arn:aws:events:" + region + ":" + account + ":rule/" + rules.get(id);
    if (other.containsKey(id) && attribute.equals("Arn")) return other.get(id);
    return unknown(id, attribute);
  }

  /** ElasticMQ's ARNs follow AWS's shape with the region and account it was started with. */
  String queueArn(String name) {
    return "arn:aws:sqs:" + region + ":" + account + ":" + name;
  }

  /** The queue URL for a queue ARN the template resolved (rule targets, redrive and on-failure destinations). */
  String queueUrlForArn(String arn) {
    String name = arn.substring(arn.lastIndexOf(':') + 1);
    return queueUrls.values().stream().filter(url -> queueName(url).equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no queue for " + arn));
  }

  static String queueName(String url) {
    return url.substring(url.lastIndexOf('/') + 1);
  }

  private static String unknown(String id, String attribute) {
    throw new IllegalArgumentException("GetAtt " + id + "." + attribute + " is not known to the local stack");
  }
}
