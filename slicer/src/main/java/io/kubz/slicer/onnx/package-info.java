/**
 * ONNX front end: {@link io.kubz.slicer.onnx.OnnxImporter} reads a model (protobuf classes
 * generated from kubz's subset of onnx.proto, with ONNX's field numbers) into the graph IR;
 * {@link io.kubz.slicer.onnx.OnnxWriter} and {@link io.kubz.slicer.onnx.ExampleModels} build
 * models. Semantics follow the ONNX specification (IR.md, Operators.md) at the declared opset;
 * an operator outside {@code OnnxOps.SUPPORTED} raises {@link
 * io.kubz.slicer.onnx.UnsupportedOpException} naming it and its node, never a guess.
 */
package io.kubz.slicer.onnx;
