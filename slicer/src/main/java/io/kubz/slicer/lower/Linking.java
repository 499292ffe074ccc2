package io.kubz.slicer.lower;

import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.Node;
import io.kubz.slicer.ir.ValueInfo;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one mode of every boundary tensor of a slicing (the linking rule of the package
 * documentation): the producer and every consumer slice of a tensor expose it the same way, and a
 * tensor that crosses a slice boundary is never left {@link Visibility.Mode#PRIVATE}.
 *
 * <p>A tensor crosses a boundary when a slice other than the one(s) producing it reads it, or,
 * for a model input, when two or more slices read it. Its mode is then: the model's input or output
 * visibility for a model input or output, except that PRIVATE becomes HASHED; HASHED for any other
 * tensor. A tensor that does not cross keeps the model's visibility (a PRIVATE input read by one
 * slice only stays fully private). The decision needs the whole slicing, so it is made here once
 * per plan and handed to {@link SliceCompiler#compile(io.kubz.slicer.quant.QuantizedGraph,
 * java.util.Set, Linking)} for each slice.
 */
public final class Linking {
  private final Visibility visibility;
  private final Map<String, Visibility.Mode> modes;
  private final Set<String> crossing;
  private final Set<String> bridged;

  private Linking(Visibility visibility, Map<String, Visibility.Mode> modes, Set<String> crossing,
      Set<String> bridged) {
    this.visibility = visibility;
    this.modes = Map.copyOf(modes);
    this.crossing = Set.copyOf(crossing);
    this.bridged = Set.copyOf(bridged);
  }

  /**
   * The same linking where the HASHED tensors {@code tensors} cross between a plonkish and a GKR
   * slice: a plonkish slice that exposes one also proves its bridge ({@link Bridge}).
   */
  public Linking bridging(Set<String> tensors) {
    for (String t : tensors) {
      if (mode(t) != Visibility.Mode.HASHED) {
        throw new IllegalArgumentException("only a committed (HASHED) tensor is bridged, '" + t + "' is " + mode(t));
      }
    }
    return new Linking(visibility, modes, crossing, tensors);
  }

  /** Whether a plonkish slice exposing {@code tensor} proves its bridge to a GKR slice. */
  public boolean bridged(String tensor) {
    return bridged.contains(tensor);
  }

  /** Every bridged tensor. */
  public Set<String> bridged() {
    return bridged;
  }

  /**
   * The linking of a slicing of {@code g}: {@code slices} are the node sets of the slices (a node
   * may sit in several, e.g. the parts of a split layer); a node in none of them counts as a slice
   * of its own, so that one slice compiled alone is linked to whatever the rest of the graph is cut
   * into.
   */
  public static Linking of(Graph g, List<? extends Collection<String>> slices, Visibility visibility) {
    if (visibility == null) {
      throw new IllegalArgumentException("visibility must not be null");
    }
    Map<String, Set<Integer>> owners = new HashMap<>();
    for (int i = 0; i < slices.size(); i++) {
      for (String n : slices.get(i)) {
        owners.computeIfAbsent(n, k -> new HashSet<>()).add(i);
      }
    }
    int next = slices.size();
    for (Node n : g.nodes()) {
      if (!owners.containsKey(n.name())) {
        owners.put(n.name(), Set.of(next++));
      }
    }
    Set<String> graphInputs = new HashSet<>();
    g.inputs().forEach(v -> graphInputs.add(v.name()));
    Set<String> graphOutputs = new HashSet<>();
    g.outputs().forEach(v -> graphOutputs.add(v.name()));
    Map<String, Visibility.Mode> modes = new HashMap<>();
    Set<String> crossing = new HashSet<>();
    for (ValueInfo v : g.inputs()) {
      Set<Integer> readers = new HashSet<>();
      for (Node c : g.consumers(v.name())) {
        readers.addAll(owners.get(c.name()));
      }
      put(modes, crossing, v.name(), visibility.input(), readers.size() > 1);
    }
    for (Node n : g.nodes()) {
      String t = n.output();
      if (graphInputs.contains(t)) {
        continue;
      }
      Set<Integer> producers = owners.get(n.name());
      boolean crosses = false;
      for (Node c : g.consumers(t)) {
        crosses |= !producers.containsAll(owners.get(c.name()));
      }
      Visibility.Mode m = graphOutputs.contains(t) ? visibility.output() : Visibility.Mode.HASHED;
      put(modes, crossing, t, m, crosses);
    }
    return new Linking(visibility, modes, crossing, Set.of());
  }

  private static void put(Map<String, Visibility.Mode> modes, Set<String> crossing, String t, Visibility.Mode m,
      boolean crosses) {
    if (crosses) {
      crossing.add(t);
      if (m == Visibility.Mode.PRIVATE) {
        m = Visibility.Mode.HASHED;
      }
    }
    modes.put(t, m);
  }

  /** The model visibility this linking was made from. */
  public Visibility visibility() {
    return visibility;
  }

  /** The mode of {@code tensor} in every slice that exposes it. */
  public Visibility.Mode mode(String tensor) {
    Visibility.Mode m = modes.get(tensor);
    if (m == null) {
      throw new IllegalArgumentException("'" + tensor + "' is neither a model input nor a node's output");
    }
    return m;
  }

  /** True when {@code tensor} is read by a slice other than its producer, or (model input) by several slices. */
  public boolean crosses(String tensor) {
    return crossing.contains(tensor);
  }
}
