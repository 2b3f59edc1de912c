package dev.linkpulse.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The deploy drills a faulty version's environment switches on; unset, they do nothing. */
class DeployDrillsTest {
  static long fired(DeployDrills.Share share, int events) {
    return IntStream.range(0, events).filter(i -> share.next()).count();
  }

  @Test
  void aShareFiresEvenly_aFifthIsEveryFifthEvent() {
    DeployDrills.Share fifth = new DeployDrills.Share(0.2);
    assertThat(IntStream.rangeClosed(1, 10).filter(i -> fifth.next())).containsExactly(5, 10);
    assertThat(fired(new DeployDrills.Share(0.2), 1000)).isEqualTo(200);
    assertThat(fired(new DeployDrills.Share(1), 7)).isEqualTo(7);
  }

  @Test
  void unsetSwitchesDoNothing() {
    Env.scoped(Map.of(), () -> {
      assertThat(fired(DeployDrills.serverErrors(), 100)).isZero();
      assertThat(DeployDrills.droppedField()).isEmpty();
      return null;
    });
  }

  @Test
  void theSwitchesAreReadFromTheEnvironment_andABadShareNamesTheVariable() {
    Env.scoped(Map.of(DeployDrills.SERVER_ERROR_SHARE, "0.5", DeployDrills.DROP_FIELD, "utm"), () -> {
      assertThat(fired(DeployDrills.serverErrors(), 10)).isEqualTo(5);
      assertThat(DeployDrills.droppedField()).contains("utm");
      return null;
    });
    Env.scoped(Map.of(DeployDrills.SERVER_ERROR_SHARE, "lots"), () -> {
      assertThatThrownBy(DeployDrills::serverErrors).hasMessageContaining(DeployDrills.SERVER_ERROR_SHARE);
      return null;
    });
    assertThatThrownBy(() -> new DeployDrills.Share(1.5)).hasMessageContaining("from 0 to 1");
  }
}
