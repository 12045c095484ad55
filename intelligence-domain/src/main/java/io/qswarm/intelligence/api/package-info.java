/**
 * The messages of the intelligence context: commands, events, queries and the value records they carry. Everything
 * another module may depend on.
 */
package io.qswarm.intelligence.api;
