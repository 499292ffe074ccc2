/**
 * The float reference interpreter: ONNX operator semantics (onnx/docs/Operators.md) evaluated in
 * double precision over row-major tensors. Convolution is y[n,m,o] = b[m] + Σ_{c,k}
 * x[n,c,o·s − p + k·d]·w[m,c,k] (cross-correlation, per group); pooling windows use the same
 * geometry; softmax subtracts the row maximum before exponentiating; reductions accumulate in
 * double. The importer evaluates the same kernels to fold constants and infer shapes.
 */
package io.kubz.slicer.interp;
