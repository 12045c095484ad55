/**
 * Signed knowledge exchange between deployments, independent of how the bytes travel: peer identities and keys, the
 * three packets (knowledge request, contribution, merge request), their canonical bytes and Ed25519 signatures, and the
 * admission of a received packet (known sender, valid signature, addressed here, fresh, never seen). Pure and
 * deterministic: time comes from an injected {@link java.time.Clock}, nonces from the caller's generator.
 */
package io.qswarm.federation.transport;
