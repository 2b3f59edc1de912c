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
final class SqsPersistence implements AutoCloseable {
  private static final Duration RESTORE_TIMEOUT = Duration.ofSeconds(60);

  private final ActorSystem system;
  private final ActorRef queues;

  private SqsPersistence(ActorSystem system, ActorRef queues) {
    this.system = system;
    this.queues = queues;
  }

  static SqsPersistence restore(Path dataDir) {
    ActorSystem system = ActorSystem.create("elasticmq");
    String url = "jdbc:h2:" + dataDir.toAbsolutePath().resolve("sqs") + ";WRITE_DELAY=0";
    SqlQueuePersistenceConfig config = new SqlQueuePersistenceConfig(true, "org.h2.Driver", url, "", "", false);
    ActorRef persistence = system.actorOf(Props.create(SqlQueuePersistenceActor.class, config, scala.collection.immutable.List$.MODULE$.empty()));
    ActorRef queues = system.actorOf(Props.create(QueueManagerActor.class, new NowProvider(), StrictSQSLimits$.MODULE$, Option.apply(persistence)));
    try {
      Patterns.ask(persistence, new QueueEvent.Restore(queues), RESTORE_TIMEOUT).toCompletableFuture().get(RESTORE_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (Exception e) {
      system.terminate();
      throw new IllegalStateException("ElasticMQ could not restore its queues from " + url + ": " + e, e);
    }
    return new SqsPersistence(system, queues);
  }

  TheSQSRestServerBuilder wire(TheSQSRestServerBuilder builder) {
    return builder.withActorSystem(system).withQueueManagerActor(queues);
  }

  /** A server given an actor system leaves it running when it stops. */
  @Override
  public void close() {
    system.terminate();
  }
}
