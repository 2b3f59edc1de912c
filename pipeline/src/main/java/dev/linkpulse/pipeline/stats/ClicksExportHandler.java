package dev.linkpulse.pipeline.stats;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.linkpulse.core.Env;
import dev.linkpulse.core.aws.AwsClients;
import dev.linkpulse.core.http.HttpApiHandler;
import dev.linkpulse.core.http.Requests;
import dev.linkpulse.core.links.LinkStore;
import dev.linkpulse.pipeline.clicks.ClickStore;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code GET /links/{code}/clicks.csv?from=&to=&after=}: the raw clicks of a range, oldest first. A Lambda
 * response holds at most 6 MB, so one response carries at most {@value ClicksExport#PAGE} rows; when more remain, a
 * {@code Link: <...>; rel="next"} header continues after the last row.
 */
public final class ClicksExportHandler extends HttpApiHandler {
  private final ClicksExport export;
  private final Clock clock = Clock.systemUTC();

  public ClicksExportHandler() {
    var dynamo = AwsClients.dynamoDb();
    String table = Env.require("TABLE_NAME");
    this.export = new ClicksExport(LinkStore.dynamoDb(dynamo, table), ClickStore.dynamoDb(dynamo, table));
  }

  @Override
  protected APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event, Context context) {
    String owner = Requests.subject(event);
    String code = Requests.code(event);
    Map<String, String> params = event.getQueryStringParameters() == null ? Map.of() : event.getQueryStringParameters();
    StatsQuery q = StatsQuery.parse(params, clock);
    String after = ExportCursor.decode(params.get("after"), q);
    ClickStore.Page page = export.page(owner, code, q, after);
    Map<String, String> headers = new HashMap<>();
    headers.put("Content-Type", "text/csv; charset=utf-8");
    headers.put("Content-Disposition", "attachment; filename=\"" + code + "-clicks.csv\"");
    headers.put("Cache-Control", "no-store");
    if (page.after() != null) {
      String next = "/links/" + code + "/clicks.csv?from=" + enc(q.from().toString()) + "&to=" + enc(q.to().toString())
          + "&after=" + ExportCursor.encode(page.after());
      headers.put("Link", "<" + next + ">; rel=\"next\"");
    }
    return APIGatewayV2HTTPResponse.builder().withStatusCode(200).withHeaders(headers).withBody(ClicksCsv.render(page.clicks())).build();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
