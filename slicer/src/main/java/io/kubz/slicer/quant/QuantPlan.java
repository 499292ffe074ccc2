package io.kubz.slicer.quant;

import io.kubz.field.BadInputException;
import io.kubz.slicer.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The quantization settings of a model: the fixed-point scale of activations and of parameters, and
 * the bit width of every lookup table (chosen by calibration with a safety margin). Saved as JSON
 * so that a later run reuses exactly the same circuits.
 *
 * @param activationScale s: every activation tensor holds round(x·2^s)
 * @param paramScale scale of weights and other multiplicative constants
 * @param marginBits extra table bits beyond the calibrated range (1 doubles the range)
 * @param tableBits bits of the input domain of each node's table, by node name
 * @param target the preset the plan came from ("accuracy", "resources" or "custom")
 * @param rangeBits signed bits of each node's output values seen in calibration, margin included, by
 *     node name: the range the GKR back end checks a rescaled output to (an output beyond it is
 *     refused, like a table input beyond its table); empty when not calibrated
 * @param normShifts for each normalisation's variance chain (by the name of its Pow node,
 *     {@link NormChains}), the k by which the centred values are scaled by 2^k before squaring, so
 *     that a small variance keeps its precision at scale s (chosen by calibration; empty: none)
 */
public record QuantPlan(int activationScale, int paramScale, int marginBits, Map<String, Integer> tableBits,
    String target, Map<String, Integer> rangeBits, Map<String, Integer> normShifts) {
  public static final int FORMAT_VERSION = 1;

  public QuantPlan {
    if (activationScale < 0 || activationScale > 24 || paramScale < 0 || paramScale > 24) {
      throw new BadInputException("scales must be in [0, 24]; got activation_scale " + activationScale
          + ", param_scale " + paramScale);
    }
    if (marginBits < 0 || marginBits > 8) {
      throw new BadInputException("margin_bits must be in [0, 8], got " + marginBits);
    }
    tableBits = Map.copyOf(tableBits);
    rangeBits = Map.copyOf(rangeBits);
    normShifts = Map.copyOf(normShifts);
    for (Map.Entry<String, Integer> e : normShifts.entrySet()) {
      if (e.getValue() < 0 || e.getValue() > NormChains.MAX_SHIFT) {
        throw new BadInputException("norm_shift." + e.getKey() + " must be in [0, " + NormChains.MAX_SHIFT
            + "], got " + e.getValue());
      }
    }
  }

  /** A plan without normalisation shifts. */
  public QuantPlan(int activationScale, int paramScale, int marginBits, Map<String, Integer> tableBits,
      String target, Map<String, Integer> rangeBits) {
    this(activationScale, paramScale, marginBits, tableBits, target, rangeBits, Map.of());
  }

  /** A plan without calibrated output ranges. */
  public QuantPlan(int activationScale, int paramScale, int marginBits, Map<String, Integer> tableBits,
      String target) {
    this(activationScale, paramScale, marginBits, tableBits, target, Map.of());
  }

  /**
   * A preset before calibration. "accuracy" (the default): scales from 2^8, raised by calibration
   * until the outputs are within {@link Calibrator#TARGET_ERROR} of the float model's
   * ({@link #searched()}); "resources": 2^6, smaller tables and circuits, whatever the error;
   * "balanced": 2^8 fixed (the default before the search existed).
   */
  public static QuantPlan preset(String target) {
    switch (target) {
      case "accuracy":
        return new QuantPlan(8, 8, 1, Map.of(), target);
      case "balanced":
        return new QuantPlan(8, 8, 1, Map.of(), target);
      case "resources":
        return new QuantPlan(6, 6, 1, Map.of(), target);
      default:
        throw new BadInputException("unknown --target '" + target + "': use accuracy, balanced or resources");
    }
  }

  /** The default preset: "accuracy", the scale searched from 2^8 (see {@link Calibrator#calibrate}). */
  public static QuantPlan defaults() {
    return preset("accuracy");
  }

  /** Whether calibration searches the scales of this plan (the "accuracy" preset) or keeps them. */
  public boolean searched() {
    return "accuracy".equals(target);
  }

  /** This plan at activation and parameter scale {@code s}, before calibration (no table or range bits). */
  public QuantPlan withScales(int s) {
    return new QuantPlan(s, s, marginBits, Map.of(), target);
  }

  public QuantPlan withTableBits(Map<String, Integer> bits) {
    return new QuantPlan(activationScale, paramScale, marginBits, bits, target, rangeBits, normShifts);
  }

  public QuantPlan withRangeBits(Map<String, Integer> bits) {
    return new QuantPlan(activationScale, paramScale, marginBits, tableBits, target, bits, normShifts);
  }

  public QuantPlan withNormShifts(Map<String, Integer> shifts) {
    return new QuantPlan(activationScale, paramScale, marginBits, tableBits, target, rangeBits, shifts);
  }

  public String toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("format_version", FORMAT_VERSION);
    m.put("target", target);
    m.put("activation_scale", activationScale);
    m.put("param_scale", paramScale);
    m.put("margin_bits", marginBits);
    m.put("table_bits", new TreeMap<>(tableBits));
    if (!rangeBits.isEmpty()) {
      m.put("range_bits", new TreeMap<>(rangeBits));
    }
    if (!normShifts.isEmpty()) {
      m.put("norm_shift", new TreeMap<>(normShifts));
    }
    return Json.writePretty(m);
  }

  public static QuantPlan fromJson(String text) {
    Map<String, Object> m = Json.asObject(Json.parse(text), "settings");
    int version = Json.asInt(Json.get(m, "format_version"), "format_version");
    if (version != FORMAT_VERSION) {
      throw new BadInputException("settings format_version " + version + " is not supported (expected "
          + FORMAT_VERSION + "): calibrate again");
    }
    Map<String, Integer> bits = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : Json.asObject(Json.get(m, "table_bits"), "table_bits").entrySet()) {
      bits.put(e.getKey(), Json.asInt(e.getValue(), "table_bits." + e.getKey()));
    }
    Map<String, Integer> ranges = new LinkedHashMap<>();
    if (m.containsKey("range_bits")) {
      for (Map.Entry<String, Object> e : Json.asObject(m.get("range_bits"), "range_bits").entrySet()) {
        int b = Json.asInt(e.getValue(), "range_bits." + e.getKey());
        if (b < 1 || b > 62) {
          throw new BadInputException("range_bits." + e.getKey() + " must be in [1, 62], got " + b);
        }
        ranges.put(e.getKey(), b);
      }
    }
    Map<String, Integer> shifts = new LinkedHashMap<>();
    if (m.containsKey("norm_shift")) {
      for (Map.Entry<String, Object> e : Json.asObject(m.get("norm_shift"), "norm_shift").entrySet()) {
        shifts.put(e.getKey(), Json.asInt(e.getValue(), "norm_shift." + e.getKey()));
      }
    }
    return new QuantPlan(Json.asInt(Json.get(m, "activation_scale"), "activation_scale"),
        Json.asInt(Json.get(m, "param_scale"), "param_scale"),
        Json.asInt(Json.get(m, "margin_bits"), "margin_bits"), bits,
        m.containsKey("target") ? Json.asString(m.get("target"), "target") : "custom", ranges, shifts);
  }
}
