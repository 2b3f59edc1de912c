package dev.linkpulse.ops.chaos;

/**
 * One link's accounting at the end of a chaos run ({@link ClickCensus#tally}). Unknown: clicks that got no 302 (in
 * flight at a kill, or refused), each of which may count 0 or 1 times; {@code unknownRecorded} of them did.
 */
record LinkTally(long answered, long counted, long rows, long lost, long doubled, long unknown, long unknownRecorded) {
  static final LinkTally ZERO = new LinkTally(0, 0, 0, 0, 0, 0, 0);

  LinkTally plus(LinkTally o) {
    return new LinkTally(answered + o.answered, counted + o.counted, rows + o.rows, lost + o.lost, doubled + o.doubled,
        unknown + o.unknown, unknownRecorded + o.unknownRecorded);
  }

  boolean exact() {
    return lost == 0 && doubled == 0;
  }
}
