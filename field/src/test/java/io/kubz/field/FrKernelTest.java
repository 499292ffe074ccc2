package io.kubz.field;

/** Every Fr kernel against the BigInteger oracle, see {@link FieldKernelContract}. */
class FrKernelTest extends FieldKernelContract {
  @Override
  FieldOps ops() {
    return new FieldOps(Fr.MODULUS, Fr::add, Fr::sub, Fr::mul, Fr::square, Fr::neg, Fr::dbl,
        Fr::inverse, Fr::copy, Fr::pow, Fr::set, Fr::setZero, Fr::setOne, Fr::isZero, Fr::equal,
        Fr::batchInverse, Fr::batchInverseParallel, Fr::fromBigInteger, Fr::toBigInteger, Fr::toBytesBE, Fr::toBytesLE,
        Fr::fromBytesBE, Fr::fromBytesLE, Fr::toCanonicalLimbs, Fr::fromCanonicalLimbs);
  }
}
