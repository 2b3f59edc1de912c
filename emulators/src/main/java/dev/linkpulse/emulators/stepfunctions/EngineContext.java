package dev.linkpulse.emulators.stepfunctions;

import dev.linkpulse.emulators.time.Timeline;
import java.util.concurrent.ExecutorService;
import java.util.function.DoubleSupplier;

/** What every running execution shares: time, the task runners, the worker threads, the store, the tokens, who hears of starts and ends. */
record EngineContext(Timeline timeline, Tasks tasks, ExecutorService workers, EngineStore store, TaskTokens tokens, DoubleSupplier random,
    ExecutionListener executions) {}
