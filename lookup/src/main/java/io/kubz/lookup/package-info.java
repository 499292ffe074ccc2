/** The {@code lookup} module of kubz: Lookup arguments (logUp) over polynomials and zkML table definitions. See DESIGN.md. */
package io.kubz.lookup;
