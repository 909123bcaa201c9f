"""factory_boy factories per area: used by the tests, the benchmarks and the demo content alike."""
