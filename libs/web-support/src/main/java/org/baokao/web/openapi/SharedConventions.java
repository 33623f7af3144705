package org.baokao.web.openapi;

import java.util.List;
import java.util.Map;

import org.baokao.web.security.PublicPaths;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.servers.Server;

/**
 * What every Baokao document shares, the service's own and a group such as the partners' alike:
 * <ul>
 * <li>one relative server, {@code /}: the documents are read through the gateway, and a fixed value keeps the
 * checked-in copies (docs/openapi) free of the random ports of tests;</li>
 * <li>the refusal every endpoint may answer, RFC 9457 problem details ({@code application/problem+json}) with a
 * stable {@code code} and a Chinese {@code detail}, as the shared response {@value #PROBLEM} and each operation's
 * {@code default} response;</li>
 * <li>no token asked on the service's public paths ({@code baokao.security.public-paths});</li>
 * <li>an uploaded file ({@code @RequestParam MultipartFile} on a mapping that names no {@code consumes}) sent as
 * {@code multipart/form-data}, as it must be, where springdoc would say JSON.</li>
 * </ul>
 */
class SharedConventions implements GlobalOpenApiCustomizer {

    /** The name of the problem-details schema and of the shared response. */
    static final String PROBLEM = "Problem";

    private final List<PathPattern> publicPaths;

    SharedConventions(PublicPaths publicPaths) {
        this.publicPaths = publicPaths.publicPaths().stream().map(PathPatternParser.defaultInstance::parse).toList();
    }

    @Override
    public void customise(OpenAPI openApi) {
        openApi.servers(List.of(new Server().url("/").description("经网关访问")));
        if (openApi.getComponents() == null) {
            openApi.components(new Components());
        }
        openApi.getComponents().addSchemas(PROBLEM, problemSchema());
        openApi.getComponents().addResponses(PROBLEM, new ApiResponse()
                .description("拒绝或错误：RFC 9457 问题详情，code 为稳定的错误码，detail 为中文说明")
                .content(new Content().addMediaType(MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                        new io.swagger.v3.oas.models.media.MediaType()
                                .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach((path, item) -> {
            boolean open = isPublic(path);
            item.readOperations().forEach(operation -> {
                addProblemResponse(operation);
                uploadsAsMultipart(operation);
                if (open) {
                    operation.security(List.of()); // overrides the document's bearer requirement
                }
            });
        });
    }

    private boolean isPublic(String path) {
        PathContainer container = PathContainer.parsePath(path);
        return publicPaths.stream().anyMatch(pattern -> pattern.matches(container));
    }

    private static void addProblemResponse(Operation operation) {
        if (operation.getResponses() == null) {
            operation.responses(new ApiResponses());
        }
        operation.getResponses().putIfAbsent("default",
                new ApiResponse().$ref("#/components/responses/" + PROBLEM));
    }

    private static void uploadsAsMultipart(Operation operation) {
        if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
            return;
        }
        Content content = operation.getRequestBody().getContent();
        io.swagger.v3.oas.models.media.MediaType json = content.get(MediaType.APPLICATION_JSON_VALUE);
        if (json != null && content.size() == 1 && carriesFile(json.getSchema())) {
            operation.getRequestBody().content(new Content().addMediaType(MediaType.MULTIPART_FORM_DATA_VALUE, json));
        }
    }

    private static boolean carriesFile(Schema<?> schema) {
        return schema != null && schema.getProperties() != null && schema.getProperties().values().stream()
                .anyMatch(property -> "binary".equals(property.getFormat()));
    }

    @SuppressWarnings("rawtypes")
    private static Schema<?> problemSchema() {
        Map<String, Schema> properties = Map.of(
                "type", new StringSchema().format("uri").description("urn:baokao:problem:<code>"),
                "title", new StringSchema().description("HTTP 状态的英文短语"),
                "status", new IntegerSchema().description("HTTP 状态码"),
                "detail", new StringSchema().description("给用户看的中文说明"),
                "instance", new StringSchema().format("uri").description("出错的请求路径"),
                "code", new StringSchema().description("稳定的错误码，客户端据此判断，如 FORBIDDEN、SCOPE_MISSING"));
        ObjectSchema schema = new ObjectSchema();
        schema.description("RFC 9457 问题详情；个别拒绝另有字段（如 field、violations）");
        schema.setProperties(new java.util.TreeMap<>(properties));
        schema.required(List.of("code", "detail", "status"));
        return schema;
    }
}
