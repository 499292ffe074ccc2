package io.kubz.slicer.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubz.lookup.table.FixedPoint;
import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.lower.Visibility;
import io.kubz.slicer.onnx.ExampleModels;
import io.kubz.slicer.onnx.OnnxImporter;
import io.kubz.slicer.quant.Calibrator;
import io.kubz.slicer.quant.QuantPlan;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * An honest prover's searched settings are the verifier's: the verifier replays the scale search on
 * the bundle's input, which holds the prover's input rounded to the chosen scale, and must accept
 * (ezkl's 1l_linear was rejected before the search measured its error on the rounded input: its
 * input rounding and its arithmetic rounding cancelled on the prover's side only).
 */
class SearchReplayTest {
  private static final Visibility PUBLIC = new Visibility(Visibility.Mode.PUBLIC, Visibility.Mode.PUBLIC);

  @Property(tries = 30)
  void theVerifierAcceptsAnHonestProversSearchedScale(@ForAll long seed,
      @ForAll @IntRange(min = 0, max = 3) int smallness, @ForAll @IntRange(min = 1, max = 6) int width) {
    Graph g = OnnxImporter.convert(ExampleModels.mlp(seed, width, 3, 1), null, Map.of());
    Random rnd = new Random(seed);
    int[] shape = g.inputs().get(0).shape();
    double[] d = new double[width];
    for (int i = 0; i < d.length; i++) {
      d[i] = (rnd.nextDouble() * 2 - 1) * Math.pow(10, -smallness);
    }
    List<Tensor> x = List.of(Tensor.of(shape, d));
    Calibrator.Result honest = Calibrator.calibrate(g, List.of(x), QuantPlan.defaults());
    int c = honest.plan().activationScale();
    double[] rounded = d.clone();
    for (int i = 0; i < rounded.length; i++) {
      rounded[i] = FixedPoint.toReal(FixedPoint.toFixed(d[i], c), c);
    }
    QuantPlan trusted = TrustedSettings.defaults()
        .trusted(g, PUBLIC, List.of(Tensor.of(shape, rounded)), honest.plan()).plan();
    assertEquals(List.of(), TrustedSettings.differences(honest.plan(), trusted), "scale 2^" + c);
  }
}
