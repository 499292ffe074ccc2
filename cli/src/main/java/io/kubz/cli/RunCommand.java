package io.kubz.cli;

import io.kubz.slicer.interp.FloatInterpreter;
import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.json.Json;
import io.kubz.slicer.quant.AccuracyReport;
import io.kubz.slicer.quant.Calibrator;
import io.kubz.slicer.quant.IntegerInterpreter;
import io.kubz.slicer.quant.QuantPlan;
import io.kubz.slicer.quant.QuantizedGraph;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kubz run}: float and quantized inference side by side, with the accuracy of quantization. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Runs the model in floating point and in the quantized integers kubz proves, and reports",
      "how far apart they are. Without --settings the model is calibrated on the input first.", "",
      "Examples:", "  kubz run network.onnx --input input.json",
      "  kubz run network.onnx --input input.json --settings settings.json --json"})
final class RunCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "MODEL", description = "The ONNX model.")
  Path model;

  @Option(names = "--input", required = true, paramLabel = "FILE",
      description = "Input values: ezkl's input.json format or a plain JSON array.")
  Path input;

  @Option(names = "--settings", paramLabel = "FILE", description = "Quantization settings from kubz calibrate.")
  Path settings;

  @Option(names = "--json", description = "Print one JSON object instead of text.")
  boolean json;

  @Override
  public Integer call() {
    StageTable stages = new StageTable();
    Graph g = stages.run("load", () -> Models.load(model));
    List<Tensor> in = Models.input(input, g);
    Map<String, Tensor> ref = stages.run("float inference", () -> FloatInterpreter.run(g, in));
    QuantizedGraph q = stages.run("quantize", () -> settings != null
        ? QuantizedGraph.quantize(g, Models.settings(settings))
        : Calibrator.calibrate(g, List.of(in), QuantPlan.defaults()).graph());
    Map<String, Tensor> quant = stages.run("quantized inference", () -> IntegerInterpreter.runReal(q, in));
    AccuracyReport acc = Calibrator.accuracy(q, List.of(in));
    var w = spec.commandLine().getOut();
    if (json) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("float", tensors(ref));
      out.put("quantized", tensors(quant));
      out.put("accuracy", acc.toJson());
      out.put("stages", stages.toJson());
      w.println(Json.writePretty(out));
    } else {
      for (String name : ref.keySet()) {
        w.println("output " + name + " " + java.util.Arrays.toString(ref.get(name).shape()));
        w.println("  float     " + preview(ref.get(name)));
        w.println("  quantized " + preview(quant.get(name)));
      }
      w.println(acc.describe());
      w.println();
      w.print(stages.render());
    }
    w.flush();
    return 0;
  }

  static Map<String, Object> tensors(Map<String, Tensor> ts) {
    Map<String, Object> m = new LinkedHashMap<>();
    ts.forEach((k, v) -> {
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("shape", v.shape());
      t.put("data", v.data());
      m.put(k, t);
    });
    return m;
  }

  static String preview(Tensor t) {
    List<String> vs = new ArrayList<>();
    double[] d = t.data();
    for (int i = 0; i < Math.min(d.length, 8); i++) {
      vs.add(String.format(Locale.ROOT, "%.5g", d[i]));
    }
    return "[" + String.join(", ", vs) + (d.length > 8 ? ", … (" + d.length + " values)" : "") + "]";
  }
}
