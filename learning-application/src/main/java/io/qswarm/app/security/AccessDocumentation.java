package io.qswarm.app.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/**
 * Writes the access rules into the OpenAPI document: the two ways to authenticate (a bearer token, the session
 * cookie), and on every operation who may call it ({@code x-qswarm-access}, a line of its description) with its 401 and
 * 403 problems. Taken from {@link AccessRules}, so the document cannot drift from what the filter chain enforces.
 */
@Component
class AccessDocumentation implements OpenApiCustomizer {

    static final String TOKEN = "token";
    static final String SESSION = "session";

    @Override
    public void customise(OpenAPI openApi) {
        Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
        components.addSecuritySchemes(
                TOKEN,
                new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .description("An API token (qsw_...): ./qswarm token create, or the admin token shown at"
                                + " the first start"));
        components.addSecuritySchemes(
                SESSION,
                new SecurityScheme()
                        .type(SecurityScheme.Type.APIKEY)
                        .in(SecurityScheme.In.COOKIE)
                        .name(CredentialAuthentication.SESSION_COOKIE)
                        .description("A browser session (POST /api/v1/session or a login link); writes also send"
                                + " the X-XSRF-TOKEN header"));
        openApi.setComponents(components);
        openApi.setSecurity(
                List.of(new SecurityRequirement().addList(TOKEN), new SecurityRequirement().addList(SESSION)));
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((method, operation) -> document(path, method, operation)));
    }

    private static void document(String path, PathItem.HttpMethod method, Operation operation) {
        Optional<AccessRules.Rule> rule = AccessRules.ruleFor(HttpMethod.valueOf(method.name()), path);
        var access = new LinkedHashMap<String, Object>();
        if (rule.isPresent() && rule.get().open()) {
            access.put("open", true);
            operation.setSecurity(List.of());
            describe(operation, "Access: open, no credential needed.");
        } else {
            AccessRules.Rule row = rule.orElse(AccessRules.UNLISTED);
            access.put("open", false);
            access.put("roles", row.describeRoles().split(", "));
            access.put("agents", row.agents().name());
            access.put("peers", row.peers().name());
            describe(operation, "Access: " + row.describeRoles() + scopes(row) + ".");
            operation
                    .getResponses()
                    .addApiResponse("401", problem("unauthorized: no credential, or one unknown, revoked or expired"))
                    .addApiResponse("403", problem("forbidden: the credential's role or scope does not pass"));
        }
        operation.addExtension("x-qswarm-access", access);
    }

    private static String scopes(AccessRules.Rule rule) {
        String agents =
                switch (rule.agents()) {
                    case NONE -> "";
                    case SELF -> "";
                    case OWN_TABLE -> " (an agent: its own tables only)";
                    case CHECKED_BY_THE_TABLE -> " (an agent: its own tables only, checked by the table)";
                };
        String peers =
                switch (rule.peers()) {
                    case NONE, SELF, ANY_REGISTERED_PEER -> "";
                    case PACKET_SENDER -> " (a peer: packets signed in its own name only)";
                };
        return agents + peers;
    }

    private static void describe(Operation operation, String line) {
        String description = operation.getDescription();
        operation.setDescription(description == null || description.isBlank() ? line : description + "\n\n" + line);
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse()
                .description(description)
                .content(new Content()
                        .addMediaType(
                                "application/problem+json",
                                new MediaType().schema(new Schema<Map<String, Object>>().type("object"))));
    }
}
