package dev.linkpulse.pipeline.analytics;

import dev.linkpulse.pipeline.analytics.ClickClassifier.Classification;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** Real-world User-Agents the classifier's tests feed it: people with what they are, and bots with why. */
final class UserAgentSamples {
  private UserAgentSamples() {}

  static final String CHROME_WINDOWS =
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

  /** Real-world User-Agents of people: browser family, OS family, device type. */
  static Stream<Arguments> humans() {
    return Stream.of(
        // Desktop
        human(CHROME_WINDOWS, "Chrome", "Windows", "desktop"),
        human("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
            "Chrome", "Mac OS X", "desktop"),
        human("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
            "Chrome", "Linux", "desktop"),
        human("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0",
            "Firefox", "Windows", "desktop"),
        human("Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:133.0) Gecko/20100101 Firefox/133.0",
            "Firefox", "Mac OS X", "desktop"),
        human("Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
            "Firefox", "Ubuntu", "desktop"),
        human("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
            "Safari", "Mac OS X", "desktop"),
        human(CHROME_WINDOWS + " Edg/131.0.0.0", "Edge", "Windows", "desktop"),
        human("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
            "Edge", "Mac OS X", "desktop"),
        human(CHROME_WINDOWS + " OPR/115.0.0.0", "Opera", "Windows", "desktop"),
        human("Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
            "Chrome", "Chrome OS", "desktop"),
        // Phones
        human("Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
            "Mobile Safari", "iOS", "mobile"),
        human("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1",
            "Chrome Mobile iOS", "iOS", "mobile"),
        human("Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) FxiOS/133.0 Mobile/15E148 Safari/605.1.15",
            "Firefox iOS", "iOS", "mobile"),
        human("Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
            "Chrome Mobile", "Android", "mobile"),
        human("Mozilla/5.0 (Linux; Android 14; Pixel 8 Pro) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.81 Mobile Safari/537.36",
            "Chrome Mobile", "Android", "mobile"),
        human("Mozilla/5.0 (Android 14; Mobile; rv:133.0) Gecko/133.0 Firefox/133.0", "Firefox Mobile", "Android", "mobile"),
        human("Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36",
            "Samsung Internet", "Android", "mobile"),
        human("Mozilla/5.0 (Linux; Android 10; HD1913) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.81 Mobile Safari/537.36 EdgA/131.0.2903.87",
            "Edge Mobile", "Android", "mobile"),
        // CUBOT is a phone brand: the generic "bot" rule must not catch it.
        human("Mozilla/5.0 (Linux; Android 9; CUBOT P30) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.6099.144 Mobile Safari/537.36",
            "Chrome Mobile", "Android", "mobile"),
        human("Mozilla/5.0 (Windows Phone 10.0; Android 6.0.1; Microsoft; Lumia 950) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/52.0.2743.116 Mobile Safari/537.36 Edge/15.15063",
            "Edge Mobile", "Windows Phone", "mobile"),
        human("Mozilla/5.0 (Mobile; LYF/F300B/LYF-F300B-001-01-15-130718-i;Android; rv:48.0) Gecko/48.0 Firefox/48.0 KAIOS/2.5",
            "Firefox Mobile", "KaiOS", "mobile"),
        // In-app browsers are people tapping a link, even when the app also runs a preview fetcher.
        human("Mozilla/5.0 (iPhone; CPU iPhone OS 16_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Snapchat/12.34.0.36 (like Safari/8614.1.25.0.31, panda)",
            "Snapchat", "iOS", "mobile"),
        human("Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [FBAN/FBIOS;FBAV/442.0.0.34.109;FBBV/549958012;FBDV/iPhone14,5;FBMD/iPhone;FBSN/iOS;FBSV/17.1;FBSS/3;FBCR/;FBID/phone;FBLC/en_US;FBOP/80]",
            "Facebook", "iOS", "mobile"),
        human("Mozilla/5.0 (Linux; Android 13; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/119.0.6045.163 Mobile Safari/537.36 Instagram 309.1.0.41.113 Android (33/13; 420dpi; 1080x2400; Google/google; Pixel 7; panther; panther; en_US; 541635863)",
            "Instagram", "Android", "mobile"),
        human("Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Twitter for iPhone/10.34",
            "Twitter", "iOS", "mobile"),
        human("Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 LinkedInApp/9.29.6",
            "Mobile Safari UI/WKWebView", "iOS", "mobile"),
        // Tablets
        human("Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
            "Mobile Safari", "iOS", "tablet"),
        human("Mozilla/5.0 (iPad; CPU OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1",
            "Chrome Mobile iOS", "iOS", "tablet"),
        human("Mozilla/5.0 (Linux; Android 13; SM-X710) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
            "Chrome", "Android", "tablet"),
        human("Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
            "Chrome", "Android", "tablet"),
        human("Mozilla/5.0 (Android 14; Tablet; rv:133.0) Gecko/133.0 Firefox/133.0", "Firefox Mobile", "Android", "tablet"),
        human("Mozilla/5.0 (Linux; Android 11; KFTRWI) AppleWebKit/537.36 (KHTML, like Gecko) Silk/131.2.1 like Chrome/131.0.6778.85 Safari/537.36",
            "Amazon Silk", "Android", "tablet"),
        // Neither: a TV.
        human("Mozilla/5.0 (SMART-TV; Linux; Tizen 6.0) AppleWebKit/537.36 (KHTML, like Gecko) 85.0.4183.93/6.0 TV Safari/537.36",
            "Safari", "Tizen", "unknown"));
  }

