package org.newsroom.article.ninjs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

import org.newsroom.article.support.SeedData;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/** The IPTC ninjs 3.1 JSON Schema from ../shared, as a JSON Schema 2020-12 validator that asserts formats. */
public final class NinjsSchema {

    private static JsonSchema schema;

    private NinjsSchema() {
    }

    /** Validation errors of a document, as text; empty when it is valid. */
    public static String errors(JsonNode document) {
        Set<ValidationMessage> messages = schema().validate(document);
        return messages.stream().map(ValidationMessage::toString).sorted().collect(Collectors.joining("\n"));
    }

    private static synchronized JsonSchema schema() {
        if (schema == null) {
            Path file = SeedData.dir().resolve("ninjs/ninjs-schema_3.1.json");
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                    .formatAssertionsEnabled(true)
                    .preloadJsonSchema(false)
                    .build();
            try (InputStream in = Files.newInputStream(file)) {
                schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + file, e);
            }
        }
        return schema;
    }
}
