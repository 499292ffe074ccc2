package io.kubz.slicer.passes;

import io.kubz.slicer.ir.DType;
import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.Node;
import io.kubz.slicer.ir.Op;
import io.kubz.slicer.ir.Tensor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Folds inference batch normalisation y = a·(x − μ) + β, a = γ/√(σ² + ε), per channel, into the
 * Conv or Gemm producing x, when x has no other reader and all parameters are constant:
 * W'[m,…] = a[m]·W[m,…] and b'[m] = a[m]·(b[m] − μ[m]) + β[m] for Conv; for Gemm the column j of
 * B and the bias are scaled the same way (a per-row bias C of shape [M, N] is left unfolded).
 */
final class BatchNormFolding {
  private BatchNormFolding() {}

  static Graph apply(Graph g) {
    Map<String, Tensor> extra = new HashMap<>();
    Map<String, Node> replace = new HashMap<>();
    Set<Node> drop = new HashSet<>();
    for (Node bn : g.nodes()) {
      if (!(bn.op() instanceof Op.BatchNorm)) {
        continue;
      }
      Node p = g.producer(bn.inputs().get(0));
      if (p == null || !Passes.singleUse(g, p.output()) || drop.contains(p)) {
        continue;
      }
      boolean paramsConst = true;
      for (int k = 1; k < 5; k++) {
        paramsConst &= g.isConstant(bn.inputs().get(k));
      }
      boolean weightsConst = true;
      for (int k = 1; k < p.inputs().size(); k++) {
        weightsConst &= g.isConstant(p.inputs().get(k));
      }
      if (!paramsConst || !weightsConst || p.inputs().size() < 2) {
        continue;
      }
      double eps = ((Op.BatchNorm) bn.op()).epsilon();
      Map<String, Tensor> c = g.constants();
      Tensor gamma = c.get(bn.inputs().get(1));
      Tensor beta = c.get(bn.inputs().get(2));
      Tensor mean = c.get(bn.inputs().get(3));
      Tensor var = c.get(bn.inputs().get(4));
      int ch = gamma.size();
      double[] a = new double[ch];
      for (int j = 0; j < ch; j++) {
        a[j] = gamma.get(j) / Math.sqrt(var.get(j) + eps);
      }
      Node folded = null;
      if (p.op() instanceof Op.Conv) {
        folded = foldConv(g, p, bn, a, beta, mean, extra);
      } else if (p.op() instanceof Op.Gemm) {
        folded = foldGemm(g, p, bn, a, beta, mean, extra);
      }
      if (folded != null) {
        replace.put(p.output(), folded);
        drop.add(bn);
        drop.add(p);
      }
    }
    if (drop.isEmpty()) {
      return g;
    }
    List<Node> nodes = new ArrayList<>();
    for (Node n : g.nodes()) {
      if (replace.containsKey(n.output())) {
        nodes.add(replace.get(n.output()));
      } else if (!drop.contains(n)) {
        nodes.add(n);
      }
    }
    return Passes.rebuild(g, nodes, extra);
  }

  private static Node foldConv(Graph g, Node conv, Node bn, double[] a, Tensor beta, Tensor mean,
      Map<String, Tensor> extra) {
    Tensor w = g.constants().get(conv.inputs().get(1));
    int m = w.dim(0);
    if (m != a.length) {
      return null;
    }
    int per = w.size() / m;
    double[] wd = new double[w.size()];
    for (int o = 0; o < m; o++) {
      for (int k = 0; k < per; k++) {
        wd[o * per + k] = w.get(o * per + k) * a[o];
      }
    }
    Tensor b = conv.inputs().size() > 2 ? g.constants().get(conv.inputs().get(2)) : null;
    double[] bd = new double[m];
    for (int o = 0; o < m; o++) {
      bd[o] = a[o] * ((b == null ? 0 : b.get(o)) - mean.get(o)) + beta.get(o);
    }
    String wn = Passes.fresh(g, extra, conv.inputs().get(1) + "_bnfold");
    extra.put(wn, Tensor.of(DType.FLOAT, w.shape(), wd));
    String bname = Passes.fresh(g, extra, bn.output() + "_bias_bnfold");
    extra.put(bname, Tensor.of(DType.FLOAT, new int[] {m}, bd));
    return new Node(conv.name(), conv.onnxOpType(), conv.op(),
        List.of(conv.inputs().get(0), wn, bname), bn.output());
  }

  private static Node foldGemm(Graph g, Node gemm, Node bn, double[] a, Tensor beta, Tensor mean,
      Map<String, Tensor> extra) {
    Op.Gemm op = (Op.Gemm) gemm.op();
    Tensor bm = g.constants().get(gemm.inputs().get(1));
    int n = op.transB() ? bm.dim(0) : bm.dim(1);
    int k = op.transB() ? bm.dim(1) : bm.dim(0);
    if (n != a.length) {
      return null;
    }
    Tensor cb = gemm.inputs().size() > 2 ? g.constants().get(gemm.inputs().get(2)) : null;
    if (cb != null && cb.size() != n && cb.size() != 1) {
      return null;
    }
    double[] wd = new double[bm.size()];
    for (int t = 0; t < k; t++) {
      for (int j = 0; j < n; j++) {
        int idx = op.transB() ? j * k + t : t * n + j;
        wd[idx] = bm.get(idx) * a[j];
      }
    }
    double[] bd = new double[n];
    for (int j = 0; j < n; j++) {
      double c0 = cb == null ? 0 : op.beta() * cb.get(cb.size() == 1 ? 0 : j);
      bd[j] = a[j] * (c0 - mean.get(j)) + beta.get(j);
    }
    String wn = Passes.fresh(g, extra, gemm.inputs().get(1) + "_bnfold");
    extra.put(wn, Tensor.of(DType.FLOAT, bm.shape(), wd));
    String bname = Passes.fresh(g, extra, bn.output() + "_bias_bnfold");
    extra.put(bname, Tensor.of(DType.FLOAT, new int[] {n}, bd));
    return new Node(gemm.name(), gemm.onnxOpType(),
        new Op.Gemm(op.alpha(), 1, op.transA(), op.transB()),
        List.of(gemm.inputs().get(0), wn, bname), bn.output());
  }
}
