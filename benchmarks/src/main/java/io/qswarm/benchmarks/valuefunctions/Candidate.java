package io.qswarm.benchmarks.valuefunctions;

import io.qswarm.intelligence.valuefunction.ValueFunctionSpec;

/** One value function configuration to compare, with a short label for the report. */
record Candidate(String label, ValueFunctionSpec spec) {}
