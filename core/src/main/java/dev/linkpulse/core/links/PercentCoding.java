package dev.linkpulse.core.links;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;

/** Percent-encoding of URL text as UTF-8 (RFC 3986): the pure helpers the URL validator and its display form share. */
final class PercentCoding {
  private static final HexFormat HEX = HexFormat.of().withUpperCase();

  private PercentCoding() {}

  /** Every non-ASCII character as its UTF-8 bytes in {@code %XX} form; ASCII is left exactly as it is. */
  static String encodeNonAscii(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().forEach(cp -> {
      if (cp < 0x80) out.append((char) cp);
      else for (byte b : Character.toString(cp).getBytes(StandardCharsets.UTF_8)) out.append('%').append(HEX.toHexDigits(b));
    });
    return out.toString();
  }

  /** {@code %XX} sequences decoded as UTF-8; empty when an escape is malformed or the bytes are not UTF-8. */
  static Optional<String> decodeStrictly(String text) {
    if (text.indexOf('%') < 0) return Optional.of(text);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '%') {
        if (i + 2 >= text.length() || !isHex(text.charAt(i + 1)) || !isHex(text.charAt(i + 2))) return Optional.empty();
        bytes.write(HexFormat.fromHexDigits(text, i + 1, i + 3));
        i += 2;
      } else if (c < 0x80) {
        bytes.write(c);
      } else {
        return Optional.empty();
      }
    }
    CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      CharBuffer decoded = utf8.decode(ByteBuffer.wrap(bytes.toByteArray()));
      return Optional.of(decoded.toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  /**
   * For display only: runs of {@code %XX} that spell UTF-8 characters people can read (letters, marks, digits,
   * punctuation, symbols) become those characters; everything else, ASCII escapes such as {@code %2F} or {@code %20}
   * included, stays escaped, so the display form never changes what the URL means.
   */
  static String decodeReadable(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      int end = i;
      while (end + 2 < text.length() && text.charAt(end) == '%' && isHex(text.charAt(end + 1)) && isHex(text.charAt(end + 2))
          && HexFormat.fromHexDigits(text, end + 1, end + 3) >= 0x80) {
        end += 3;
      }
      if (end == i) {
        out.append(text.charAt(i++));
        continue;
      }
      appendReadable(out, text.substring(i, end));
      i = end;
    }
    return out.toString();
  }

  /** One run of non-ASCII escapes: each character that decodes and is readable shown as itself, the rest kept. */
  private static void appendReadable(StringBuilder out, String escapes) {
    int count = escapes.length() / 3;
    int k = 0;
    while (k < count) {
      int length = utf8Length(HexFormat.fromHexDigits(escapes, 3 * k + 1, 3 * k + 3));
      String decoded = length > 0 && k + length <= count
          ? decodeStrictly(escapes.substring(3 * k, 3 * (k + length))).orElse(null) : null;
      if (decoded != null && readable(decoded.codePointAt(0))) {
        out.append(decoded);
        k += length;
      } else {
        out.append(escapes, 3 * k, 3 * k + 3);
        k++;
      }
    }
  }

  private static int utf8Length(int b) {
    if (b >= 0xC2 && b <= 0xDF) return 2;
    if (b >= 0xE0 && b <= 0xEF) return 3;
    if (b >= 0xF0 && b <= 0xF4) return 4;
    return 0;
  }

  /** Characters that show as themselves: no controls, format or bidi characters, spaces, private or unassigned ones. */
  static boolean readable(int cp) {
    return switch (Character.getType(cp)) {
      case Character.CONTROL, Character.FORMAT, Character.PRIVATE_USE, Character.SURROGATE, Character.UNASSIGNED,
          Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> false;
      default -> true;
    };
  }

  private static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
}
