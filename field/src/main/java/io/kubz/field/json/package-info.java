/** A minimal JSON codec (RFC 8259) for fixtures, inputs, settings, plans and machine-readable output. */
package io.kubz.field.json;
