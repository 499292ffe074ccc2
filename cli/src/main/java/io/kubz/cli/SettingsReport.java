package io.kubz.cli;

import io.kubz.slicer.quant.QuantPlan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The quantization settings a verification covered, for people and for JSON: scales, margin and
 * every lookup table's domain. A table of b bits takes the integers [−2^(b−1), 2^(b−1) − 1] (the
 * sign bit included, see {@code io.kubz.slicer.quant.Calibrator}).
 */
final class SettingsReport {
  private SettingsReport() {}

  static String text(QuantPlan p) {
    StringBuilder b = new StringBuilder();
    b.append("settings: activations at scale 2^").append(p.activationScale()).append(", parameters at 2^")
        .append(p.paramScale()).append(", margin ").append(p.marginBits()).append(" bit(s), preset ")
        .append(p.target()).append(", ").append(p.tableBits().size()).append(" lookup table(s)");
    new TreeMap<>(p.tableBits()).forEach((node, bits) -> b.append(System.lineSeparator()).append("  table ")
        .append(node).append(": ").append(bits).append(" bits, integer inputs in [").append(min(bits)).append(", ")
        .append(max(bits)).append("]"));
    return b.toString();
  }

  static Map<String, Object> json(QuantPlan p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("activation_scale", p.activationScale());
    m.put("param_scale", p.paramScale());
    m.put("margin_bits", p.marginBits());
    m.put("target", p.target());
    List<Object> tables = new ArrayList<>();
    new TreeMap<>(p.tableBits()).forEach((node, bits) -> {
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("node", node);
      t.put("bits", bits);
      t.put("min", min(bits));
      t.put("max", max(bits));
      tables.add(t);
    });
    m.put("tables", tables);
    return m;
  }

  private static long min(int bits) {
    return -(1L << (bits - 1));
  }

  private static long max(int bits) {
    return (1L << (bits - 1)) - 1;
  }
}
