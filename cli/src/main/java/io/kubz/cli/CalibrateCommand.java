package io.kubz.cli;

import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.json.Json;
import io.kubz.slicer.quant.Calibrator;
import io.kubz.slicer.quant.QuantPlan;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kubz calibrate}: choose quantization settings from sample inputs and save them. */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
    description = {"Chooses fixed-point scales and lookup-table ranges (with a safety margin) from the input and",
      "any extra samples, reports the accuracy against float, and saves the settings for later runs.", "",
      "Examples:", "  kubz calibrate network.onnx --input input.json --out settings.json",
      "  kubz calibrate network.onnx --input input.json --samples more.json --target resources --out s.json",
      "", "A samples file is a JSON array whose elements are inputs in input.json form."})
final class CalibrateCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "MODEL", description = "The ONNX model.")
  Path model;

  @Option(names = "--input", required = true, paramLabel = "FILE", description = "An input (input.json format).")
  Path input;

  @Option(names = "--samples", paramLabel = "FILE", description = "More inputs to calibrate on.")
  Path samples;

  @Option(names = "--target", paramLabel = "accuracy|balanced|resources", defaultValue = "accuracy",
      description = "accuracy (default, also what prove uses without --settings): scales from 2^8, raised by 2 bits"
          + " at a time (up to 2^16, tables up to 2^18 entries) until the outputs are within 0.5 % of the float"
          + " model's on the samples; balanced: 2^8 fixed; resources: 2^6 fixed, the smallest tables and circuits.")
  String target;

  @Option(names = "--out", required = true, paramLabel = "SETTINGS", description = "Where to write the settings JSON.")
  Path out;

  @Option(names = "--json", description = "Print one JSON summary instead of text.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    QuantPlan base = QuantPlan.preset(target);
    Graph g = Models.load(model);
    List<List<Tensor>> all = new ArrayList<>();
    all.add(Models.input(input, g));
    if (samples != null) {
      all.addAll(Models.samples(samples, g));
    }
    Calibrator.Result r = Calibrator.calibrate(g, all, base);
    AtomicFiles.writeString(out, r.plan().toJson());
    var w = spec.commandLine().getOut();
    if (json) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("settings", out.toString());
      m.put("activation_scale", r.plan().activationScale());
      m.put("tables", r.plan().tableBits().size());
      m.put("accuracy", r.accuracy().toJson());
      w.println(Json.writePretty(m));
    } else {
      w.println("calibrated on " + all.size() + " sample(s), target " + target + ": scale 2^"
          + r.plan().activationScale() + ", " + r.plan().tableBits().size() + " lookup table(s)");
      w.println(r.accuracy().describe());
      w.println("settings written to " + out);
    }
    w.flush();
    return 0;
  }
}
