/**
 * JSON for inputs, settings, plans, fixtures and {@code --json} output, read by Jackson's
 * streaming parser (RFC 8259, nothing lenient) under fixed bounds: nesting depth, number length,
 * string and name length, document length, and no duplicate keys. Untrusted text (a user's
 * input.json, the plan and settings embedded in a bundle) therefore costs time and memory linear
 * in its length and cannot exhaust the stack; anything outside the bounds is a
 * {@link io.kubz.slicer.json.JsonException}, never an {@code Error}.
 *
 * <p>Values are plain Java: {@code Map<String,Object>} (in document order), {@code List<Object>},
 * {@code String}, {@code BigDecimal} (every digit kept, as quantization needs), {@code Boolean},
 * {@code null}. Large numeric arrays can be read straight into {@code double[]} through
 * {@link io.kubz.slicer.json.Json#parser} without building that tree.
 */
package io.kubz.slicer.json;
