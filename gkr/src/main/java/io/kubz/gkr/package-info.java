/** The {@code gkr} module of kubz: Sumcheck, layered GKR, logUp-GKR, multilinear commitments. See DESIGN.md. */
package io.kubz.gkr;
