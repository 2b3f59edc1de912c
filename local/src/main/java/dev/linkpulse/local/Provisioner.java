package dev.linkpulse.local;

import dev.linkpulse.core.Json;
import dev.linkpulse.template.Resolver;
import dev.linkpulse.template.Template;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Creates the template's tables and queues in the emulators, exactly as declared (keys, indexes, streams, TTL, redrive). */
final class Provisioner {
  private final Template template;
  private final DynamoDbClient dynamo;
  private final SqsClient sqs;

  Provisioner(Template template, DynamoDbClient dynamo, SqsClient sqs) {
    this.template = template;
    this.dynamo = dynamo;
    this.sqs = sqs;
  }

  /** Returns logical id -> table name. An existing table (a persisted data directory) is kept as it is. */
  Map<String, String> tables() {
    Map<String, String> names = new LinkedHashMap<>();
    template.resourcesOfType("AWS::DynamoDB::Table").forEach((id, props) -> {
      String name = props.containsKey("TableName") ? String.valueOf(props.get("TableName")) : id;
      names.put(id, name);
      CreateTableRequest.Builder req = CreateTableRequest.builder().tableName(name)
          .attributeDefinitions(Template.list(props.get("AttributeDefinitions")).stream().map(Template::map)
              .map(a -> AttributeDefinition.builder().attributeName(str(a.get("AttributeName"))).attributeType(str(a.get("AttributeType"))).build()).toList())
          .keySchema(keySchema(props.get("KeySchema")))
          .billingMode(BillingMode.PAY_PER_REQUEST);
      List<GlobalSecondaryIndex> gsis = new ArrayList<>();
      for (Object g : Template.list(props.get("GlobalSecondaryIndexes"))) {
        Map<String, Object> gsi = Template.map(g);
        gsis.add(GlobalSecondaryIndex.builder().indexName(str(gsi.get("IndexName"))).keySchema(keySchema(gsi.get("KeySchema")))
            .projection(Projection.builder().projectionType(str(Template.map(gsi.get("Projection")).get("ProjectionType"))).build()).build());
      }
      if (!gsis.isEmpty()) req.globalSecondaryIndexes(gsis);
      Map<String, Object> stream = Template.map(props.get("StreamSpecification"));
      if (!stream.isEmpty()) {
        req.streamSpecification(StreamSpecification.builder().streamEnabled(true).streamViewType(str(stream.get("StreamViewType"))).build());
      }
      try {
        dynamo.createTable(req.build());
      } catch (ResourceInUseException exists) {
        return;
      }
      Map<String, Object> ttl = Template.map(props.get("TimeToLiveSpecification"));
      if (Boolean.parseBoolean(String.valueOf(ttl.get("Enabled")))) {
        dynamo.updateTimeToLive(r -> r.tableName(name).timeToLiveSpecification(t -> t.attributeName(str(ttl.get("AttributeName"))).enabled(true)));
      }
    });
    return names;
  }

  /** Creates the queues, dead-letter queues first; returns logical id -> queue URL. */
  Map<String, String> queues(Resolver resolver, Map<String, String> queueUrls) {
    Map<String, Map<String, Object>> pending = new LinkedHashMap<>(template.resourcesOfType("AWS::SQS::Queue"));
    while (!pending.isEmpty()) {
      int before = pending.size();
      for (var it = pending.entrySet().iterator(); it.hasNext(); ) {
        var e = it.next();
        List<String> deps = Resolver.references(e.getValue()).stream().filter(pending::containsKey).filter(d -> !d.equals(e.getKey())).toList();
        if (!deps.isEmpty()) continue;
        queueUrls.put(e.getKey(), createQueue(e.getKey(), Template.map(resolver.resolve(e.getValue()))));
        it.remove();
      }
      if (pending.size() == before) throw new IllegalStateException("queues refer to each other in a cycle: " + pending.keySet());
    }
    return queueUrls;
  }

  private String createQueue(String id, Map<String, Object> props) {
    boolean fifo = Boolean.parseBoolean(String.valueOf(props.get("FifoQueue")));
    String name = props.containsKey("QueueName") ? str(props.get("QueueName")) : id + (fifo ? ".fifo" : "");
    Map<QueueAttributeName, String> attrs = new HashMap<>();
    copy(props, "VisibilityTimeout", attrs, QueueAttributeName.VISIBILITY_TIMEOUT);
    copy(props, "MessageRetentionPeriod", attrs, QueueAttributeName.MESSAGE_RETENTION_PERIOD);
    copy(props, "DelaySeconds", attrs, QueueAttributeName.DELAY_SECONDS);
    copy(props, "ReceiveMessageWaitTimeSeconds", attrs, QueueAttributeName.RECEIVE_MESSAGE_WAIT_TIME_SECONDS);
    copy(props, "MaximumMessageSize", attrs, QueueAttributeName.MAXIMUM_MESSAGE_SIZE);
    if (fifo) {
      attrs.put(QueueAttributeName.FIFO_QUEUE, "true");
      copy(props, "ContentBasedDeduplication", attrs, QueueAttributeName.CONTENT_BASED_DEDUPLICATION);
    }
    Object redrive = props.get("RedrivePolicy");
    if (redrive != null) attrs.put(QueueAttributeName.REDRIVE_POLICY, redrive instanceof String s ? s : Json.write(redrive));
    return sqs.createQueue(r -> r.queueName(name).attributes(attrs)).queueUrl();
  }

  private static void copy(Map<String, Object> props, String key, Map<QueueAttributeName, String> attrs, QueueAttributeName name) {
    if (props.containsKey(key)) attrs.put(name, str(props.get(key)));
  }

  private static List<KeySchemaElement> keySchema(Object node) {
    return Template.list(node).stream().map(Template::map)
        .map(k -> KeySchemaElement.builder().attributeName(str(k.get("AttributeName"))).keyType(str(k.get("KeyType"))).build()).toList();
  }

  private static String str(Object o) {
    return String.valueOf(o);
  }
}