  static Stream<Arguments> bots() {
    return Stream.of(
        // Link previews
        bot("Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)", "preview"),
        bot("Slackbot 1.0 (+https://api.slack.com/robots)", "preview"),
        bot("Slack-ImgProxy (+https://api.slack.com/robots)", "preview"),
        bot("Twitterbot/1.0", "preview"),
        bot("facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)", "preview"),
        bot("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_11_1) AppleWebKit/601.2.4 (KHTML, like Gecko) Version/9.0.1 Safari/601.2.4 facebookexternalhit/1.1 Facebot Twitterbot/1.0",
            "preview"), // iMessage
        bot("WhatsApp/2.23.20.0 A", "preview"),
        bot("Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)", "preview"),
        bot("LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)", "preview"),
        bot("TelegramBot (like TwitterBot)", "preview"),
        bot("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/13.1.1 Safari/605.1.15 (Applebot/0.1; +http://www.apple.com/go/applebot)",
            "preview"),
        bot("Mozilla/5.0 (Windows NT 6.1; WOW64) SkypeUriPreview Preview/0.5 skype-url-preview@microsoft.com", "preview"),
        bot("Mozilla/5.0 (compatible; redditbot/1.0; +http://www.reddit.com/feedback)", "preview"),
        bot("Pinterest/0.2 (+https://www.pinterest.com/bot.html)", "preview"),
        bot("Mozilla/5.0 (compatible; Pinterestbot/1.0; +http://www.pinterest.com/bot.html)", "preview"),
        bot("Mozilla/5.0 (compatible; Embedly/0.2; +http://support.embed.ly/)", "preview"),
        bot("Iframely/1.3.1 (+https://iframely.com/docs/about)", "preview"),
        bot("http.rb/5.1.1 (Mastodon/4.2.1; +https://mastodon.social/) Bot", "preview"),
        bot("Mozilla/5.0 (compatible; Bluesky Cardyb/1.1; +mailto:support@bsky.app)", "preview"),
        bot("Mozilla/5.0 (compatible; vkShare; +http://vk.com/dev/Share)", "preview"),
        bot("Viber/20.9.0.8 CFNetwork/1410.0.3 Darwin/22.6.0", "preview"),
        bot("Mozilla/5.0 (compatible; Snap URL Preview Service; bot; snapchat; https://developers.snap.com/robots)", "preview"),
        bot("Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/41.0.2272.96 Mobile Safari/537.36 (compatible; Google-PageRenderer Google (+https://developers.google.com/+/web/snippet/))",
            "preview"),
        // Crawlers
        bot("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", "crawler"),
        bot("Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.69 Mobile Safari/537.36 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
            "crawler"),
        bot("Googlebot-Image/1.0", "crawler"),
        bot("Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)", "crawler"),
        bot("Mozilla/5.0 (compatible; YandexBot/3.0; +http://yandex.com/bots)", "crawler"),
        bot("Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)", "crawler"),
        bot("DuckDuckBot/1.1; (+http://duckduckgo.com/duckduckbot.html)", "crawler"),
        bot("Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)", "crawler"),
        bot("Mozilla/5.0 (compatible; SemrushBot/7~bl; +http://www.semrush.com/bot.html)", "crawler"),
        bot("Mozilla/5.0 (compatible; MJ12bot/v1.4.8; http://mj12bot.com/)", "crawler"),
        bot("Mozilla/5.0 (Linux; Android 7.0;) AppleWebKit/537.36 (KHTML, like Gecko) Mobile Safari/537.36 (compatible; PetalBot;+https://webmaster.petalsearch.com/site/petalbot)",
            "crawler"),
        bot("Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; GPTBot/1.2; +https://openai.com/gptbot)", "crawler"),
        bot("Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; ClaudeBot/1.0; +claudebot@anthropic.com)", "crawler"),
        bot("CCBot/2.0 (https://commoncrawl.org/faq/)", "crawler"),
        bot("Mozilla/5.0 (Linux; Android 5.0) AppleWebKit/537.36 (KHTML, like Gecko) Mobile Safari/537.36 (compatible; Bytespider; spider-feedback@bytedance.com)",
            "crawler"),
        bot("Mozilla/5.0 (compatible; Yahoo! Slurp; http://help.yahoo.com/help/us/ysearch/slurp)", "crawler"),
        bot("meta-externalagent/1.1 (+https://developers.facebook.com/docs/sharing/webmasters/crawler)", "crawler"),
        bot("SomeNewsCrawler/0.1", "crawler"),
        // Only uap-java knows these two are robots.
        bot("WordPress/6.4.2; https://example.com", "crawler"),
        bot("Mozilla/5.0 (compatible; StatusCake)", "crawler"),
        // Tools
        bot("curl/8.5.0", "tool"),
        bot("Wget/1.21.4", "tool"),
        bot("python-requests/2.32.3", "tool"),
        bot("Python-urllib/3.12", "tool"), // uap calls it a Spider; the precise reason wins
        bot("Go-http-client/2.0", "tool"),
        bot("okhttp/4.12.0", "tool"),
        bot("Java/17.0.9", "tool"),
        bot("Apache-HttpClient/4.5.14 (Java/17.0.9)", "tool"),
        bot("axios/1.7.7", "tool"),
        bot("node-fetch/1.0 (+https://github.com/bitinn/node-fetch)", "tool"),
        bot("PostmanRuntime/7.42.0", "tool"),
        bot("HTTPie/3.2.4", "tool"),
        bot("libwww-perl/6.77", "tool"),
        bot("Dalvik/2.1.0 (Linux; U; Android 13; SM-A536B Build/TP1A.220624.014)", "tool"));
  }

  static Arguments human(String ua, String browser, String os, String device) {
    return Arguments.of(ua, new Classification(browser, os, device, false, null));
  }

  static Arguments bot(String ua, String reason) {
    return Arguments.of(ua, reason);
  }

  /** Every sample's User-Agent, people first. */
  static List<String> all() {
    return Stream.concat(humans(), bots()).map(a -> (String) a.get()[0]).toList();
  }
}
