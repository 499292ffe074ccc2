package io.kubz.slicer.onnx;

import io.kubz.slicer.onnx.proto.Onnx.NodeProto;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Orders ONNX nodes so that every node comes after the producers of its inputs (Kahn's algorithm,
 * ties broken by file order, so an already sorted graph keeps its order). Reports a tensor nobody
 * provides and cycles.
 */
final class TopoSort {
  private TopoSort() {}

  /** Indices of {@code nodes} in topological order; {@code available} are inputs and initializers. */
  static int[] order(List<NodeProto> nodes, Set<String> available, List<String> labels) {
    Map<String, Integer> producer = new HashMap<>();
    for (int i = 0; i < nodes.size(); i++) {
      for (String o : nodes.get(i).getOutputList()) {
        if (o.isEmpty()) {
          continue;
        }
        if (available.contains(o) || producer.put(o, i) != null) {
          throw new MalformedModelException(labels.get(i) + " writes tensor '" + o
              + "', which is already defined elsewhere in the graph");
        }
      }
    }
    int n = nodes.size();
    int[] pending = new int[n];
    List<List<Integer>> users = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      users.add(new ArrayList<>());
    }
    for (int i = 0; i < n; i++) {
      for (String in : nodes.get(i).getInputList()) {
        if (in.isEmpty() || available.contains(in)) {
          continue;
        }
        Integer p = producer.get(in);
        if (p == null) {
          throw new MalformedModelException(labels.get(i) + " reads tensor '" + in
              + "', which no node, graph input or initializer provides (a missing initializer?): "
              + "the model file is incomplete, re-export it");
        }
        pending[i]++;
        users.get(p).add(i);
      }
    }
    PriorityQueue<Integer> ready = new PriorityQueue<>();
    for (int i = 0; i < n; i++) {
      if (pending[i] == 0) {
        ready.add(i);
      }
    }
    int[] order = new int[n];
    int w = 0;
    while (!ready.isEmpty()) {
      int i = ready.poll();
      order[w++] = i;
      for (int u : users.get(i)) {
        if (--pending[u] == 0) {
          ready.add(u);
        }
      }
    }
    if (w != n) {
      for (int i = 0; i < n; i++) {
        if (pending[i] > 0) {
          throw new MalformedModelException("the graph has a cycle through " + labels.get(i));
        }
      }
    }
    return order;
  }
}
