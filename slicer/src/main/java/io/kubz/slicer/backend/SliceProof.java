package io.kubz.slicer.backend;

import io.kubz.field.Fr;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One slice's proof as the bundle carries it, opaque to the slicer except for what links slices.
 *
 * @param system the back end that made it
 * @param proof the back end's proof bytes
 * @param publicValues the public instance: values of PUBLIC boundary tensors and the Poseidon
 *     commitments of HASHED ones (plonkish), or public inputs and outputs (gkr)
 * @param boundaryCommitments per boundary tensor, a commitment the back end binds the proof to and
 *     the bundle verifier compares across a cut: empty for plonkish (its links are in the public
 *     values), the compressed G1 multilinear commitment C_T for gkr
 */
public record SliceProof(String system, byte[] proof, List<Fr> publicValues,
    Map<String, byte[]> boundaryCommitments) {
  public SliceProof {
    proof = proof.clone();
    publicValues = List.copyOf(publicValues);
    Map<String, byte[]> copy = new LinkedHashMap<>();
    boundaryCommitments.forEach((t, c) -> copy.put(t, c.clone()));
    boundaryCommitments = java.util.Collections.unmodifiableMap(copy);
  }

  @Override
  public byte[] proof() {
    return proof.clone();
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof SliceProof p) || !system.equals(p.system) || !Arrays.equals(proof, p.proof)
        || !publicValues.equals(p.publicValues)
        || !boundaryCommitments.keySet().equals(p.boundaryCommitments.keySet())) {
      return false;
    }
    for (Map.Entry<String, byte[]> e : boundaryCommitments.entrySet()) {
      if (!Arrays.equals(e.getValue(), p.boundaryCommitments.get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    return 31 * (31 * system.hashCode() + Arrays.hashCode(proof)) + publicValues.hashCode();
  }

  @Override
  public String toString() {
    return "SliceProof[" + system + ", " + proof.length + " bytes, " + publicValues.size()
        + " public values, " + boundaryCommitments.size() + " boundary commitments]";
  }
}
