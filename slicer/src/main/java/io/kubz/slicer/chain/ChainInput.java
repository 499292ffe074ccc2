package io.kubz.slicer.chain;

import io.kubz.field.BadInputException;
import io.kubz.field.Fr;
import io.kubz.slicer.bundle.ProofBundle;
import io.kubz.slicer.ir.DType;
import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.ir.ValueInfo;
import io.kubz.slicer.lower.Visibility;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The input of the next model of a chain, taken from the previous bundle's proved outputs: the
 * values (declared by the bundle when public, from its secrets file when hashed), the salts that
 * make the next proof's input commitments equal to the previous proof's output commitments, and
 * the input visibility that follows (hashed stays hashed).
 *
 * @param inputs the next model's inputs, as real numbers v / 2^scale (re-quantized exactly at the
 *     same scale)
 * @param scale the fixed-point scale of those values: the next model must quantize its input at it
 * @param salts the salt of each hashed input, by the next model's input name
 * @param inputMode the visibility of the next model's inputs
 */
public record ChainInput(List<Tensor> inputs, int scale, Map<String, Fr> salts, Visibility.Mode inputMode) {

  /**
   * @param previous the previous bundle (already verified by the caller, or not: the chain verifier
   *     checks the link anyway)
   * @param secrets the previous bundle's secrets, or null when its outputs are public
   * @param next the next model
   */
  public static ChainInput from(ProofBundle previous, Secrets secrets, Graph next) {
    List<ProofBundle.PublicTensor> outs = previous.outputs();
    List<ValueInfo> ins = next.inputs();
    if (outs.size() != ins.size()) {
      throw new BadInputException("the previous model has " + outs.size() + " output(s), model " + next.name()
          + " takes " + ins.size() + " input(s): a chain joins output j to input j");
    }
    if (secrets != null) {
      secrets.check(previous, "the secrets file");
    }
    List<Tensor> tensors = new ArrayList<>();
    Map<String, Fr> salts = new LinkedHashMap<>();
    Visibility.Mode mode = null;
    int scale = -1;
    for (int j = 0; j < outs.size(); j++) {
      ProofBundle.PublicTensor out = outs.get(j);
      ValueInfo in = ins.get(j);
      if (Arrays.stream(out.shape()).asLongStream().reduce(1, (a, b) -> a * b) != in.size()) {
        throw new BadInputException("output '" + out.name() + "' " + Arrays.toString(out.shape()) + " of the previous"
            + " model does not fit input '" + in.name() + "' " + Arrays.toString(in.shape()) + " of " + next.name());
      }
      Visibility.Mode m = Visibility.Mode.valueOf(out.mode());
      long[] values;
      if (m == Visibility.Mode.PUBLIC) {
        values = out.values();
      } else if (m == Visibility.Mode.HASHED) {
        if (secrets == null) {
          throw new BadInputException("output '" + out.name() + "' of the previous bundle is hashed: pass its secrets"
              + " file (--secrets), written by kubz prove --secrets-out");
        }
        Secrets.Tensor s = secrets.find(out.name(), true);
        values = s.values();
        salts.put(in.name(), s.salt());
      } else {
        throw new BadInputException("output '" + out.name() + "' of the previous bundle is private, so nothing links"
            + " to it: prove that model with --visibility output=hashed (or public)");
      }
      if (mode != null && mode != m) {
        throw new BadInputException("the previous bundle's outputs mix visibilities; a chain link needs one");
      }
      mode = m;
      if (scale >= 0 && scale != out.scale()) {
        throw new BadInputException("the previous bundle's outputs have different scales");
      }
      scale = out.scale();
      double[] d = new double[values.length];
      double unit = Math.scalb(1.0, -out.scale());
      for (int i = 0; i < d.length; i++) {
        d[i] = values[i] * unit; // exact: |v| < 2^53, a power-of-two scale
      }
      tensors.add(Tensor.of(DType.FLOAT, in.shape(), d));
    }
    return new ChainInput(tensors, scale, salts, mode);
  }

  /** Refuses a next model that quantizes its input at another scale (the integers would differ). */
  public void checkScale(int nextInputScale, String nextModel) {
    if (nextInputScale != scale) {
      throw new BadInputException("the previous model's output has scale 2^" + scale + ", " + nextModel
          + " quantizes its input at 2^" + nextInputScale + ": prove it with settings whose activation_scale is "
          + scale + " (--settings FILE, from kubz calibrate)");
    }
  }
}
