package dev.linkpulse.local.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Static checks of the page's files: data never reaches the DOM as markup, and nothing inline that the
 * Content-Security-Policy would block (so the page works under the CSP the handler sends, and under the same
 * policy on CloudFront).
 */
class DashboardSourceTest {
  /** APIs that parse strings as HTML or code. The page builds DOM with createElement and textContent only. */
  static final Pattern FORBIDDEN_JS = Pattern.compile(
      "\\b(innerHTML|outerHTML|insertAdjacentHTML|createContextualFragment|DOMParser|srcdoc)\\b"
          + "|\\bdocument\\s*\\.\\s*write(ln)?\\b|\\beval\\s*\\(|\\bnew\\s+Function\\s*\\(|\\bsetAttribute\\s*\\(\\s*['\"](style|on\\w+)['\"]"
          + "|\\bset(Timeout|Interval)\\s*\\(\\s*['\"`]");

  static Path folder() throws URISyntaxException {
    var url = Objects.requireNonNull(DashboardSourceTest.class.getClassLoader().getResource("dashboard/index.html"),
        "dashboard/index.html is not on the classpath");
    return Path.of(url.toURI()).getParent();
  }

  static List<Path> files(String extension) throws Exception {
    try (Stream<Path> s = Files.walk(folder())) {
      return s.filter(p -> p.toString().endsWith(extension)).sorted().toList();
    }
  }

  @Test
  void noJavaScriptTurnsStringsIntoMarkupOrCode() throws Exception {
    List<Path> scripts = files(".js");
    assertThat(scripts).extracting(p -> p.getFileName().toString()).contains("app.js", "dom.js", "live.js", "socket.js", "api.js", "token.js");
    List<String> hits = new ArrayList<>();
    for (Path js : scripts) {
      List<String> lines = Files.readAllLines(js, StandardCharsets.UTF_8);
      for (int i = 0; i < lines.size(); i++) {
        Matcher m = FORBIDDEN_JS.matcher(lines.get(i));
        if (m.find()) hits.add(js.getFileName() + ":" + (i + 1) + ": " + m.group() + "  |  " + lines.get(i).trim());
      }
    }
    assertThat(hits).as("innerHTML/outerHTML/insertAdjacentHTML/document.write and friends are not allowed; build DOM with createElement + textContent").isEmpty();
  }

  @Test
  void theForbiddenPatternCatchesWhatItShould() {
    for (String bad : new String[] {"node.innerHTML = x;", "el.outerHTML=x", "el.insertAdjacentHTML('beforeend', x)",
        "document.write(x)", "document . writeln(x)", "eval(x)", "new Function('return 1')", "el.setAttribute('style', x)",
        "el.setAttribute(\"onclick\", x)", "setTimeout('alert(1)', 1)"}) {
      assertThat(FORBIDDEN_JS.matcher(bad).find()).as(bad).isTrue();
    }
    for (String ok : new String[] {"node.textContent = x;", "el.setAttribute('title', x)", "setTimeout(() => f(), 1)", "bar.style.width = '5%'"}) {
      assertThat(FORBIDDEN_JS.matcher(ok).find()).as(ok).isFalse();
    }
  }

  @Test
  void htmlHasNoInlineScriptsStylesOrHandlers() throws Exception {
    for (Path html : files(".html")) {
      String text = Files.readString(html, StandardCharsets.UTF_8);
      Matcher scripts = Pattern.compile("<script\\b([^>]*)>", Pattern.CASE_INSENSITIVE).matcher(text);
      while (scripts.find()) {
        assertThat(scripts.group(1)).as("every <script> has a src (inline scripts are blocked by the CSP)").contains("src=");
      }
      assertThat(text).as(html + ": inline scripts end right away").doesNotContainPattern("<script[^>]*>[^<]+</script>");
      assertThat(text).as(html + ": no <style> elements").doesNotContainPattern("(?i)<style\\b");
      assertThat(text).as(html + ": no style attributes").doesNotContainPattern("(?i)\\sstyle\\s*=");
      assertThat(text).as(html + ": no inline event handlers").doesNotContainPattern("(?i)\\son[a-z]+\\s*=");
      assertThat(text).as(html + ": no javascript: URLs").doesNotContainPattern("(?i)javascript:");
    }
  }

  @Test
  void everyFileTheIndexReferencesExists() throws Exception {
    String index = Files.readString(folder().resolve("index.html"), StandardCharsets.UTF_8);
    Matcher refs = Pattern.compile("(?:src|href)=\"([^\"#]+)\"").matcher(index);
    List<String> missing = new ArrayList<>();
    int count = 0;
    while (refs.find()) {
      String ref = refs.group(1);
      count++;
      assertThat(ref).as("relative URLs only, so the folder can live under any path").doesNotStartWith("/").doesNotContain("://");
      if (ref.equals("vendor/chart.umd.js")) continue; // served from the WebJar
      if (!Files.isRegularFile(folder().resolve(ref))) missing.add(ref);
    }
    assertThat(count).isGreaterThanOrEqualTo(4);
    assertThat(missing).isEmpty();
    assertThat(DashboardSourceTest.class.getClassLoader().getResource(DashboardHandler.CHART_JS)).isNotNull();
  }

  @Test
  void modulesImportOnlyTheirSiblings() throws IOException, Exception {
    Pattern imports = Pattern.compile("^import .* from '([^']+)';", Pattern.MULTILINE);
    for (Path js : files(".js")) {
      Matcher m = imports.matcher(Files.readString(js, StandardCharsets.UTF_8));
      while (m.find()) {
        assertThat(m.group(1)).as(js.getFileName() + " imports " + m.group(1)).matches("\\./[a-z]+\\.js");
        assertThat(folder().resolve(m.group(1).substring(2))).isRegularFile();
      }
    }
  }
}
