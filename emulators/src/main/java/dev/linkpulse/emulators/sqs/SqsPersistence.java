package dev.linkpulse.emulators.sqs;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.Props;
import org.apache.pekko.pattern.Patterns;
import org.elasticmq.StrictSQSLimits$;
import org.elasticmq.actor.QueueManagerActor;
import org.elasticmq.actor.queue.QueueEvent;
import org.elasticmq.persistence.sql.SqlQueuePersistenceActor;
import org.elasticmq.persistence.sql.SqlQueuePersistenceConfig;
import org.elasticmq.rest.sqs.TheSQSRestServerBuilder;
import org.elasticmq.util.NowProvider;
import scala.Option;

/**
 * ElasticMQ's own persistence (its server's {@code messages-storage}, which the embedded builder does not wire):
 * queues and messages, with receive counts and visibility, in an H2 database ({@code sqs.mv.db} in the data
 * directory). ElasticMQ's queue actor waits for the persistence actor before it answers a send, receive or delete,
 * and H2 writes at once ({@code WRITE_DELAY=0}), so an answered {@code SendMessage} survives {@code kill -9}. The
 * queues and their messages are restored before the server answers anything.
 */
final class SqsPersistence {
  private static final Duration RESTORE_TIMEOUT = Duration.ofSeconds(60);

  private final ActorRef queues;

  private SqsPersistence(ActorRef queues) {
    this.queues = queues;
  }

  /** @param ages the message-age tracker, which hears every queue event before the persistence does */
  static SqsPersistence restore(ActorSystem system, Path dataDir, MessageAges ages) {
    String url = "jdbc:h2:" + dataDir.toAbsolutePath().resolve("sqs") + ";WRITE_DELAY=0";
    SqlQueuePersistenceConfig config = new SqlQueuePersistenceConfig(true, "org.h2.Driver", url, "", "", false);
    ActorRef persistence = system.actorOf(Props.create(SqlQueuePersistenceActor.class, config, scala.collection.immutable.List$.MODULE$.empty()));
    ActorRef listener = system.actorOf(MessageAges.Listener.props(ages, persistence));
    ActorRef queues = system.actorOf(Props.create(QueueManagerActor.class, new NowProvider(), StrictSQSLimits$.MODULE$, Option.apply(listener)));
    try {
      Patterns.ask(persistence, new QueueEvent.Restore(queues), RESTORE_TIMEOUT).toCompletableFuture().get(RESTORE_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("ElasticMQ could not restore its queues from " + url + ": " + e, e);
    }
    return new SqsPersistence(queues);
  }

  TheSQSRestServerBuilder wire(TheSQSRestServerBuilder builder) {
    return builder.withQueueManagerActor(queues);
  }
}
