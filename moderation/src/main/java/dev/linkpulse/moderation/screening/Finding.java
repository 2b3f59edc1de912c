package dev.linkpulse.moderation.screening;

/** One thing a screening rule found about a target: which rule, how bad, and a short reason an owner can read. */
public record Finding(String rule, Verdict verdict, String reason) {}
