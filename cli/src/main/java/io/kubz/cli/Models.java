package io.kubz.cli;

import io.kubz.field.BadInputException;
import io.kubz.slicer.input.InputData;
import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.json.Json;
import io.kubz.slicer.onnx.OnnxImporter;
import io.kubz.slicer.quant.QuantPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Loading what commands are given: models, inputs, samples and settings, with clear errors. */
final class Models {
  private Models() {}

  static Graph load(Path model) {
    if (!Files.isRegularFile(model)) {
      throw new BadInputException(model + ": no such file; give the path of an .onnx model");
    }
    return OnnxImporter.read(model);
  }

  static List<Tensor> input(Path file, Graph g) {
    if (!Files.isRegularFile(file)) {
      throw new BadInputException(file + ": no such input file; give a JSON file (ezkl's input.json "
          + "format or a plain array)");
    }
    return InputData.read(file, g);
  }

  /** Extra calibration samples: a JSON array whose elements are each one input in input.json form. */
  static List<List<Tensor>> samples(Path file, Graph g) {
    String text = read(file, "samples");
    List<List<Tensor>> out = new ArrayList<>();
    List<Object> items = Json.asArray(Json.parse(text), file + ": the samples file");
    for (int i = 0; i < items.size(); i++) {
      out.add(InputData.parse(Json.write(items.get(i)), g, file + " sample #" + i));
    }
    return out;
  }

  /** {@code --input-range LO,HI}: the declared range of the input values (null: [-1, 1]). */
  static io.kubz.slicer.quant.Calibrator.InputRange inputRange(String spec) {
    if (spec == null) {
      return io.kubz.slicer.quant.Calibrator.InputRange.DEFAULT;
    }
    String[] parts = spec.split(",");
    try {
      if (parts.length == 2) {
        return new io.kubz.slicer.quant.Calibrator.InputRange(Double.parseDouble(parts[0].trim()),
            Double.parseDouble(parts[1].trim()));
      }
    } catch (NumberFormatException | BadInputException e) {
      // reported below
    }
    throw new io.kubz.field.UsageException("--input-range takes LO,HI with finite numbers LO <= HI (e.g. -1,1 or"
        + " 0,255); got '" + spec + "'");
  }

  static QuantPlan settings(Path file) {
    return QuantPlan.fromJson(read(file, "settings"));
  }

  static String read(Path file, String what) {
    if (!Files.isRegularFile(file)) {
      throw new BadInputException(file + ": no such " + what + " file");
    }
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new BadInputException(file + ": cannot read the " + what + " file: " + e.getMessage(), e);
    }
  }
}
