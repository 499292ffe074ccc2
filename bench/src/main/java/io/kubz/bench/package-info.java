/** The {@code bench} module of kubz: JMH benchmarks, the end-to-end bench and the peer-comparison harness. See DESIGN.md. */
package io.kubz.bench;
