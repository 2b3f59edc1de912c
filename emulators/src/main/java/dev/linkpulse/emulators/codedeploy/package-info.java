/**
 * A local CodeDeploy for the Lambda compute platform, written from AWS's CodeDeploy user guide and API reference.
 * Public: {@link dev.linkpulse.emulators.codedeploy.CodeDeployEmulator} (builder and handle), the ports it reaches
 * the world through ({@link dev.linkpulse.emulators.codedeploy.TrafficShifter},
 * {@link dev.linkpulse.emulators.codedeploy.HookInvoker}, {@link dev.linkpulse.emulators.codedeploy.AlarmReader}),
 * progress events ({@link dev.linkpulse.emulators.codedeploy.DeploymentListener}) and SAM's deployment preference
 * names ({@link dev.linkpulse.emulators.codedeploy.SamDeploymentPreference}). Wire (the {@code *Operations},
 * {@code *Json}, {@code *Input} classes), model ({@code Deployment}, {@code DeploymentGroup}, ...) and rules
 * ({@code LambdaDeploymentConfig#schedule}, {@code AppSpecParser}, {@code AlarmRule}, {@code RollbackRule}) are
 * package-private.
 */
package dev.linkpulse.emulators.codedeploy;
