package uk.mentoring.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Guards the published language: every event type has a schema and a sample, the sample is
 * valid and decodes into the record exactly, the record and the schema name the same fields, and
 * a schema once published is never edited in place.
 */
class PublishedLanguageTest {

    /** Strict, as a consumer that wants to notice a broken contract would be. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);

    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    static Iterable<EventType> eventTypes() {
        return PublishedLanguage.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void sample_is_valid_against_its_schema(EventType type) throws IOException {
        JsonSchema schema = schemaOf(type);
        Set<ValidationMessage> problems = schema.validate(sampleOf(type));
        assertThat(problems).as("sample of %s against its schema", type.cloudEventType()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void sample_decodes_into_the_record_and_back_unchanged(EventType type) throws IOException {
        JsonNode sample = sampleOf(type);
        MentoringEvent event = JSON.treeToValue(sample, type.javaType());
        JsonNode reencoded = JSON.valueToTree(event);
        assertThat(reencoded).as("re-encoded %s", type.name()).isEqualTo(sample);
        assertThat(event.subject()).isNotNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void record_and_schema_name_the_same_fields(EventType type) throws IOException {
        JsonNode schema = JSON.readTree(resource(type.schemaResource()));
        Set<String> schemaFields = new TreeSet<>();
        schema.get("properties").fieldNames().forEachRemaining(schemaFields::add);
        Set<String> required = new TreeSet<>();
        schema.get("required").forEach(field -> required.add(field.asText()));
        Set<String> recordFields = Arrays.stream(type.javaType().getRecordComponents())
                .map(component -> component.getName())
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(schemaFields).as("schema properties of %s", type.name()).isEqualTo(recordFields);
        assertThat(required).as("required fields of %s", type.name()).isEqualTo(recordFields);
        assertThat(schema.get("additionalProperties").asBoolean(true)).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void schema_rejects_data_that_breaks_the_contract(EventType type) throws IOException {
        JsonSchema schema = schemaOf(type);
        JsonNode sample = sampleOf(type);

        var withUnknownField = sample.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) withUnknownField).put("unexpected", "field");
        assertThat(schema.validate(withUnknownField)).isNotEmpty();

        var withoutFirstField = sample.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) withoutFirstField).remove(sample.fieldNames().next());
        assertThat(schema.validate(withoutFirstField)).isNotEmpty();
    }

    @Test
    void a_reflection_must_carry_every_section_of_its_model() throws IOException {
        EventType submitted = PublishedLanguage.byCloudEventType("uk.mentoring.reflection.ReflectionSubmitted.v1").orElseThrow();
        JsonSchema schema = schemaOf(submitted);
        for (ReflectionModel model : ReflectionModel.values()) {
            com.fasterxml.jackson.databind.node.ObjectNode reflection = (com.fasterxml.jackson.databind.node.ObjectNode) sampleOf(submitted).deepCopy();
            reflection.put("model", model.name());
            com.fasterxml.jackson.databind.node.ObjectNode sections = reflection.putObject("sections");
            model.sections().forEach(section -> sections.put(section, "written"));
            assertThat(schema.validate(reflection)).as("all sections of %s", model).isEmpty();

            sections.remove(model.sections().get(model.sections().size() - 1));
            sections.put("somethingElse", "written");
            assertThat(schema.validate(reflection)).as("%s without its last section", model).isNotEmpty();
        }
    }

    @Test
    void every_event_record_is_in_the_published_language() {
        Set<Class<?>> catalogued = PublishedLanguage.all().stream().map(EventType::javaType).collect(Collectors.toSet());
        com.tngtech.archunit.core.domain.JavaClasses classes = new com.tngtech.archunit.core.importer.ClassFileImporter()
                .withImportOption(com.tngtech.archunit.core.importer.ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("uk.mentoring.contracts");
        Set<Class<?>> events = classes.stream()
                .filter(javaClass -> javaClass.isAssignableTo(MentoringEvent.class) && !javaClass.isInterface())
                .map(javaClass -> (Class<?>) javaClass.reflect())
                .collect(Collectors.toSet());
        assertThat(catalogued).isEqualTo(events);
    }

    @Test
    void cloud_event_types_are_unique_and_versioned() {
        assertThat(PublishedLanguage.all()).extracting(EventType::cloudEventType)
                .doesNotHaveDuplicates()
                .allMatch(type -> type.matches("uk\\.mentoring\\.[a-z]+\\.[A-Z][A-Za-z]+\\.v[0-9]+"));
        PublishedLanguage.all().forEach(type ->
                assertThat(PublishedLanguage.byCloudEventType(type.cloudEventType())).contains(type));
    }

    /**
     * A published schema is frozen: consumers in production rely on it. Changing one means adding
     * a new version beside it (and an upcaster), then recording the new file's hash here.
     */
    @Test
    void published_schemas_are_never_edited_in_place() throws IOException {
        Map<String, String> recorded = new LinkedHashMap<>();
        for (String line : new String(resource("/published-schemas.sha256").readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] parts = line.trim().split("\\s+");
                recorded.put(parts[1], parts[0]);
            }
        }
        for (EventType type : PublishedLanguage.all()) {
            String actual = sha256(resource(type.schemaResource()).readAllBytes());
            String expected = recorded.get(type.schemaResource());
            if (expected == null) {
                fail("%s is new: record its hash in published-schemas.sha256 as '%s  %s'",
                        type.schemaResource(), actual, type.schemaResource());
            }
            assertThat(actual)
                    .as("%s was edited after publication; publish a new version instead", type.schemaResource())
                    .isEqualTo(expected);
        }
    }

    private static JsonSchema schemaOf(EventType type) throws IOException {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        return SCHEMAS.getSchema(resource(type.schemaResource()), config);
    }

    private static JsonNode sampleOf(EventType type) throws IOException {
        return JSON.readTree(resource(type.sampleResource()));
    }

    private static InputStream resource(String path) {
        InputStream stream = PublishedLanguageTest.class.getResourceAsStream(path);
        if (stream == null) {
            fail("missing " + path);
        }
        return stream;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
