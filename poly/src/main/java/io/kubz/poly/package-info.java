/** The {@code poly} module of kubz: Domains, NTT, polynomials, KZG, SRS (.ptau) loading, Fiat-Shamir transcripts. See DESIGN.md. */
package io.kubz.poly;
