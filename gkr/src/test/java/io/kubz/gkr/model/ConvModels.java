package io.kubz.gkr.model;

import io.kubz.field.BadInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Random convolutions for the Conv layer tests, and the im2col matrix that is their reference. */
final class ConvModels {
  private ConvModels() {}

  /**
   * A random convolution reading tensor {@code input} of shape [batch, channels, in…] (in chosen
   * here when {@code in} is null): 1 to 3 axes, odd and size-1 extents, strides, pads, dilations,
   * groups, with or without bias.
   */
  static Layer.Conv random(Random rnd, int input, int batch, int channels, int[] in, int maxW) {
    int r = in != null ? in.length : rnd.nextInt(8) == 0 ? 3 : 1 + rnd.nextInt(2);
    if (in == null) {
      in = new int[r];
      for (int d = 0; d < r; d++) {
        in[d] = 1 + rnd.nextInt(r == 3 ? 3 : 7);
      }
    }
    int[] divisors = java.util.stream.IntStream.rangeClosed(1, channels).filter(g -> channels % g == 0).toArray();
    int group = divisors[rnd.nextInt(divisors.length)];
    int outChannels = group * (1 + rnd.nextInt(3));
    int[] kernel = new int[r];
    int[] strides = new int[r];
    int[] pads = new int[r];
    int[] dil = new int[r];
    int[] out = new int[r];
    for (int d = 0; d < r; d++) {
      do {
        kernel[d] = 1 + rnd.nextInt(3);
        strides[d] = 1 + rnd.nextInt(2);
        dil[d] = 1 + rnd.nextInt(2);
        pads[d] = rnd.nextInt(3);
        int end = rnd.nextInt(3);
        out[d] = Math.floorDiv(in[d] + pads[d] + end - dil[d] * (kernel[d] - 1) - 1, strides[d]) + 1;
      } while (out[d] < 1);
    }
    int k = 1;
    for (int x : kernel) {
      k *= x;
    }
    long[] w = Models.vector(rnd, outChannels * (channels / group) * k, maxW);
    long[] bias = rnd.nextBoolean() ? null : Models.vector(rnd, outChannels, 9);
    return new Layer.Conv(input, batch, channels, outChannels, group, in, out, kernel, strides, pads,
        dil, w, bias);
  }

  record Case(Models.Case c, Layer.Conv first, Layer.Conv second) {}

  /**
   * input → conv → rescale → ReLU → conv (on the ReLU's output, with its own geometry) → outputs
   * (the second conv and the first one's rescale). Tensor ids: 0 input, 1 conv, 2 rescale, 3 ReLU,
   * 4 conv.
   */
  static Case pair(long seed) {
    for (long s = seed; ; s += 1_000_003) {
      Random rnd = new Random(s);
      int batch = rnd.nextInt(4) == 0 ? 2 : 1;
      int channels = 1 + rnd.nextInt(4);
      Layer.Conv a = random(rnd, 0, batch, channels, null, 3);
      int[] in2 = a.out();
      Layer.Conv b = random(rnd, 3, batch, a.outChannels(), in2, 2);
      List<Layer> l = new ArrayList<>();
      l.add(new Layer.Input(a.inputSize()));
      l.add(a);
      l.add(new Layer.Rescale(a.size(), 1, 1 + rnd.nextInt(3), 6));
      l.add(new Layer.Lookup(a.size(), 2, 0));
      l.add(b);
      Models.Case c = new Models.Case(new LayeredModel(l, new int[] {4, 2}, List.of(Models.relu(6))),
          new long[][] {Models.vector(rnd, a.inputSize(), 9)});
      try {
        Evaluator.run(c.model(), c.inputs());
        return new Case(c, a, b);
      } catch (BadInputException e) {
        // a rescale out of range: the next seed
      }
    }
  }

  /**
   * A "same" convolution on power-of-two extents (kernel 1 or 3, pad (k−1)/2, stride 1, or stride
   * 2 on an even extent), power-of-two channels per group: flat layouts are the padded views, so
   * the Conv step takes its direct path on a single claim.
   */
  static Layer.Conv aligned(Random rnd, int input, int batch, int channels, int[] in, int maxW) {
    int r = in.length;
    int group = channels > 1 && rnd.nextBoolean() ? 2 : 1;
    int outChannels = group << rnd.nextInt(3);
    int[] kernel = new int[r];
    int[] strides = new int[r];
    int[] pads = new int[r];
    int[] dil = new int[r];
    int[] out = new int[r];
    for (int d = 0; d < r; d++) {
      kernel[d] = rnd.nextBoolean() ? 1 : 3;
      pads[d] = (kernel[d] - 1) / 2;
      strides[d] = in[d] > 1 && rnd.nextInt(3) == 0 ? 2 : 1;
      dil[d] = 1;
      out[d] = in[d] / strides[d];
    }
    int k = 1;
    for (int x : kernel) {
      k *= x;
    }
    long[] w = Models.vector(rnd, outChannels * (channels / group) * k, maxW);
    long[] bias = rnd.nextBoolean() ? null : Models.vector(rnd, outChannels, 9);
    return new Layer.Conv(input, batch, channels, outChannels, group, in, out, kernel, strides, pads,
        dil, w, bias);
  }

