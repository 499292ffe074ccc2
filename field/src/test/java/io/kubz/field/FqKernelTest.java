package io.kubz.field;

/** Every Fq kernel against the BigInteger oracle, see {@link FieldKernelContract}. */
class FqKernelTest extends FieldKernelContract {
  @Override
  FieldOps ops() {
    return new FieldOps(Fq.MODULUS, Fq::add, Fq::sub, Fq::mul, Fq::square, Fq::neg, Fq::dbl,
        Fq::inverse, Fq::copy, Fq::pow, Fq::set, Fq::setZero, Fq::setOne, Fq::isZero, Fq::equal,
        Fq::batchInverse, Fq::batchInverseParallel, Fq::fromBigInteger, Fq::toBigInteger, Fq::toBytesBE, Fq::toBytesLE,
        Fq::fromBytesBE, Fq::fromBytesLE, Fq::toCanonicalLimbs, Fq::fromCanonicalLimbs);
  }
}
