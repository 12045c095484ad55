/**
 * Tamper evidence for the event store: a canonical byte encoding of the api records and the per-table hash chain
 * every {@code QTable} event carries in its metadata (see {@code docs/audit.md} and ADR 0004). Pure: no clock, no
 * randomness, no I/O.
 */
package io.qswarm.intelligence.integrity;
