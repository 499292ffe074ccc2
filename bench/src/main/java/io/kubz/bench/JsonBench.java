package io.kubz.bench;

import io.kubz.field.json.Json;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Parsing an input.json-sized document (1,000 numbers): what reading a model input costs. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class JsonBench {
  private String text;

  @Setup
  public void setup() {
    StringBuilder sb = new StringBuilder("{\"input_data\": [[");
    for (int i = 0; i < 1000; i++) {
      sb.append(i == 0 ? "" : ", ").append(Math.sin(i) * 3.7);
    }
    text = sb.append("]]}").toString();
  }

  @Benchmark
  public Object parse() {
    return Json.parse(text);
  }
}
