/**
 * A synthetic, seeded market: a hidden regime (bull, bear, chop, panic) follows a Markov chain; the price follows
 * drift, volatility and shocks of the current regime; the agent holds, buys or sells one unit and is rewarded with its
 * position's P&amp;L minus fees, in basis points. Configured by JSON ({@code market-default.json}, schema
 * {@code market-config.schema.json}, both in this package's resources). See {@code docs/environments.md}.
 */
package io.qswarm.environments.market;
