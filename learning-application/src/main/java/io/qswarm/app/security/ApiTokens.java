package io.qswarm.app.security;

import io.qswarm.federation.transport.PeerId;
import io.qswarm.intelligence.api.AgentId;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The credentials of the API in the store ({@code api_token}): API tokens, the browser sessions made from them, and
 * one-time login codes. Only the SHA-256 of a secret is stored; it is compared in constant time. Revoking a token also
 * ends every session and login code made from it.
 *
 * <p>A verified credential is remembered for {@code cacheTtl} (default 5 s) so that a busy client does not cost a
 * query per request; a revocation on this node takes effect at once, on another node of a cluster within that time.
 */
public class ApiTokens {

    /** What a row is; each kind has its own prefix, and is accepted only where it belongs. */
    public enum Kind {
        /** An API token, sent as {@code Authorization: Bearer}. */
        TOKEN("qsw", "token"),
        /** A browser session, made from a token or a login code, sent as the session cookie. */
        SESSION("qss", "session"),
        /** A one-time login code, exchanged once for a session at {@code /login?code=}. */
        LOGIN_CODE("qsl", "login-code");

        private final String prefix;
        private final String stored;

        Kind(String prefix, String stored) {
            this.prefix = prefix;
            this.stored = stored;
        }

        public String prefix() {
            return prefix;
        }

        static Kind stored(String value) {
            for (Kind kind : values()) {
                if (kind.stored.equals(value)) {
                    return kind;
                }
            }
            throw new IllegalStateException("unknown credential kind '" + value + "' in api_token");
        }
    }

    /** A stored credential, without its secret. */
    public record Token(
            String id,
            Kind kind,
            String name,
            Role role,
            String scope,
            String parentId,
            String createdBy,
            Instant createdAt,
            Instant expiresAt,
            Instant revokedAt) {

        boolean validAt(Instant now) {
            return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
        }
    }

    /** A credential just made: the row, and the whole credential text, shown to its holder once. */
    public record Issued(Token token, String credential) {}

    public static final int MAX_NAME = 100;
    private static final int MAX_CACHED = 10_000;
    static final String BOOTSTRAP_MARKER = "first-admin";

    private static final Logger log = LoggerFactory.getLogger(ApiTokens.class);

    private record Verified(Token token, String hash, long loadedAt) {}

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration cacheTtl;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Verified> cache = new ConcurrentHashMap<>();

