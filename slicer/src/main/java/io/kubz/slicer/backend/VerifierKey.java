package io.kubz.slicer.backend;

import java.util.Arrays;

/**
 * A back end's verifying statement for one slice, opaque to the slicer: the back end's name, its
 * digest (bound into the model digest) and the bytes the back end's verifier decodes. For the
 * plonkish back end the bytes are {@code KeyCodec}'s verifying key and the digest is its digest.
 */
public record VerifierKey(String system, byte[] digest, byte[] bytes) {
  public VerifierKey {
    digest = digest.clone();
    bytes = bytes.clone();
  }

  @Override
  public byte[] digest() {
    return digest.clone();
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VerifierKey k && system.equals(k.system) && Arrays.equals(digest, k.digest)
        && Arrays.equals(bytes, k.bytes);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * system.hashCode() + Arrays.hashCode(digest)) + Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "VerifierKey[" + system + ", " + bytes.length + " bytes]";
  }
}
