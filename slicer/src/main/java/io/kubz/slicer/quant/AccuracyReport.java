package io.kubz.slicer.quant;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How far the quantized model's outputs are from the float model's, over the calibration samples:
 * the largest and the mean absolute error of every output element, and the largest magnitude of the
 * float output for scale.
 */
public record AccuracyReport(int samples, long elements, double maxAbsError, double meanAbsError,
    double maxAbsOutput) {

  public String describe() {
    return String.format(Locale.ROOT,
        "quantized vs float over %d sample(s), %d output values: max |error| %.3g, mean |error| %.3g"
            + " (largest |output| %.3g)", samples, elements, maxAbsError, meanAbsError, maxAbsOutput);
  }

  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("samples", samples);
    m.put("output_values", elements);
    m.put("max_abs_error", maxAbsError);
    m.put("mean_abs_error", meanAbsError);
    m.put("max_abs_output", maxAbsOutput);
    return m;
  }
}
