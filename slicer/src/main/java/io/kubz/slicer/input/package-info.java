/**
 * Model inputs: ezkl-style input.json ({@code input_data}, optional {@code input_shapes} that may
 * omit the batch axis) and plain JSON arrays, checked against the graph's static input shapes and
 * rejected when not finite.
 */
package io.kubz.slicer.input;
