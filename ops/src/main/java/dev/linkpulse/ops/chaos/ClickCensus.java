package dev.linkpulse.ops.chaos;

import dev.linkpulse.ops.chaos.ClickLedger.Outcome;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the stack counted, click by click: each link's stats total (its counters), and its raw click log read back
 * whole through the CSV export, each row matched to the click id in its referrer. A row is one raw click item, and
 * the recorder writes one per event id, so a click id with two rows was published twice under two event ids; a
 * stats total above the link's rows is a counter that applied a raw click twice, one below is a click recorded but
 * never counted.
 */
final class ClickCensus {
  private static final Pattern CLICK = Pattern.compile(Pattern.quote(ClickLedger.REFERRER) + "(\\d{1,10})(?![0-9])");
  private static final Pattern NEXT = Pattern.compile("<([^>]+)>;\\s*rel=\"next\"");

  /** Per link: the stats total. */
  final long[] counted;
  /** Per link: raw rows in the export. */
  final long[] rows;
  /** Per click id: raw rows found for it (saturating). */
  final byte[] recorded;
  /** Per link: rows that name no click of this run, or one sent to another link: every one is a double. */
  final long[] phantom;

  private ClickCensus(int links, int clicks) {
    this.counted = new long[links];
    this.rows = new long[links];
    this.phantom = new long[links];
    this.recorded = new byte[clicks];
  }

  static ClickCensus take(ChaosTraffic traffic) throws IOException, InterruptedException {
    ClickLedger ledger = traffic.ledger();
    ClickCensus census = new ClickCensus(ledger.links(), ledger.size());
    for (int link = 0; link < ledger.links(); link++) {
      census.counted[link] = traffic.counted(link);
      if (census.counted[link] < 0) throw new IOException("the stats of link " + traffic.codes().get(link) + " did not answer");
      String path = null;
      do {
        HttpResponse<String> page = traffic.export(link, path);
        if (page.statusCode() != 200) throw new IOException("the export of link " + traffic.codes().get(link) + " answered " + page.statusCode() + ": " + page.body());
        census.read(ledger, link, page.body());
        path = page.headers().firstValue("Link").map(ClickCensus::next).orElse(null);
      } while (path != null);
    }
    return census;
  }

  /**
   * The link's accounting. Lost: an answered click with no row, or rows the counters never applied. Doubled: a click with two rows, a row
   * of no click sent to the link, or a counter above its rows.
   */
  LinkTally tally(ClickLedger ledger, int link) {
    long answered = 0;
    long lost = 0;
    long doubled = phantom[link];
    long unknown = 0;
    long unknownRecorded = 0;
    for (int id = link; id < ledger.size(); id += ledger.links()) {
      int found = recorded[id];
      doubled += Math.max(found - 1, 0);
      Outcome o = ledger.outcome(id);
      if (o == Outcome.ANSWERED) {
        answered++;
        if (found == 0) lost++;
      } else if (o != Outcome.UNSENT) {
        unknown++;
        if (found > 0) unknownRecorded++;
      } else if (found > 0) {
        doubled += found;
      }
    }
    long total = counted[link];
    long raw = rows[link];
    lost += Math.max(raw - total, 0);
    doubled += Math.max(total - raw, 0);
    return new LinkTally(answered, total, raw, lost, doubled, unknown, unknownRecorded);
  }

  /** No answered click lost, no click counted twice, on any link. */
  boolean exact(ClickLedger ledger) {
    for (int link = 0; link < counted.length; link++) if (!tally(ledger, link).exact()) return false;
    return true;
  }

  private static String next(String linkHeader) {
    Matcher m = NEXT.matcher(linkHeader);
    return m.find() ? m.group(1) : null;
  }

  private void read(ClickLedger ledger, int link, String csv) {
    String[] lines = csv.split("\r\n");
    for (int i = 1; i < lines.length; i++) {
      if (lines[i].isEmpty()) continue;
      rows[link]++;
      Matcher m = CLICK.matcher(lines[i]);
      long id = m.find() ? Long.parseLong(m.group(1)) : -1;
      if (id < 0 || id >= recorded.length || ledger.link((int) id) != link) phantom[link]++;
      else if (recorded[(int) id] < Byte.MAX_VALUE) recorded[(int) id]++;
    }
  }
}
