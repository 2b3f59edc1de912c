package dev.linkpulse.pipeline.stats;

import dev.linkpulse.pipeline.clicks.RawClick;
import java.util.List;

/**
 * Raw clicks as CSV (RFC 4180). No IP exists to export: the visitor column is the keyed daily hash. Cells that a
 * spreadsheet would run as a formula ({@code = + - @}, tab, CR) are prefixed with a quote (OWASP's CSV injection
 * advice), since referrers and user agents are attacker-controlled.
 */
final class ClicksCsv {
  static final String HEADER = "time,event_id,method,country,referrer,user_agent,browser,os,device,bot,bot_reason,visitor,qr,"
      + "utm_source,utm_medium,utm_campaign,utm_term,utm_content\r\n";

  private ClicksCsv() {}

  static String render(List<RawClick> clicks) {
    StringBuilder out = new StringBuilder(HEADER);
    for (RawClick c : clicks) {
      var e = c.event();
      row(out, e.time().toString(), e.eventId(), e.method(), e.country(), e.referrer(), e.userAgent(), c.browser(), c.os(),
          c.device(), Boolean.toString(c.bot()), c.botReason(), e.visitor(), Boolean.toString(e.qr()),
          e.utm().get("source"), e.utm().get("medium"), e.utm().get("campaign"), e.utm().get("term"), e.utm().get("content"));
    }
    return out.toString();
  }

  private static void row(StringBuilder out, String... cells) {
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) out.append(',');
      out.append(cell(cells[i]));
    }
    out.append("\r\n");
  }

  static String cell(String value) {
    if (value == null || value.isEmpty()) return "";
    String v = value;
    char first = v.charAt(0);
    if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') v = "'" + v;
    if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0 || v.startsWith("'")) {
      v = '"' + v.replace("\"", "\"\"") + '"';
    }
    return v;
  }
}
