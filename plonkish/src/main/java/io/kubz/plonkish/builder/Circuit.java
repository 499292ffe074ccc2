package io.kubz.plonkish.builder;

import io.kubz.plonkish.ir.CircuitDescription;
import io.kubz.plonkish.ir.Witness;

/** What the builder produces: the compiled description (for keygen) and a witness (for proving). */
public record Circuit(CircuitDescription description, Witness witness) {}
