package dev.linkpulse.core;

import java.util.Optional;

/**
 * Deliberate faults a rehearsed deploy gives a new version through its environment ({@code ./linkpulse deploy
 * FUNCTION --env LINKPULSE_DRILL_...=...}), so that a faulty version is one flag away and the rollback can be
 * rehearsed on the real code. template.yaml never sets them (CanaryContractTest): unset, they change nothing.
 */
public final class DeployDrills {
  /** The redirect answers 500 for this share (0 to 1) of its requests, spread evenly: 0.2 is every fifth. */
  public static final String SERVER_ERROR_SHARE = "LINKPULSE_DRILL_5XX_SHARE";
  /** The recorder loses this field of every click's detail before recording it ({@code utm}, say). */
  public static final String DROP_FIELD = "LINKPULSE_DRILL_DROP_FIELD";
  /** Every switch, for the contract test that keeps them out of the template. */
  public static final java.util.List<String> ALL = java.util.List.of(SERVER_ERROR_SHARE, DROP_FIELD);

  private DeployDrills() {}

  /** Whether each request of a version fails, by its environment's {@link #SERVER_ERROR_SHARE}. */
  public static Share serverErrors() {
    String share = Env.get(SERVER_ERROR_SHARE, "0");
    try {
      return new Share(Double.parseDouble(share));
    } catch (NumberFormatException e) {
      throw new IllegalStateException(SERVER_ERROR_SHARE + " must be a number from 0 to 1, not '" + share + "'");
    }
  }

  /** The field {@link #DROP_FIELD} names, if any. */
  public static Optional<String> droppedField() {
    return Env.find(DROP_FIELD).filter(f -> !f.isBlank());
  }

  /** A share of events picked evenly (credit adds the share each time, an event fires at a whole credit), so tests can count. */
  public static final class Share {
    private final double share;
    private double credit;

    public Share(double share) {
      if (!(share >= 0 && share <= 1)) throw new IllegalStateException("a drill's share must be from 0 to 1, not " + share);
      this.share = share;
    }

    /**
     * Whether the next event is one of the share. A zero share (production: the drill is unset) answers before the
     * lock, so the redirect's requests never queue on it; {@code share} is final, so the unlocked read is safe.
     */
    public boolean next() {
      if (share == 0) return false;
      synchronized (this) {
        credit += share;
        if (credit < 1 - 1e-9) return false;
        credit -= 1;
        return true;
      }
    }
  }
}
