package io.qswarm.federation.transport;

import static io.qswarm.federation.fixtures.TransportFixtures.BETA;
import static io.qswarm.federation.fixtures.TransportFixtures.BETA_KEYS;
import static io.qswarm.federation.fixtures.TransportFixtures.keyOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.qswarm.federation.api.RoundId;
import io.qswarm.federation.api.SwarmId;
import io.qswarm.federation.fixtures.StorageMapper;
import java.net.URI;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The value records of the transport: peer ids, keys, nonces and peers. */
class PeersTest {

    private final ObjectMapper json = StorageMapper.mapper();

    @Nested
    class Keys {

        @Test
        void aPeerKeyIsTheBase64OfTheX509EncodingAndRoundTrips() {
            // when
            PeerKey key = keyOf(BETA_KEYS);

            // then
            assertThat(Base64.getDecoder().decode(key.encoded())).hasSize(44);
            assertThat(key.publicKey()).isEqualTo(BETA_KEYS.getPublic());
            assertThat(key.keyId()).matches("ed25519:[0-9a-f]{16}");
        }

        @Test
        void somethingThatIsNotAnEd25519KeyIsRefusedWithTheReason() throws Exception {
            String ec = Base64.getEncoder()
                    .encodeToString(KeyPairGenerator.getInstance("EC")
                            .generateKeyPair()
                            .getPublic()
                            .getEncoded());
            assertThatThrownBy(() -> new PeerKey("not base64!"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("base64");
            assertThatThrownBy(() -> new PeerKey(ec))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("Ed25519");
        }
    }

    @Test
    void nonceAre16RandomBytesInBase64UrlAndMalformedOnesAreRefused() {
        Nonce nonce = Nonce.from(new SplittableRandom(3));
        assertThat(nonce.value()).matches("[A-Za-z0-9_-]{22}");
        assertThat(Nonce.from(new SplittableRandom(3))).isEqualTo(nonce);
        assertThat(Nonce.from(new SplittableRandom(4))).isNotEqualTo(nonce);
        assertThatThrownBy(() -> new Nonce("short")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Nonce("a".repeat(21) + "=")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPeerListensOnAPlainHttpUrl() {
        // given
        var peer = new Peer(BETA, URI.create("http://127.0.0.1:8081/"), keyOf(BETA_KEYS));

        // then
        assertThat(peer.resolve("/api/v1/federation/merges"))
                .hasToString("http://127.0.0.1:8081/api/v1/federation/merges");
        for (String bad : new String[] {
            "ftp://127.0.0.1", "localhost:8080", "http://user:secret@127.0.0.1", "http://127.0.0.1/?a=b", "http:///x"
        }) {
            assertThatThrownBy(() -> new Peer(BETA, URI.create(bad), keyOf(BETA_KEYS)))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("baseUrl");
        }
    }

    @Test
    void identifiersAreWrittenAsPlainStringsAndReadBackThroughTheirChecks() throws Exception {
        assertThat(json.writeValueAsString(SwarmId.of("swarm-1"))).isEqualTo("\"swarm-1\"");
        assertThat(json.writeValueAsString(RoundId.of("swarm-1:3"))).isEqualTo("\"swarm-1:3\"");
        assertThat(json.writeValueAsString(BETA)).isEqualTo("\"beta\"");
        assertThat(json.readValue("\"swarm-1\"", SwarmId.class)).isEqualTo(SwarmId.of("swarm-1"));
        assertThat(json.readValue("\"swarm-1:3\"", RoundId.class)).isEqualTo(RoundId.of("swarm-1:3"));
        assertThat(json.readValue("\"beta\"", PeerId.class)).isEqualTo(BETA);
        assertThatThrownBy(() -> json.readValue("\" bad id\"", SwarmId.class)).hasMessageContaining("swarmId");
    }
}