  /**
   * {@link #pair}'s chain on aligned convolutions (power-of-two channels and extents); with
   * {@code twoClaims} the first conv is an output too, so it has two claims (the general path).
   */
  static Case alignedPair(long seed, boolean twoClaims) {
    for (long s = seed; ; s += 1_000_003) {
      Random rnd = new Random(s);
      int batch = rnd.nextInt(4) == 0 ? 3 : 1;
      int channels = 1 << rnd.nextInt(3);
      int r = 1 + rnd.nextInt(2);
      int[] in = new int[r];
      for (int d = 0; d < r; d++) {
        in[d] = 1 << rnd.nextInt(4);
      }
      Layer.Conv a = aligned(rnd, 0, batch, channels, in, 3);
      Layer.Conv b = aligned(rnd, 3, batch, a.outChannels(), a.out(), 2);
      List<Layer> l = new ArrayList<>();
      l.add(new Layer.Input(a.inputSize()));
      l.add(a);
      l.add(new Layer.Rescale(a.size(), 1, 1 + rnd.nextInt(3), 6));
      l.add(new Layer.Lookup(a.size(), 2, 0));
      l.add(b);
      int[] outs = twoClaims ? new int[] {4, 2, 1} : new int[] {4, 2};
      Models.Case c = new Models.Case(new LayeredModel(l, outs, List.of(Models.relu(6))),
          new long[][] {Models.vector(rnd, a.inputSize(), 9)});
      try {
        Evaluator.run(c.model(), c.inputs());
        return new Case(c, a, b);
      } catch (BadInputException e) {
        // a rescale out of range: the next seed
      }
    }
  }

  /** The im2col matrix of a convolution, built entry by entry from the definition (the reference). */
  static SparseMatrix im2col(Layer.Conv cv) {
    ConvShape s = ConvShape.of(cv);
    int[] a = s.a();
    int[] o = s.o();
    int[] k = s.k();
    SparseMatrix.Builder b = new SparseMatrix.Builder(cv.size(), cv.inputSize());
    int row = 0;
    for (int n = 0; n < s.n(); n++) {
      for (int m = 0; m < s.outChannels(); m++) {
        for (int i0 = 0; i0 < o[0]; i0++) {
          for (int i1 = 0; i1 < o[1]; i1++) {
            for (int i2 = 0; i2 < o[2]; i2++) {
              for (int c = 0; c < s.cg(); c++) {
                int ci = (m / s.mg()) * s.cg() + c;
                for (int u0 = 0; u0 < k[0]; u0++) {
                  for (int u1 = 0; u1 < k[1]; u1++) {
                    for (int u2 = 0; u2 < k[2]; u2++) {
                      int p0 = i0 * s.s()[0] - s.p()[0] + u0 * s.d()[0];
                      int p1 = i1 * s.s()[1] - s.p()[1] + u1 * s.d()[1];
                      int p2 = i2 * s.s()[2] - s.p()[2] + u2 * s.d()[2];
                      if (p0 >= 0 && p0 < a[0] && p1 >= 0 && p1 < a[1] && p2 >= 0 && p2 < a[2]) {
                        b.add(row, ((n * s.channels() + ci) * a[0] + p0) * a[1] * a[2] + p1 * a[2] + p2,
                            cv.weights()[((m * s.cg() + c) * k[0] + u0) * k[1] * k[2] + u1 * k[2] + u2]);
                      }
                    }
                  }
                }
              }
              row++;
            }
          }
        }
      }
    }
    return b.build();
  }

  /** The same layer as a Linear with its im2col matrix (what the slicer lowered before). */
  static Layer.Linear asLinear(Layer.Conv cv) {
    long[] bias = null;
    if (cv.bias() != null) {
      bias = new long[cv.size()];
      int area = cv.size() / (cv.batch() * cv.outChannels());
      for (int f = 0; f < bias.length; f++) {
        bias[f] = cv.bias()[(f / area) % cv.outChannels()];
      }
    }
    return new Layer.Linear(cv.size(), List.of(new Layer.Term(cv.input(), im2col(cv))), bias);
  }
}
