package dev.linkpulse.emulators.sqs;

import dev.linkpulse.emulators.storage.MvStoreHousekeeper;
import dev.linkpulse.emulators.time.Timeline;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
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
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import scala.Option;

/**
 * ElasticMQ's own persistence (its server's {@code messages-storage}, which the embedded builder does not wire):
 * queues and messages, with receive counts and visibility, in an H2 database ({@code sqs.mv.db} in the data
 * directory). ElasticMQ's queue actor waits for the persistence actor before it answers a send, receive or delete,
 * and H2 writes at once ({@code WRITE_DELAY=0}), so an answered {@code SendMessage} survives {@code kill -9}. The
 * queues and their messages are restored before the server answers anything.
 *
 * <p>{@code WRITE_DELAY=0} is H2's auto-commit delay of 0 ({@code Database.setWriteDelay} calls
 * {@code MVStore.setAutoCommitDelay}), which also stops H2's background writer, the only thread that compacts: the
 * file grew by every message sent, received and deleted (2.9 GB after a 100,000-click chaos run, all but a few MB of it
 * dead). So the file is compacted at open ({@link MvStoreHousekeeper#compactClosedFile}) and housekept while the
 * queues run, through the store of the database this JVM has open, with no chunk kept once dead (H2's 45 s retention
 * guards against disks that reorder writes; an answered send is promised to survive kill -9, not power loss).
 */
final class SqsPersistence implements AutoCloseable {
  private static final Duration RESTORE_TIMEOUT = Duration.ofSeconds(60);
  static final Duration HOUSEKEEPING_INTERVAL = Duration.ofSeconds(2);

  private final ActorRef queues;
  private final Connection connection;
  private final MvStoreHousekeeper housekeeper;

  private SqsPersistence(ActorRef queues, Connection connection, MvStoreHousekeeper housekeeper) {
    this.queues = queues;
    this.connection = connection;
    this.housekeeper = housekeeper;
  }

  /** @param ages the message-age tracker, which hears every queue event before the persistence does */
  static SqsPersistence restore(ActorSystem system, Path dataDir, MessageAges ages) {
    String url = "jdbc:h2:" + dataDir.toAbsolutePath().resolve("sqs") + ";WRITE_DELAY=0";
    compactAtOpen(dataDir.toAbsolutePath().resolve("sqs.mv.db"));
    SqlQueuePersistenceConfig config = new SqlQueuePersistenceConfig(true, "org.h2.Driver", url, "", "", false);
    ActorRef persistence = system.actorOf(Props.create(SqlQueuePersistenceActor.class, config, scala.collection.immutable.List$.MODULE$.empty()));
    ActorRef listener = system.actorOf(MessageAges.Listener.props(ages, persistence));
    ActorRef queues = system.actorOf(Props.create(QueueManagerActor.class, new NowProvider(), StrictSQSLimits$.MODULE$, Option.apply(listener)));
    try {
      Patterns.ask(persistence, new QueueEvent.Restore(queues), RESTORE_TIMEOUT).toCompletableFuture().get(RESTORE_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("ElasticMQ could not restore its queues from " + url + ": " + e, e);
    }
    return housekept(queues, url);
  }

  private static void compactAtOpen(Path file) {
    try {
      MvStoreHousekeeper.compactClosedFile(file);
    } catch (MVStoreException stillOpen) {
      // An earlier emulator in this JVM still has the database open (H2 keeps it while ElasticMQ's connections
      // live): it is housekept as it stands, and compacts at the next open.
    }
  }

  private static SqsPersistence housekept(ActorRef queues, String url) {
    try {
      Connection connection = DriverManager.getConnection(url, "", "");
      MVStore store = ((SessionLocal) ((JdbcConnection) connection).getSession()).getDatabase().getStore().getMvStore();
      store.setRetentionTime(0);
      // H2's sessions commit whole transactions, with their own undo log: a housekeeping commit may come at any time.
      MvStoreHousekeeper keeper = MvStoreHousekeeper.start(store, Timeline.system(), HOUSEKEEPING_INTERVAL, Runnable::run, "sqs");
      return new SqsPersistence(queues, connection, keeper);
    } catch (SQLException e) {
      throw new IllegalStateException("could not open ElasticMQ's database " + url + " to housekeep it: " + e, e);
    }
  }

  /** Stops the housekeeping; ElasticMQ's own connections keep the database open until they close. */
  @Override
  public void close() {
    housekeeper.close();
    try {
      connection.close();
    } catch (SQLException e) {
      throw new IllegalStateException("could not close the housekeeping connection to ElasticMQ's database: " + e, e);
    }
  }

  TheSQSRestServerBuilder wire(TheSQSRestServerBuilder builder) {
    return builder.withQueueManagerActor(queues);
  }
}
