package io.qswarm.app.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qswarm.federation.transport.PeerId;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.Signature;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PeerIdentityTest {

    @TempDir
    Path data;

    @Test
    void theKeyPairIsGeneratedOnFirstUseWithThePrivateKeyReadableByItsOwnerOnly() throws Exception {
        // given
        Path directory = data.resolve("federation");
        var identity = new PeerIdentity(directory, null);
        assertThat(directory).doesNotExist();

        // when
        PeerId id = identity.id();

        // then
        assertThat(id.value()).matches("peer-[0-9a-f]{16}");
        assertThat(identity.publicKey().keyId()).endsWith(id.value().substring("peer-".length()));
        Path privateKey = directory.resolve(PeerIdentity.PRIVATE_KEY);
        assertThat(Files.getPosixFilePermissions(privateKey)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(directory)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(Files.readString(privateKey)).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(Files.readString(directory.resolve(PeerIdentity.PUBLIC_KEY)))
                .startsWith("-----BEGIN PUBLIC KEY-----");
        try (var files = Files.list(directory)) {
            assertThat(files).hasSize(2);
        }
    }

    @Test
    void theSamePairIsReadBackOnTheNextStartAndItsKeysBelongTogether() throws Exception {
        // given
        var first = new PeerIdentity(data, null);
        PeerId id = first.id();

        // when
        var again = new PeerIdentity(data, null);

        // then
        assertThat(again.id()).isEqualTo(id);
        assertThat(again.publicKey()).isEqualTo(first.publicKey());
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(again.privateKey());
        signer.update("hello".getBytes(StandardCharsets.UTF_8));
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(first.publicKey().publicKey());
        verifier.update("hello".getBytes(StandardCharsets.UTF_8));
        assertThat(verifier.verify(signature)).isTrue();
    }

    @Test
    void aConfiguredPeerIdIsUsedAndValidated() {
        assertThat(new PeerIdentity(data, "alpha").id()).isEqualTo(PeerId.of("alpha"));
        assertThatThrownBy(() -> new PeerIdentity(data, "not an id")).hasMessageContaining("peerId");
    }

    @Test
    void aPrivateKeyOthersCouldReadIsRestrictedToItsOwner() throws Exception {
        // given
        new PeerIdentity(data, null).id();
        Path privateKey = data.resolve(PeerIdentity.PRIVATE_KEY);
        Files.setPosixFilePermissions(privateKey, PosixFilePermissions.fromString("rw-r--r--"));

        // when
        new PeerIdentity(data, null).id();

        // then
        assertThat(Files.getPosixFilePermissions(privateKey)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void theIdentityNeverPrintsItsPrivateKey() throws Exception {
        var identity = new PeerIdentity(data, "alpha");
        String secret = Base64.getEncoder().encodeToString(identity.privateKey().getEncoded());
        assertThat(identity.toString()).doesNotContain(secret).doesNotContain("PRIVATE");
    }
}
