package dev.linkpulse.emulators.stepfunctions;

import dev.linkpulse.emulators.time.Timeline;
import java.util.concurrent.ExecutorService;
import java.util.function.DoubleSupplier;

/** What every running execution shares: time, the task runners, the worker threads, the store and the tokens. */
record EngineContext(Timeline timeline, Tasks tasks, ExecutorService workers, EngineStore store, TaskTokens tokens, DoubleSupplier random) {}
