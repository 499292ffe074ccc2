package io.kubz.cli;

import io.kubz.field.UsageException;
import io.kubz.slicer.lower.Visibility;
import java.util.Locale;

/** Parses {@code --visibility input=public|private|hashed,output=…}. */
final class Visibilities {
  private Visibilities() {}

  static Visibility parse(String spec) {
    if (spec == null || spec.isBlank()) {
      return Visibility.PUBLIC;
    }
    Visibility.Mode in = Visibility.Mode.PUBLIC;
    Visibility.Mode out = Visibility.Mode.PUBLIC;
    for (String part : spec.split(",")) {
      String[] kv = part.trim().split("=", 2);
      if (kv.length != 2) {
        throw usage(spec);
      }
      Visibility.Mode m;
      try {
        m = Visibility.Mode.valueOf(kv[1].trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw usage(spec);
      }
      switch (kv[0].trim()) {
        case "input": in = m; break;
        case "output": out = m; break;
        default: throw usage(spec);
      }
    }
    return new Visibility(in, out);
  }

  private static UsageException usage(String spec) {
    return new UsageException("--visibility takes input=MODE,output=MODE with MODE public, private or hashed; got '"
        + spec + "'");
  }
}
