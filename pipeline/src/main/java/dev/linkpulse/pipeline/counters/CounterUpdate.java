package dev.linkpulse.pipeline.counters;

import dev.linkpulse.pipeline.clicks.StreamClick;
import java.util.List;

/**
 * A counter a batch advanced, as saved, and the clicks the batch folded into it: never the replayed ones, so a
 * delta computed from {@code applied} counts each click once.
 */
public record CounterUpdate(CounterState state, List<StreamClick> applied) {}
