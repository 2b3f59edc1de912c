package dev.linkpulse.emulators.codedeploy;

/** A deployment group of the Lambda compute platform: its role, default configuration, alarms and rollback. */
record DeploymentGroup(String id, String applicationName, String name, String serviceRoleArn,
    String deploymentConfigName, AlarmConfiguration alarms, AutoRollbackConfiguration autoRollback) {}
