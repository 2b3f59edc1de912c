package dev.linkpulse.moderation.screening;

import java.text.Normalizer;
import java.util.Map;

/**
 * The ASCII a label looks like: letters of other scripts that render like Latin ones (Unicode's confusables for the
 * Cyrillic and Greek homoglyphs phishing uses most) become those letters, and accents are dropped, so
 * {@code pаypal} (Cyrillic а) and {@code päypal} both read {@code paypal}. A letter with no look-alike stays as it is.
 */
final class Confusables {
  private static final Map<Character, Character> LOOKALIKE = Map.ofEntries(
      // Cyrillic
      Map.entry('а', 'a'), Map.entry('в', 'b'), Map.entry('е', 'e'), Map.entry('һ', 'h'), Map.entry('і', 'i'),
      Map.entry('ј', 'j'), Map.entry('к', 'k'), Map.entry('ӏ', 'l'), Map.entry('м', 'm'), Map.entry('н', 'h'),
      Map.entry('о', 'o'), Map.entry('р', 'p'), Map.entry('ԛ', 'q'), Map.entry('с', 'c'), Map.entry('ѕ', 's'),
      Map.entry('т', 't'), Map.entry('у', 'y'), Map.entry('х', 'x'), Map.entry('ԝ', 'w'), Map.entry('ԁ', 'd'),
      Map.entry('ɡ', 'g'), Map.entry('ԍ', 'g'), Map.entry('ո', 'n'), Map.entry('ս', 'u'),
      // Greek
      Map.entry('α', 'a'), Map.entry('β', 'b'), Map.entry('ε', 'e'), Map.entry('ι', 'i'), Map.entry('κ', 'k'),
      Map.entry('ν', 'v'), Map.entry('ο', 'o'), Map.entry('ρ', 'p'), Map.entry('τ', 't'), Map.entry('υ', 'u'),
      Map.entry('χ', 'x'), Map.entry('ϲ', 'c'),
      // Latin look-alikes without a decomposition
      Map.entry('ı', 'i'), Map.entry('ɑ', 'a'), Map.entry('ł', 'l'), Map.entry('ø', 'o'), Map.entry('đ', 'd'),
      Map.entry('ħ', 'h'), Map.entry('ŧ', 't'), Map.entry('ƅ', 'b'));

  private Confusables() {}

  /** Whether the label has Latin ASCII letters and Cyrillic or Greek letters that look like Latin ones. */
  static boolean mixesScripts(String label) {
    boolean latin = label.chars().anyMatch(c -> c < 128 && Character.isLetter(c));
    boolean lookalike = label.chars().anyMatch(c -> {
      Character.UnicodeScript script = Character.UnicodeScript.of(c);
      return LOOKALIKE.containsKey((char) c) && (script == Character.UnicodeScript.CYRILLIC || script == Character.UnicodeScript.GREEK);
    });
    return latin && lookalike;
  }

  static String skeleton(String label) {
    String decomposed = Normalizer.normalize(label, Normalizer.Form.NFD);
    StringBuilder out = new StringBuilder(decomposed.length());
    for (int i = 0; i < decomposed.length(); i++) {
      char c = decomposed.charAt(i);
      if (Character.getType(c) == Character.NON_SPACING_MARK) continue;
      out.append(LOOKALIKE.getOrDefault(c, c));
    }
    return out.toString();
  }
}
