/** The {@code slicer} module of kubz: ONNX import, graph IR, quantization, slicing, lowering, proof bundles, library API. See DESIGN.md. */
package io.kubz.slicer;
