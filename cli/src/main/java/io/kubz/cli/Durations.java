package io.kubz.cli;

import io.kubz.field.UsageException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses durations such as {@code 90s}, {@code 10m}, {@code 1h30m}, {@code 500ms}, {@code PT10M} or plain seconds. */
final class Durations {
  private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");

  private Durations() {}

  static Duration parse(String s, String option) {
    String t = s.trim().toLowerCase(Locale.ROOT);
    Duration d = null;
    try {
      if (t.startsWith("pt")) {
        d = Duration.parse(t.toUpperCase(Locale.ROOT));
      } else if (t.matches("\\d+(\\.\\d+)?")) {
        d = Duration.ofMillis(Math.round(Double.parseDouble(t) * 1000));
      } else if (!t.isEmpty()) {
        Matcher m = PART.matcher(t);
        int at = 0;
        double millis = 0;
        while (m.find() && m.start() == at) {
          double v = Double.parseDouble(m.group(1));
          millis += v * switch (m.group(2)) {
            case "ms" -> 1;
            case "s" -> 1_000;
            case "m" -> 60_000;
            default -> 3_600_000;
          };
          at = m.end();
        }
        d = at == t.length() ? Duration.ofMillis(Math.round(millis)) : null;
      }
    } catch (DateTimeParseException | NumberFormatException e) {
      d = null;
    }
    if (d == null || d.isZero() || d.isNegative()) {
      throw new UsageException(option + " takes a positive duration such as 90s, 10m, 1h30m or PT10M; got '" + s + "'");
    }
    return d;
  }
}
