package org.rencontres.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The JSON Schema of the session document: {@code docs/session-document.schema.json}, copied at build
 * time to the classpath ({@value #RESOURCE}), served at {@value #ADDRESS} and checked here with
 * networknt's validator (draft 2020-12, formats asserted). Each problem keeps its JSON path and becomes a
 * French message of this module by its keyword.
 */
@Component
class SessionSchema {

    static final String RESOURCE = "exchange/session-document.schema.json";
    static final String ADDRESS = "/schemas/session-document.schema.json";

    private final byte[] text;
    private final Schema schema;

    SessionSchema() {
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            this.text = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("The session document's schema is missing from the classpath", e);
        }
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                        .formatAssertionsEnabled(true)
                        .pathType(PathType.JSON_PATH)
                        .locale(Locale.FRENCH)
                        .build()));
        this.schema = registry.getSchema(new String(text, java.nio.charset.StandardCharsets.UTF_8), InputFormat.JSON);
    }

    /** The schema as written in docs/, byte for byte. */
    byte[] text() {
        return text.clone();
    }

    /** What is wrong with the document against the schema; empty when it conforms. */
    List<DocumentProblem> check(JsonNode document) {
        List<DocumentProblem> problems = new ArrayList<>();
        for (Error e : schema.validate(document)) {
            problems.add(problem(e));
        }
        return problems;
    }

    private static DocumentProblem problem(Error e) {
        String path = e.getInstanceLocation().toString();
        Object[] args = e.getArguments() == null ? new Object[0] : e.getArguments();
        String keyword = e.getKeyword() == null ? "" : e.getKeyword();
        return switch (keyword) {
            case "required" -> DocumentProblem.at(path, "exchange.schema.required", arg(args, 0));
            case "additionalProperties" -> DocumentProblem.at(path, "exchange.schema.additional", arg(args, 0));
            case "type" -> DocumentProblem.at(path, "exchange.schema.type", typeName(type(e.getInstanceNode())),
                    typeName(expected(e.getSchemaNode())));
            case "const" -> DocumentProblem.at(path, "exchange.schema.const", arg(args, 0));
            case "enum" -> DocumentProblem.at(path, "exchange.schema.enum", value(e.getInstanceNode()),
                    allowed(e.getSchemaNode()));
            case "minLength" -> DocumentProblem.at(path, "exchange.schema.minLength", arg(args, 0));
            case "maxLength" -> DocumentProblem.at(path, "exchange.schema.maxLength", arg(args, 0));
            case "minimum" -> DocumentProblem.at(path, "exchange.schema.minimum", arg(args, 0));
            case "maximum" -> DocumentProblem.at(path, "exchange.schema.maximum", arg(args, 0));
            case "minItems" -> DocumentProblem.at(path, "exchange.schema.minItems", arg(args, 0));
            case "maxItems" -> DocumentProblem.at(path, "exchange.schema.maxItems", arg(args, 0));
            case "pattern" -> DocumentProblem.at(path, "exchange.schema.pattern", value(e.getInstanceNode()));
            case "format" -> DocumentProblem.at(path, "exchange.schema.format." + format(e.getSchemaNode()),
                    value(e.getInstanceNode()));
            case "dependentRequired" -> DocumentProblem.at(path, "exchange.schema.dependentRequired", arg(args, 0),
                    arg(args, 1));
            default -> DocumentProblem.at(path, "exchange.schema.other", e.getMessage());
        };
    }

    private static String arg(Object[] args, int i) {
        return i < args.length && args[i] != null ? String.valueOf(args[i]) : "";
    }

    /** The JSON type of a value, as the messages name it ("exchange.json.string"…). */
    private static String type(JsonNode node) {
        if (node == null || node.isNull()) {
            return "null";
        }
        if (node.isString()) {
            return "string";
        }
        if (node.isIntegralNumber()) {
            return "integer";
        }
        if (node.isNumber()) {
            return "number";
        }
        if (node.isBoolean()) {
            return "boolean";
        }
        return node.isArray() ? "array" : "object";
    }

    /**
     * The value of the keyword that refused (the validator gives the keyword's value, "string" for
     * {@code "type": "string"}; an older shape gave the schema object holding it: both are read).
     */
    private static JsonNode keywordValue(JsonNode schemaNode, String keyword) {
        if (schemaNode != null && schemaNode.isObject()) {
            return schemaNode.get(keyword);
        }
        return schemaNode;
    }

    /** The type the schema asks for (the first one, when it allows several). */
    private static String expected(JsonNode schemaNode) {
        JsonNode type = keywordValue(schemaNode, "type");
        if (type == null) {
            return "object";
        }
        return type.isArray() && !type.isEmpty() ? type.get(0).asString() : type.asString();
    }

    /** The values an enum allows, as the message lists them: [WELCOME, SPEECH…]. */
    private static String allowed(JsonNode schemaNode) {
        JsonNode values = keywordValue(schemaNode, "enum");
        if (values == null || !values.isArray()) {
            return "";
        }
        List<String> names = new ArrayList<>();
        values.forEach(v -> names.add(v.isString() ? v.asString() : v.toString()));
        return names.toString();
    }

    /** A JSON type's French name, resolved with the page's messages. */
    private static DefaultMessageSourceResolvable typeName(String type) {
        return new DefaultMessageSourceResolvable("exchange.json." + type);
    }

    private static String format(JsonNode schemaNode) {
        JsonNode format = keywordValue(schemaNode, "format");
        String name = format == null || !format.isString() ? "" : format.asString();
        return switch (name) {
            case "date", "date-time", "email" -> name;
            default -> "other";
        };
    }

    /** The value found, shortened for a message. */
    private static String value(JsonNode node) {
        if (node == null) {
            return "";
        }
        String text = node.isString() ? node.asString() : node.toString();
        return text.length() > 80 ? text.substring(0, 77) + "…" : text;
    }
}
