package io.kubz.gkr.model;

import java.util.List;

/**
 * A model for the GKR back end: tensor t is defined by {@code layers.get(t)}; the {@link Layer.Input}
 * layers are the model's inputs (in order of id), {@code outputs} the tensors it publishes, and
 * {@code tables} the function tables its {@link Layer.Lookup} layers use.
 */
public record LayeredModel(List<Layer> layers, int[] outputs, List<TableDef> tables) {
  public LayeredModel {
    layers = List.copyOf(layers);
    tables = List.copyOf(tables);
    outputs = outputs.clone();
    for (int t = 0; t < layers.size(); t++) {
      Layer l = layers.get(t);
      for (int in : l.inputs()) {
        if (in < 0 || in >= t) {
          throw new IllegalArgumentException("layer " + t + " reads tensor " + in + ", not defined before it");
        }
      }
      check(l, t, layers, tables.size());
    }
    if (outputs.length == 0) {
      throw new IllegalArgumentException("a model needs at least one output");
    }
    for (int o : outputs) {
      if (o < 0 || o >= layers.size()) {
        throw new IllegalArgumentException("output tensor " + o + " of " + layers.size());
      }
    }
  }

  private static void check(Layer l, int t, List<Layer> layers, int tables) {
    if (l instanceof Layer.Linear lin) {
      for (Layer.Term term : lin.terms()) {
        int cols = layers.get(term.tensor()).size();
        if (term.matrix().cols() != cols) {
          throw new IllegalArgumentException("layer " + t + ": a matrix of " + term.matrix().cols()
              + " columns on tensor " + term.tensor() + " of " + cols + " entries");
        }
      }
    } else if (l instanceof Layer.Product p) {
      same(t, p.size(), layers.get(p.a()).size(), layers.get(p.b()).size());
    } else if (l instanceof Layer.MatMul m) {
      if (layers.get(m.a()).size() != m.batch() * m.m() * m.n()
          || layers.get(m.b()).size() != m.batch() * m.n() * m.p()) {
        throw new IllegalArgumentException("layer " + t + ": matmul operands of the wrong sizes");
      }
    } else if (l instanceof Layer.Rescale r) {
      same(t, r.size(), layers.get(r.input()).size());
    } else if (l instanceof Layer.Lookup k) {
      same(t, k.size(), layers.get(k.input()).size());
      if (k.table() < 0 || k.table() >= tables) {
        throw new IllegalArgumentException("layer " + t + " uses table " + k.table() + " of " + tables);
      }
    } else if (l instanceof Layer.Max mx) {
      for (int in : mx.inputs()) {
        same(t, mx.size(), layers.get(in).size());
      }
    } else if (l instanceof Layer.Conv cv) {
      same(t, cv.inputSize(), layers.get(cv.input()).size());
    }
  }

  private static void same(int t, int size, int... others) {
    for (int o : others) {
      if (o != size) {
        throw new IllegalArgumentException("layer " + t + " of " + size + " entries reads a tensor of " + o);
      }
    }
  }

  /** Ids of the input tensors, in order. */
  public int[] inputs() {
    return java.util.stream.IntStream.range(0, layers.size())
        .filter(t -> layers.get(t) instanceof Layer.Input).toArray();
  }
}
