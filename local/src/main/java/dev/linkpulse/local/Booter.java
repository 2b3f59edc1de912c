package dev.linkpulse.local;

import java.util.Set;

/**
 * Brings up one kind of the template's resources on the emulators. A new resource type is a new booter in
 * {@link LocalStack#BOOTERS}, not more lines in the stack's boot.
 */
interface Booter {
  /** The template resource types this booter emulates; any other type in the template is logged as not emulated. */
  Set<String> types();

  /** Gives this booter's resources the names and ARNs Ref and GetAtt answer with, creating them where that takes it. */
  default void name(Boot boot) throws Exception {}

  /** Starts what serves the resources, once every resource of the template has a name. */
  default void start(Boot boot) throws Exception {}
}
