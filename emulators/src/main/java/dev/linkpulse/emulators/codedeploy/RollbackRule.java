package dev.linkpulse.emulators.codedeploy;

/**
 * Whether an ended deployment rolls back by itself. The user guide: a deployment group or deployment can
 * "automatically roll back when a deployment fails or when a monitoring threshold you specify is met", one
 * {@code AutoRollbackEvent} each ({@code DEPLOYMENT_FAILURE}, {@code DEPLOYMENT_STOP_ON_ALARM},
 * {@code DEPLOYMENT_STOP_ON_REQUEST}); and StopDeployment's {@code autoRollbackEnabled} says, "when a deployment is
 * stopped, whether instances that have been updated should be rolled back".
 */
final class RollbackRule {
  /** Why a deployment ended without success. */
  enum Trigger { FAILURE, ALARM, STOP_REQUEST }

  private RollbackRule() {}

  /**
   * @param stopRequestRollback StopDeployment's {@code autoRollbackEnabled}: decides for a stop request when given;
   *     {@code null} leaves it to the configuration
   */
  static boolean rollsBack(AutoRollbackConfiguration config, Trigger trigger, Boolean stopRequestRollback) {
    if (trigger == Trigger.STOP_REQUEST && stopRequestRollback != null) return stopRequestRollback;
    if (!config.enabled()) return false;
    return config.events().contains(switch (trigger) {
      case FAILURE -> AutoRollbackConfiguration.ON_FAILURE;
      case ALARM -> AutoRollbackConfiguration.ON_ALARM;
      case STOP_REQUEST -> AutoRollbackConfiguration.ON_REQUEST;
    });
  }
}
