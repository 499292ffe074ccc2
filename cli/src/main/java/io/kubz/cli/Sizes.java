package io.kubz.cli;

import io.kubz.field.UsageException;
import java.util.Locale;

/** Parses memory sizes such as {@code 8G}, {@code 512MiB}, {@code 1.5g} or a plain byte count. */
final class Sizes {
  private Sizes() {}

  static long parse(String s, String option) {
    String t = s.trim().toUpperCase(Locale.ROOT).replace("IB", "").replace("B", "");
    long unit = 1;
    if (t.endsWith("K")) {
      unit = 1L << 10;
    } else if (t.endsWith("M")) {
      unit = 1L << 20;
    } else if (t.endsWith("G")) {
      unit = 1L << 30;
    } else if (t.endsWith("T")) {
      unit = 1L << 40;
    }
    String num = unit == 1 ? t : t.substring(0, t.length() - 1);
    try {
      double v = Double.parseDouble(num);
      if (v <= 0 || Double.isNaN(v) || Double.isInfinite(v)) {
        throw new NumberFormatException();
      }
      return (long) (v * unit);
    } catch (NumberFormatException e) {
      throw new UsageException(option + " takes a size such as 8G, 512M or 1073741824; got '" + s + "'");
    }
  }
}
