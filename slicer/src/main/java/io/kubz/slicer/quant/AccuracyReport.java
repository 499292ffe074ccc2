package io.kubz.slicer.quant;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How far the quantized model's outputs are from the float model's, over the calibration samples:
 * the largest and the mean absolute error of every output element, and the largest magnitude of the
 * float output for scale.
 */
public record AccuracyReport(int samples, long elements, double maxAbsError, double meanAbsError,
    double maxAbsOutput) {

  /**
   * The report of outputs {@code got} against {@code reference}, sample by sample and output by
   * output name (every name of a reference sample must be in the matching {@code got} sample, with
   * as many values). Reference values that are not finite are not compared.
   */
  public static AccuracyReport compare(List<Map<String, double[]>> reference, List<Map<String, double[]>> got) {
    double max = 0;
    double sum = 0;
    double maxOut = 0;
    long n = 0;
    for (int s = 0; s < reference.size(); s++) {
      for (Map.Entry<String, double[]> e : reference.get(s).entrySet()) {
        double[] r = e.getValue();
        double[] x = got.get(s).get(e.getKey());
        for (int i = 0; i < r.length; i++) {
          if (!Double.isFinite(r[i])) {
            continue; // the float model has no value to approach (log of a negative sample, 0/0, …)
          }
          double err = Math.abs(r[i] - x[i]);
          max = Math.max(max, err);
          maxOut = Math.max(maxOut, Math.abs(r[i]));
          sum += err;
          n++;
        }
      }
    }
    return new AccuracyReport(reference.size(), n, max, n == 0 ? 0 : sum / n, maxOut);
  }

  /**
   * The largest error relative to the largest float output (0 when both are 0; infinite when the
   * float outputs are all 0 but the quantized ones are not). Elements whose float value is not
   * finite are not compared.
   */
  public double relativeError() {
    if (maxAbsOutput > 0) {
      return maxAbsError / maxAbsOutput;
    }
    return maxAbsError == 0 ? 0 : Double.POSITIVE_INFINITY;
  }

  public String describe() {
    return String.format(Locale.ROOT,
        "quantized vs float over %d sample(s), %d output values: max |error| %.3g, mean |error| %.3g"
            + " (largest |output| %.3g, relative error %.3g %%)", samples, elements, maxAbsError, meanAbsError,
        maxAbsOutput, 100 * relativeError());
  }

  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("samples", samples);
    m.put("output_values", elements);
    m.put("max_abs_error", maxAbsError);
    m.put("mean_abs_error", meanAbsError);
    m.put("max_abs_output", maxAbsOutput);
    m.put("relative_error", Double.isFinite(relativeError()) ? relativeError() : null);
    return m;
  }
}
