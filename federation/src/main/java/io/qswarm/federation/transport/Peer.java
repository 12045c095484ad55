package io.qswarm.federation.transport;

import io.qswarm.intelligence.api.Checks;
import java.net.URI;
import java.util.Locale;

/**
 * A deployment this one federates with: its id, where it listens ({@code http(s)://host:port}, optionally with a path
 * prefix) and its Ed25519 public key.
 */
public record Peer(PeerId id, URI baseUrl, PeerKey publicKey) {

    public Peer {
        Checks.required("peerId", id);
        Checks.required("publicKey", publicKey);
        baseUrl = validBaseUrl(baseUrl);
    }

    /** {@code path} (starting with /) under the peer's base URL. */
    public URI resolve(String path) {
        String base = baseUrl.toString();
        return URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) + path : base + path);
    }

    static URI validBaseUrl(URI url) {
        Checks.required("baseUrl", url);
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("baseUrl must be an http or https URL, was '" + url + "'");
        }
        if (url.getHost() == null || url.getHost().isBlank()) {
            throw new IllegalArgumentException("baseUrl must name a host, was '" + url + "'");
        }
        if (url.getRawUserInfo() != null || url.getRawQuery() != null || url.getRawFragment() != null) {
            throw new IllegalArgumentException(
                    "baseUrl must not carry credentials, a query or a fragment, was '" + url + "'");
        }
        if (url.toString().length() > 2048) {
            throw new IllegalArgumentException("baseUrl must be at most 2048 characters");
        }
        return url;
    }
}