    public ApiTokens(JdbcTemplate jdbc, TransactionTemplate transactions, Clock clock, Duration cacheTtl) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.cacheTtl = cacheTtl;
    }

    /**
     * Creates an API token.
     *
     * @param scope the agent id of an {@code agent} token, the peer id of a {@code peer} token; none for other roles
     * @param ttl how long it is valid, or {@code null} until revoked
     * @param createdBy who made it (a token's name and id, {@code cli}), for the listing
     */
    public Issued create(Role role, String name, String scope, Duration ttl, String createdBy) {
        requireScope(role, scope);
        if (ttl != null && (ttl.isNegative() || ttl.isZero())) {
            throw new IllegalArgumentException("a token's lifetime must be positive, was " + ttl);
        }
        return insert(Kind.TOKEN, checkedName(name), role, scope, null, createdBy, ttl);
    }

    /** The API tokens (not sessions or codes), newest first, revoked ones included. */
    public List<Token> list() {
        return jdbc.query(
                "SELECT * FROM api_token WHERE kind = 'token' ORDER BY created_at DESC, token_id",
                (rs, n) -> token(rs));
    }

    public Optional<Token> find(String id) {
        return jdbc.query("SELECT * FROM api_token WHERE token_id = ?", (rs, n) -> token(rs), id).stream()
                .findFirst();
    }

    /** Whether the store holds an API token at all, revoked or not. */
    public boolean anyToken() {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM api_token WHERE kind = 'token'", Integer.class);
        return count != null && count > 0;
    }

    /**
     * Revokes a token and every session and login code made from it.
     *
     * @return the token as it is now, or empty when there is none of that id
     */
    public Optional<Token> revoke(String id) {
        OffsetDateTime now = now();
        jdbc.update(
                "UPDATE api_token SET revoked_at = ? WHERE (token_id = ? OR parent_id = ?) AND revoked_at IS NULL",
                now,
                id,
                id);
        cache.clear();
        return find(id);
    }

    /**
     * The valid credential of {@code kind} that {@code text} is: well-formed, of that kind, known, secret matching,
     * neither revoked nor expired.
     */
    public Optional<Token> verify(String text, Kind kind) {
        Optional<Credential> parsed = Credential.parse(text).filter(c -> c.kind() == kind);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        Credential credential = parsed.get();
        long nanos = System.nanoTime();
        Verified verified = cache.get(credential.id());
        if (verified == null || nanos - verified.loadedAt() > cacheTtl.toNanos()) {
            verified = jdbc
                    .query(
                            "SELECT * FROM api_token WHERE token_id = ?",
                            (rs, n) -> new Verified(token(rs), rs.getString("secret_sha256"), nanos),
                            credential.id())
                    .stream()
                    .findFirst()
                    .orElse(null);
            if (verified == null) {
                return Optional.empty();
            }
            if (!cacheTtl.isZero()) {
                if (cache.size() >= MAX_CACHED) {
                    cache.clear(); // only credentials found in the store are cached; a crowd of sessions starts over
                }
                cache.put(credential.id(), verified);
            }
        }
        Token token = verified.token();
        if (token.kind() != kind || !credential.matches(verified.hash()) || !token.validAt(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(token);
    }

    /** A browser session with the role and scope of {@code from} (a token, or the token a login code was made from). */
    public Issued session(Token from, Duration ttl) {
        Token parent = from.kind() == Kind.TOKEN ? from : find(from.parentId()).orElseThrow();
        forgetExpired();
        return insert(Kind.SESSION, parent.name(), parent.role(), parent.scope(), parent.id(), parent.name(), ttl);
    }

    /** A one-time login code for the holder of {@code from}: exchanged once, within {@code ttl}, for a session. */
    public Issued loginCode(Token from, Duration ttl) {
        Token parent = from.kind() == Kind.TOKEN ? from : find(from.parentId()).orElseThrow();
        forgetExpired();
        return insert(Kind.LOGIN_CODE, parent.name(), parent.role(), parent.scope(), parent.id(), parent.name(), ttl);
    }

    /**
     * Exchanges a login code for a session: the code is used up at once (also when two requests race for it), and the
     * token it was made from must still be valid.
     */
    public Optional<Issued> redeem(String code, Duration sessionTtl) {
        return verify(code, Kind.LOGIN_CODE)
                .flatMap(login -> transactions.execute(status -> {
                    int used = jdbc.update(
                            "UPDATE api_token SET revoked_at = ? WHERE token_id = ? AND revoked_at IS NULL",
                            now(),
                            login.id());
                    cache.remove(login.id());
                    if (used != 1) {
                        return Optional.<Issued>empty();
                    }
                    return find(login.parentId())
                            .filter(parent -> parent.validAt(clock.instant()))
                            .map(parent -> session(parent, sessionTtl));
                }));
    }

    /**
     * The first admin token of a store that has none: made once per store (the {@code api_token_bootstrap} marker),
     * so a second node starting on the same store, or a restart after every token was revoked, makes none.
     */
    public Optional<Issued> bootstrap() {
        if (anyToken()) {
            return Optional.empty();
        }
        try {
            return transactions.execute(status -> {
                Credential credential = Credential.generate(Kind.TOKEN, random);
                jdbc.update(
                        "INSERT INTO api_token_bootstrap (marker, token_id, created_at) VALUES (?, ?, ?)",
                        BOOTSTRAP_MARKER,
                        credential.id(),
                        now());
                return Optional.of(insert(credential, "first admin", Role.ADMIN, null, null, "first start", null));
            });
        } catch (DuplicateKeyException e) {
            log.debug("the first admin token was made before (by another node, or an earlier start)");
            return Optional.empty();
        }
    }

    private Issued insert(
            Kind kind, String name, Role role, String scope, String parentId, String createdBy, Duration ttl) {
        return insert(Credential.generate(kind, random), name, role, scope, parentId, createdBy, ttl);
    }

    private Issued insert(
            Credential credential,
            String name,
            Role role,
            String scope,
            String parentId,
            String createdBy,
            Duration ttl) {
        OffsetDateTime now = now();
        OffsetDateTime expires = ttl == null ? null : now.plus(ttl);
        jdbc.update(
                "INSERT INTO api_token (token_id, kind, name, role, scope, secret_sha256, parent_id, created_by,"
                        + " created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                credential.id(),
                credential.kind().stored,
                name,
                role.label(),
                scope,
                credential.hash(),
                parentId,
                createdBy == null ? null : abbreviate(createdBy),
                now,
                expires);
        Token token = new Token(
                credential.id(),
                credential.kind(),
                name,
                role,
                scope,
                parentId,
                createdBy,
                now.toInstant(),
                expires == null ? null : expires.toInstant(),
                null);
        return new Issued(token, credential.text());
    }

    /** Sessions and login codes that expired more than a day ago are of no more use, even for a post-mortem. */
    private void forgetExpired() {
        jdbc.update("DELETE FROM api_token WHERE kind <> 'token' AND expires_at < ?", now().minusDays(1));
    }

    static void requireScope(Role role, String scope) {
        switch (role) {
            case AGENT -> AgentId.of(required(role, scope));
            case PEER -> PeerId.of(required(role, scope));
            default -> {
                if (scope != null) {
                    throw new IllegalArgumentException(
                            "only agent and peer tokens have a scope; a " + role.label() + " token has none");
                }
            }
        }
    }

    private static String required(Role role, String scope) {
        if (scope == null || scope.isBlank()) {
            throw new IllegalArgumentException("a " + role.label() + " token needs a scope: the "
                    + (role == Role.AGENT ? "agent id" : "peer id") + " it acts for");
        }
        return scope;
    }

    private static String checkedName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a token needs a name (what or who it is for)");
        }
        if (name.length() > MAX_NAME || name.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(
                    "a token's name is at most " + MAX_NAME + " characters without control characters");
        }
        return name;
    }

    private static String abbreviate(String text) {
        return text.length() <= MAX_NAME ? text : text.substring(0, MAX_NAME);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static Token token(ResultSet rs) throws SQLException {
        return new Token(
                rs.getString("token_id"),
                Kind.stored(rs.getString("kind")),
                rs.getString("name"),
                Role.of(rs.getString("role")),
                rs.getString("scope"),
                rs.getString("parent_id"),
                rs.getString("created_by"),
                instant(rs, "created_at"),
                instant(rs, "expires_at"),
                instant(rs, "revoked_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
