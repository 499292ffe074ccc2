#!/usr/bin/env python3
"""Reference outputs for the ezkl example models that have no reference_output.json because
onnxruntime refuses them as they are (bench scripts only; the build and tests never need Python).

nanoGPT: onnxruntime rejects its Equal nodes on float inputs at the model's opset 10 (the causal
mask compares values that are 0 and 1). A Cast to int64 before each Equal input keeps the meaning
and lets onnxruntime run it; its output is written to bench/references/nanoGPT/reference_output.json,
which bench/suite.sh reads when the fixture folder has no reference_output.json. The output_data that
ezkl left in the fixture's input.json is not a reference for this network (it differs by more than
the outputs' size: another run or other weights).

Usage (a venv with onnx, onnxruntime and numpy, see ../shared/NOTES.md):
  V/bin/python bench/references/make_references.py [FIXTURES]
"""
import json
import os
import sys

import numpy as np
import onnx
import onnxruntime as ort
from onnx import TensorProto, helper

HERE = os.path.dirname(os.path.abspath(__file__))


def cast_equal_inputs(model):
    nodes, k = [], 0
    for n in model.graph.node:
        if n.op_type == "Equal":
            casted = []
            for x in n.input:
                c = f"{x}__int64_{k}"
                k += 1
                nodes.append(helper.make_node("Cast", [x], [c], to=TensorProto.INT64))
                casted.append(c)
            del n.input[:]
            n.input.extend(casted)
        nodes.append(n)
    del model.graph.node[:]
    model.graph.node.extend(nodes)
    return model


def main():
    fixtures = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "..", "..", "shared", "fixtures")
    d = os.path.join(fixtures, "onnx", "ezkl-examples", "nanoGPT")
    model = cast_equal_inputs(onnx.load(os.path.join(d, "network.onnx")))
    session = ort.InferenceSession(model.SerializeToString())
    with open(os.path.join(d, "input.json")) as f:
        inputs = json.load(f)["input_data"]
    feeds = {}
    for spec, values in zip(session.get_inputs(), inputs):
        dtype = np.float32 if "float" in spec.type else np.int64
        shape = [x if isinstance(x, int) else -1 for x in spec.shape]
        feeds[spec.name] = np.array(values).astype(dtype).reshape(shape)
    outs = session.run(None, feeds)
    ref = {"source": f"onnxruntime {ort.__version__} (python): network.onnx with a Cast to int64 before each"
                     " Equal input (onnxruntime refuses Equal on floats at the model's opset 10; the compared"
                     " mask values are 0 and 1), on input.json (bench/references/make_references.py)",
           "outputs": [{"name": o.name, "shape": list(r.shape), "data": [float(x) for x in r.flatten()]}
                       for o, r in zip(session.get_outputs(), outs)]}
    out = os.path.join(HERE, "nanoGPT", "reference_output.json")
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, "w") as f:
        json.dump(ref, f)
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
