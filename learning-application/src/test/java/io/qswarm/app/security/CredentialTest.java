package io.qswarm.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import org.junit.jupiter.api.Test;

class CredentialTest {

    private final SecureRandom random = new SecureRandom();

    @Test
    void aGeneratedCredentialParsesBackToItselfAndMatchesOnlyItsOwnHash() {
        Credential token = Credential.generate(ApiTokens.Kind.TOKEN, random);
        Credential other = Credential.generate(ApiTokens.Kind.TOKEN, random);

        assertThat(token.text()).startsWith("qsw_").hasSize(60);
        assertThat(Credential.parse(token.text())).contains(token);
        assertThat(token.matches(token.hash())).isTrue();
        assertThat(token.matches(other.hash())).isFalse();
        assertThat(token.hash()).hasSize(64).doesNotContain(token.secret());
        assertThat(token.toString()).doesNotContain(token.secret());
    }

    @Test
    void eachKindHasItsPrefixAndIdsAndSecretsDoNotRepeat() {
        assertThat(Credential.generate(ApiTokens.Kind.SESSION, random).text()).startsWith("qss_");
        assertThat(Credential.generate(ApiTokens.Kind.LOGIN_CODE, random).text())
                .startsWith("qsl_");
        var ids = new HashSet<String>();
        var secrets = new HashSet<String>();
        for (int i = 0; i < 1000; i++) {
            Credential credential = Credential.generate(ApiTokens.Kind.TOKEN, random);
            ids.add(credential.id());
            secrets.add(credential.secret());
        }
        assertThat(ids).hasSize(1000);
        assertThat(secrets).hasSize(1000);
    }

    @Test
    void textThatIsNotAWellFormedCredentialDoesNotParse() {
        String good = Credential.generate(ApiTokens.Kind.TOKEN, random).text();
        assertThat(Credential.parse(null)).isEmpty();
        assertThat(Credential.parse("")).isEmpty();
        assertThat(Credential.parse(good.substring(1))).isEmpty();
        assertThat(Credential.parse(good + "x")).isEmpty();
        assertThat(Credential.parse(good.replace("qsw_", "qsx_"))).isEmpty();
        assertThat(Credential.parse("qsw_AAAAAAAAAAAA_" + "A".repeat(43)))
                .as("upper case is not in the id's alphabet")
                .isEmpty();
        assertThat(Credential.parse("qsw_aaaaaaaaaaaa_" + "A".repeat(42) + "!")).isEmpty();
        assertThat(Credential.looksLikeOne("qsw_whatever")).isTrue();
        assertThat(Credential.looksLikeOne("eyJhbGciOi")).isFalse();
    }
}
