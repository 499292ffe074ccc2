package io.kubz.slicer.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.onnx.proto.Onnx.ModelProto;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** ONNX Runtime for Java as the test oracle: runs a model on float (or INT64) inputs. */
final class Ort {
  private Ort() {}

  /** The first output of {@code model} on {@code inputs} (by the model's input order). */
  static Tensor run(ModelProto model, List<Tensor> inputs) {
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try (OrtSession.SessionOptions opts = new OrtSession.SessionOptions()) {
      opts.setIntraOpNumThreads(1);
      try (OrtSession s = env.createSession(model.toByteArray(), opts)) {
        Map<String, OnnxTensor> feed = new HashMap<>();
        List<OnnxTensor> open = new ArrayList<>();
        try {
          for (int i = 0; i < inputs.size(); i++) {
            Tensor t = inputs.get(i);
            long[] shape = new long[t.rank()];
            for (int k = 0; k < shape.length; k++) {
              shape[k] = t.dim(k);
            }
            OnnxTensor o = t.dtype() == io.kubz.slicer.ir.DType.INT64
                ? OnnxTensor.createTensor(env, java.nio.LongBuffer.wrap(t.toLongs()), shape)
                : OnnxTensor.createTensor(env, FloatBuffer.wrap(t.toFloats()), shape);
            open.add(o);
            feed.put(model.getGraph().getInput(i).getName(), o);
          }
          try (OrtSession.Result r = s.run(feed)) {
            OnnxTensor out = (OnnxTensor) r.get(0);
            long[] ls = out.getInfo().getShape();
            int[] shape = new int[ls.length];
            for (int k = 0; k < ls.length; k++) {
              shape[k] = (int) ls[k];
            }
            FloatBuffer fb = out.getFloatBuffer();
            float[] f = new float[fb.remaining()];
            fb.get(f);
            return Tensor.ofFloats(shape, f);
          }
        } finally {
          for (OnnxTensor o : open) {
            o.close();
          }
        }
      }
    } catch (OrtException e) {
      throw new IllegalStateException("onnxruntime failed: " + e.getMessage(), e);
    }
  }
}
