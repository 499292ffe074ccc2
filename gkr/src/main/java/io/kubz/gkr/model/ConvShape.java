package io.kubz.gkr.model;

/**
 * A {@link Layer.Conv}'s geometry on exactly three spatial axes: a 1-D or 2-D convolution gets
 * leading axes of extent 1 (kernel 1, stride 1, pad 0), which leaves every flat row-major index
 * unchanged. Also the bit widths of the padded views {@link ConvStep} sums over.
 *
 * @param n batch
 * @param groups groups
 * @param cg input channels per group
 * @param mg output channels per group
 * @param a input extents; o output extents; k kernel extents; s strides; p leading pads; d dilations
 */
record ConvShape(int n, int groups, int cg, int mg, int[] a, int[] o, int[] k, int[] s, int[] p, int[] d) {
  static ConvShape of(Layer.Conv c) {
    int r = c.in().length;
    int[] a = {1, 1, 1};
    int[] o = {1, 1, 1};
    int[] k = {1, 1, 1};
    int[] s = {1, 1, 1};
    int[] p = {0, 0, 0};
    int[] d = {1, 1, 1};
    for (int i = 0; i < r; i++) {
      int j = 3 - r + i;
      a[j] = c.in()[i];
      o[j] = c.out()[i];
      k[j] = c.kernel()[i];
      s[j] = c.strides()[i];
      p[j] = c.pads()[i];
      d[j] = c.dilations()[i];
    }
    return new ConvShape(c.batch(), c.group(), c.channels() / c.group(), c.outChannels() / c.group(),
        a, o, k, s, p, d);
  }

  int channels() {
    return groups * cg;
  }

  int outChannels() {
    return groups * mg;
  }

  int inArea() {
    return a[0] * a[1] * a[2];
  }

  int outArea() {
    return o[0] * o[1] * o[2];
  }

  int kernelArea() {
    return k[0] * k[1] * k[2];
  }

  /** pos[o·K + u] = o·s − p + u·d on axis x when it lies in [0, A), else −1. */
  int[] positions(int x) {
    int[] pos = new int[o[x] * k[x]];
    for (int i = 0; i < o[x]; i++) {
      for (int u = 0; u < k[x]; u++) {
        long q = (long) i * s[x] - p[x] + (long) u * d[x];
        pos[i * k[x] + u] = q < 0 || q >= a[x] ? -1 : (int) q;
      }
    }
    return pos;
  }

  static int bits(int extent) {
    return Layout.log2(extent);
  }

  /** Variables of the padded output view (n, g, m', o0, o1, o2), o2 lowest. */
  int outVars() {
    return bits(n) + bits(groups) + bits(mg) + bits(o[0]) + bits(o[1]) + bits(o[2]);
  }

  /** Variables of the padded im2col view (n, g, c, u0, u1, u2), u2 lowest. */
  int windowVars() {
    return bits(n) + bits(groups) + bits(cg) + bits(k[0]) + bits(k[1]) + bits(k[2]);
  }
}
