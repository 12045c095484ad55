package io.qswarm.app.federation;

import io.qswarm.federation.snapshot.SnapshotSigner;
import io.qswarm.federation.transport.PeerId;
import io.qswarm.federation.transport.PeerKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This deployment's federation identity: its peer id and Ed25519 key pair, kept in {@code <data-dir>/federation/}:
 * {@value #PRIVATE_KEY} (PKCS#8, PEM, permissions {@code rw-------}) and {@value #PUBLIC_KEY} (X.509, PEM).
 *
 * <p>The pair is generated the first time it is needed (the identity endpoint, or the first packet signed or
 * verified), then read from the files on every start; commands that merely open the store never create one. The
 * private key leaves this object only into a signer: it is never logged, stored in an event or sent.
 */
public final class PeerIdentity {

    public static final String PRIVATE_KEY = "peer-ed25519.key";
    public static final String PUBLIC_KEY = "peer-ed25519.pub";

    private static final Logger log = LoggerFactory.getLogger(PeerIdentity.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Path directory;
    private final String configuredId;
    private volatile Loaded loaded;

    private record Loaded(PeerId id, PeerKey publicKey, PrivateKey privateKey) {}

    /**
     * @param directory where the key files are (created when missing)
     * @param configuredId the peer id to use, or {@code null} for one derived from the key
     */
    public PeerIdentity(Path directory, String configuredId) {
        this.directory = directory.toAbsolutePath().normalize();
        this.configuredId = configuredId == null || configuredId.isBlank() ? null : configuredId;
        if (this.configuredId != null) {
            PeerId.of(this.configuredId);
        }
    }

    public PeerId id() {
        return load().id();
    }

    public PeerKey publicKey() {
        return load().publicKey();
    }

    /** The private key, for this deployment's packet signer only. */
    PrivateKey privateKey() {
        return load().privateKey();
    }

    /** The signer of this deployment's knowledge snapshots: the same key, with the peer id as key id. */
    public SnapshotSigner snapshotSigner() {
        return new SnapshotSigner(id().value(), privateKey());
    }

    public Path directory() {
        return directory;
    }

    private Loaded load() {
        Loaded current = loaded;
        if (current == null) {
            synchronized (this) {
                current = loaded;
                if (current == null) {
                    current = readOrCreate();
                    loaded = current;
                }
            }
        }
        return current;
    }

    private Loaded readOrCreate() {
        try {
            Path privateFile = directory.resolve(PRIVATE_KEY);
            Path publicFile = directory.resolve(PUBLIC_KEY);
            if (!Files.exists(privateFile)) {
                create(privateFile, publicFile);
            }
            ownerOnly(privateFile);
            PrivateKey privateKey = KeyFactory.getInstance(PeerKey.ALGORITHM)
                    .generatePrivate(new PKCS8EncodedKeySpec(readPem(privateFile, "PRIVATE KEY")));
            PublicKey publicKey = KeyFactory.getInstance(PeerKey.ALGORITHM)
                    .generatePublic(new X509EncodedKeySpec(readPem(publicFile, "PUBLIC KEY")));
            PeerKey key = PeerKey.of(publicKey);
            PeerId id = PeerId.of(
                    configuredId != null ? configuredId : "peer-" + key.keyId().substring("ed25519:".length()));
            log.info("federation identity: peer '{}', key {} ({})", id, key.keyId(), directory);
            return new Loaded(id, key, privateKey);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the federation key pair in " + directory, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the federation key files in " + directory + " are not an Ed25519 pair", e);
        }
    }

    private void create(Path privateFile, Path publicFile) throws IOException, GeneralSecurityException {
        Files.createDirectories(directory);
        restrict(directory, PosixFilePermissions.fromString("rwx------"));
        KeyPair pair = KeyPairGenerator.getInstance(PeerKey.ALGORITHM).generateKeyPair();
        Path publicTemp = write(publicFile, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        Path privateTemp =
                write(privateFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        // the public key first: a crash in between leaves no private key, so the next start makes a new pair
        move(publicTemp, publicFile);
        move(privateTemp, privateFile);
        log.info("federation: generated a new Ed25519 key pair in {}", directory);
    }

    /** Writes a temporary file next to {@code target}, readable by the owner only from its creation on. */
    private Path write(Path target, String content) throws IOException {
        Path temp;
        if (posix()) {
            temp = Files.createTempFile(
                    directory, target.getFileName() + ".", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } else {
            temp = Files.createTempFile(directory, target.getFileName() + ".", ".tmp");
        }
        Files.writeString(temp, content, StandardCharsets.US_ASCII);
        return temp;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private void ownerOnly(Path privateFile) throws IOException {
        if (posix() && !Files.getPosixFilePermissions(privateFile).equals(OWNER_ONLY)) {
            log.warn("federation: {} was readable by others; restricting it to its owner (600)", privateFile);
            Files.setPosixFilePermissions(privateFile, OWNER_ONLY);
        }
    }

    private void restrict(Path path, Set<PosixFilePermission> permissions) throws IOException {
        if (posix()) {
            Files.setPosixFilePermissions(path, permissions);
        }
    }

    private boolean posix() {
        return directory.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static byte[] readPem(Path file, String type) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        String begin = "-----BEGIN " + type + "-----";
        String end = "-----END " + type + "-----";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        if (from < 0 || to < from) {
            throw new IOException(file + " is not a PEM " + type);
        }
        return Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
    }

    @Override
    public String toString() {
        return "PeerIdentity[" + directory + "]";
    }
}
