package io.qswarm.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class AccessRulesTest {

    private static AccessRules.Rule rule(org.springframework.http.HttpMethod method, String path) {
        return AccessRules.ruleFor(method, path).orElseThrow(() -> new AssertionError("no rule: " + method + path));
    }

    @Test
    void registeringOrReKeyingAPeerIsAnOperatorsAndPacketsArePeersInTheirOwnName() {
        assertThat(rule(POST, "/api/v1/federation/peers").roles()).containsExactly(Role.OPERATOR);
        assertThat(rule(PUT, "/api/v1/federation/peers/{peerId}").roles()).containsExactly(Role.OPERATOR);
        for (String inbound : new String[] {"knowledge-requests", "contributions", "merges"}) {
            AccessRules.Rule packets = rule(POST, "/api/v1/federation/" + inbound);
            assertThat(packets.roles()).containsExactly(Role.PEER);
            assertThat(packets.peers()).isEqualTo(AccessRules.PeerScope.PACKET_SENDER);
        }
    }

    @Test
    void agentsWriteWhereTheTableChecksAndReadWhereTheReadModelKnowsTheOwner() {
        assertThat(rule(POST, "/api/v1/tables").agents()).isEqualTo(AccessRules.AgentScope.CHECKED_BY_THE_TABLE);
        assertThat(rule(POST, "/api/v1/tables/{tableId}/experiences").agents())
                .isEqualTo(AccessRules.AgentScope.CHECKED_BY_THE_TABLE);
        assertThat(rule(GET, "/api/v1/tables/{tableId}/confidence/stream").agents())
                .isEqualTo(AccessRules.AgentScope.OWN_TABLE);
        assertThat(rule(POST, "/api/v1/tables/{tableId}/merges").admits(Role.AGENT))
                .isFalse();
        assertThat(rule(GET, "/api/v1/tables/{tableId}/as-of").roles()).containsExactly(Role.AUDITOR);
        assertThat(rule(GET, "/api/v1/tables").admits(Role.AGENT)).isFalse();
    }

    @Test
    void adminPassesEveryRowAndHealthAndTheDocumentAreOpen() {
        AccessRules.RULES.forEach(
                row -> assertThat(row.admits(Role.ADMIN)).as("%s", row).isTrue());
        assertThat(rule(GET, "/actuator/health/liveness").open()).isTrue();
        assertThat(rule(GET, "/v3/api-docs").open()).isTrue();
        assertThat(rule(GET, "/actuator/prometheus").open()).isFalse();
        assertThat(rule(DELETE, "/api/v1/tokens/{tokenId}").roles()).isEmpty();
    }

    @Test
    void aRequestNoRowMatchesIsLeftToTheUnlistedRow() {
        assertThat(AccessRules.ruleFor(PUT, "/api/v1/tables/{tableId}")).isEmpty();
        assertThat(AccessRules.ruleFor(new MockHttpServletRequest("PATCH", "/api/v1/tables/t")))
                .isEmpty();
        assertThat(AccessRules.UNLISTED.admits(Role.OPERATOR)).isFalse();
        assertThat(AccessRules.ruleFor(new MockHttpServletRequest("GET", "/api/v1/tables/t/entries")))
                .map(AccessRules.Rule::pattern)
                .contains("/api/v1/tables/{tableId}/**");
    }

    @Test
    void anAgentOrPeerRowNeedsItsScopeRule() {
        assertThatThrownBy(() -> new AccessRules.Rule(
                        GET,
                        "/x",
                        EnumSet.of(Role.AGENT),
                        AccessRules.AgentScope.NONE,
                        AccessRules.PeerScope.NONE,
                        false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AccessRules.Rule(
                        GET, "/x", Set.of(), AccessRules.AgentScope.NONE, AccessRules.PeerScope.PACKET_SENDER, false))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
