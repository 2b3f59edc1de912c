/**
 * Time for every engine: a {@link Timeline} is a clock that can also run a task at an instant. The system
 * timeline follows the wall clock, a scaled one runs N times faster (rehearsals with {@code --speed}), and a
 * {@link ManualTimeline} moves only when a test advances it, so alarm windows, saga timeouts and canary
 * intervals are tested without sleeping.
 */
package dev.linkpulse.emulators.time;
