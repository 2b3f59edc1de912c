package dev.linkpulse.emulators.codedeploy;

import java.time.Instant;

/** A CodeDeploy application: a name that groups deployment groups and their revisions. */
record Application(String id, String name, String computePlatform, Instant createTime) {}
