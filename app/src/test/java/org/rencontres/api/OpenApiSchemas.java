package org.rencontres.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;

/**
 * Compares JSON answers with the schemas of an OpenAPI document: exactly the documented properties, the required
 * ones not null, down every nested object and array; counts the properties compared, so that a test can check the
 * walk found schemas at all.
 */
final class OpenApiSchemas {

    private final JsonNode document;
    private int checked;

    OpenApiSchemas(JsonNode document) {
        this.document = document;
    }

    int checked() {
        return checked;
    }

    /** The value has exactly the schema's properties, its required ones not null; nested objects likewise. */
    void conforms(JsonNode value, JsonNode schema, String where) {
        schema = resolve(schema);
        if (value == null || value.isNull()) {
            return;
        }
        if (schema.has("properties")) {
            assertThat(value.isObject()).as(where).isTrue();
            Set<String> documented = new TreeSet<>(schema.get("properties").propertyNames());
            Set<String> present = new TreeSet<>(value.propertyNames());
            assertThat(present).as("properties of %s", where).isEqualTo(documented);
            Set<String> required = new HashSet<>();
            schema.path("required").forEach(r -> required.add(r.asString()));
            for (String name : documented) {
                checked++;
                if (required.contains(name)) {
                    assertThat(value.get(name).isNull()).as("%s.%s is required", where, name).isFalse();
                }
                conforms(value.get(name), schema.get("properties").get(name), where + "." + name);
            }
        } else if (schema.has("items")) {
            assertThat(value.isArray()).as(where).isTrue();
            int i = 0;
            for (JsonNode element : value) {
                conforms(element, schema.get("items"), where + "[" + i++ + "]");
            }
        }
    }

    JsonNode resolve(JsonNode schema) {
        while (schema.has("$ref")) {
            String name = schema.get("$ref").asString().substring("#/components/schemas/".length());
            schema = document.get("components").get("schemas").get(name);
        }
        return schema;
    }
}
