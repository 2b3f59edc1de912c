package dev.linkpulse.emulators.cloudwatch;

/** A composite alarm as PutCompositeAlarm defined it. */
record CompositeAlarm(String name, String description, boolean actionsEnabled, AlarmActions actions, String ruleText,
    AlarmRule rule) {}
