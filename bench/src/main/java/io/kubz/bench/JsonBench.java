package io.kubz.bench;

import io.kubz.slicer.input.InputData;
import io.kubz.slicer.ir.DType;
import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.ValueInfo;
import io.kubz.slicer.json.Json;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading an ezkl-style input.json of {@code size} numbers: {@code parse} builds the JSON tree,
 * {@code inputData} is what a model input costs end to end (parse, check, convert to double[]).
 * {@code layout} is one flat list per input or rows of 100 nested inside it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class JsonBench {
  @Param({"1000", "500000"})
  public int size;

  @Param({"flat", "nested"})
  public String layout;

  private String text;
  private Graph graph;

  @Setup
  public void setup() {
    boolean nested = layout.equals("nested");
    StringBuilder sb = new StringBuilder("{\"input_data\": [[");
    for (int i = 0; i < size; i++) {
      if (nested) {
        sb.append(i == 0 ? "[" : i % 100 == 0 ? "], [" : ", ");
      } else {
        sb.append(i == 0 ? "" : ", ");
      }
      sb.append(Math.sin(i) * 3.7);
    }
    text = sb.append(nested ? "]]]}" : "]]}").toString();
    ValueInfo in = new ValueInfo("x", DType.DOUBLE, new int[] {1, size});
    graph = new Graph("bench", Map.of(), List.of(in), List.of(), Map.of(), List.of(), Map.of("x", in));
  }

  @Benchmark
  public Object parse() {
    return Json.parse(text);
  }

  @Benchmark
  public Object inputData() {
    return InputData.parse(text, graph, "input.json");
  }
}
