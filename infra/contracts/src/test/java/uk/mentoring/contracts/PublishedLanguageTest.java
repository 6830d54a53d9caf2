package uk.mentoring.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import uk.mentoring.contracts.pairing.MenteeEnrolled;

/**
 * Guards the published language: every event type has a schema and a sample, the sample is
 * valid and decodes into the record exactly, the record and the schema name the same fields, a
 * schema once published is never edited in place, and personal data travels sealed from version 2
 * on.
 */
class PublishedLanguageTest {

    /** Strict, as a consumer that wants to notice a broken contract would be. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);

    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    /** A name, as a client would send it before sealing; no personal field may carry it as it is. */
    private static final String PLAIN_TEXT = "Tom Whitfield";

    private static final String SEALED_REF = "#/$defs/sealed";

    static Iterable<EventType> eventTypes() {
        return PublishedLanguage.all();
    }

    /** Version 1 predates sealing; every later version seals personal data. */
    static Stream<EventType> sealedEventTypes() {
        return PublishedLanguage.all().stream().filter(type -> type.version() >= 2);
    }

    static Stream<Class<? extends MentoringEvent>> eventRecords() {
        return PublishedLanguage.all().stream().<Class<? extends MentoringEvent>>map(EventType::javaType).distinct();
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
    void a_sealed_reflection_must_still_carry_every_section_of_its_model() throws IOException {
        EventType submitted = PublishedLanguage.byCloudEventType("uk.mentoring.reflection.ReflectionSubmitted.v2").orElseThrow();
        JsonSchema schema = schemaOf(submitted);
        String sealed = sampleOf(submitted).get("sections").elements().next().asText();
        for (ReflectionModel model : ReflectionModel.values()) {
            ObjectNode reflection = (ObjectNode) sampleOf(submitted).deepCopy();
            reflection.put("model", model.name());
            ObjectNode sections = reflection.putObject("sections");
            model.sections().forEach(section -> sections.put(section, sealed));
            assertThat(schema.validate(reflection)).as("all sections of %s, sealed", model).isEmpty();

            sections.remove(model.sections().get(model.sections().size() - 1));
            sections.put("somethingElse", sealed);
            assertThat(schema.validate(reflection)).as("%s without its last section", model).isNotEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sealedEventTypes")
    void sealed_schema_refuses_plain_text_and_accepts_erased_in_every_personal_field(EventType type) throws IOException {
        JsonSchema schema = schemaOf(type);
        JsonNode sample = sampleOf(type);
        Set<String> personal = personalFields(type.javaType());
        assertThat(personal).as("personal fields of %s", type.name()).isNotEmpty();

        for (String field : personal) {
            assertThat(schema.validate(withFirstText(sample, field, PLAIN_TEXT)))
                    .as("%s with %s in plain text", type.cloudEventType(), field).isNotEmpty();
            assertThat(schema.validate(withFirstText(sample, field, SealedText.ERASED)))
                    .as("%s with %s erased", type.cloudEventType(), field).isEmpty();
        }
    }

    /**
     * The annotation is what services seal by, the schema is what consumers check by: a personal
     * field the schema let through in plain text, or a sealed one the services left plain, would
     * break the promise that forgetting a person leaves nothing of them readable.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("eventRecords")
    void personal_fields_are_exactly_the_fields_the_schema_seals(Class<? extends MentoringEvent> record) throws IOException {
        Set<String> personal = personalFields(record);
        List<EventType> versions = PublishedLanguage.all().stream().filter(type -> type.javaType() == record).toList();

        for (EventType type : versions) {
            if (type.version() >= 2) {
                assertThat(sealedProperties(type)).as("sealed properties of %s", type.cloudEventType()).isEqualTo(personal);
            }
        }
        assertThat(sealedProperties(PublishedLanguage.of(record)))
                .as("sealed properties of %s, as published", record.getSimpleName()).isEqualTo(personal);
        boolean hasVersion2 = versions.stream().anyMatch(type -> type.version() == 2);
        assertThat(hasVersion2).as("%s has a version 2 exactly when it carries personal data", record.getSimpleName())
                .isEqualTo(!personal.isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sealedEventTypes")
    void samples_are_sealed_by_their_publisher_with_the_key_of_their_owner(EventType type) throws IOException {
        MentoringEvent event = JSON.treeToValue(sampleOf(type), type.javaType());
        UUID owner = event.personalDataOwner().orElseThrow();
        String sealedBy = SealedText.PREFIX + type.publisher().shortName() + "." + owner + ".";

        assertThat(personalTexts(event)).as("personal values of the %s sample", type.cloudEventType())
                .isNotEmpty()
                .allSatisfy(text -> {
                    assertThat(SealedText.isSealed(text)).as(text).isTrue();
                    assertThat(text).startsWith(sealedBy);
                });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sealedEventTypes")
    void schemas_and_records_agree_on_what_sealed_text_looks_like(EventType type) throws IOException {
        String sealed = SealedText.PATTERN.pattern();
        String sealedOrErased = "^(" + sealed.substring(1, sealed.length() - 1) + "|\\[erased\\])$";
        JsonNode definition = JSON.readTree(resource(type.schemaResource())).at("/$defs/sealed");

        assertThat(definition.path("type").asText()).isEqualTo("string");
        assertThat(definition.path("pattern").asText()).as("sealed text in %s", type.schemaResource()).isEqualTo(sealedOrErased);
        assertThat(SealedText.ERASED).isEqualTo("[erased]");
    }

    @Test
    void a_record_is_published_in_its_latest_version_and_read_in_every_version() throws IOException {
        EventType published = PublishedLanguage.of(MenteeEnrolled.class);
        assertThat(published.version()).isEqualTo(2);
        assertThat(published.cloudEventType()).isEqualTo("uk.mentoring.pairing.MenteeEnrolled.v2");

        EventType before = PublishedLanguage.byCloudEventType("uk.mentoring.pairing.MenteeEnrolled.v1").orElseThrow();
        assertThat(before.version()).isEqualTo(1);
        assertThat(before.javaType()).isEqualTo(MenteeEnrolled.class);
        MenteeEnrolled onTheTopicAlready = JSON.treeToValue(sampleOf(before), MenteeEnrolled.class);
        assertThat(onTheTopicAlready.displayName()).isEqualTo(PLAIN_TEXT);

        MenteeEnrolled enrolled = JSON.treeToValue(sampleOf(published), MenteeEnrolled.class);
        assertThat(PublishedLanguage.of(enrolled)).isEqualTo(published);
        assertThat(CloudEventAttributes.of("e-1", Instant.parse("2026-09-01T08:00:00Z"), enrolled).type())
                .isEqualTo("uk.mentoring.pairing.MenteeEnrolled.v2");

        eventRecords().forEach(record -> assertThat(PublishedLanguage.of(record).version())
                .as("published version of %s", record.getSimpleName())
                .isEqualTo(PublishedLanguage.all().stream().filter(type -> type.javaType() == record)
                        .max(Comparator.comparingInt(EventType::version)).orElseThrow().version()));
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

    private static Set<String> personalFields(Class<?> record) {
        return Arrays.stream(record.getRecordComponents())
                .filter(component -> component.isAnnotationPresent(PersonalData.class))
                .map(RecordComponent::getName)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Properties whose text is sealed: the value itself, each item of a list, or each value of a map. */
    private static Set<String> sealedProperties(EventType type) throws IOException {
        JsonNode properties = JSON.readTree(resource(type.schemaResource())).get("properties");
        Set<String> sealed = new TreeSet<>();
        properties.fields().forEachRemaining(property -> {
            JsonNode definition = property.getValue();
            if (SEALED_REF.equals(definition.path("$ref").asText())
                    || SEALED_REF.equals(definition.path("items").path("$ref").asText())
                    || SEALED_REF.equals(definition.path("additionalProperties").path("$ref").asText())) {
                sealed.add(property.getKey());
            }
        });
        return sealed;
    }

    /** The sample with the field's text, or its first item's or first value's, replaced. */
    private static JsonNode withFirstText(JsonNode sample, String field, String text) {
        ObjectNode changed = (ObjectNode) sample.deepCopy();
        JsonNode value = changed.get(field);
        if (value.isTextual()) {
            changed.put(field, text);
        } else if (value.isArray() && !value.isEmpty()) {
            ((ArrayNode) value).set(0, TextNode.valueOf(text));
        } else if (value.isObject() && !value.isEmpty()) {
            ((ObjectNode) value).put(value.fieldNames().next(), text);
        } else {
            fail("the sample has no text in %s to replace", field);
        }
        return changed;
    }

    private static List<String> personalTexts(MentoringEvent event) {
        List<String> texts = new ArrayList<>();
        for (RecordComponent component : event.getClass().getRecordComponents()) {
            if (!component.isAnnotationPresent(PersonalData.class)) {
                continue;
            }
            Object value;
            try {
                value = component.getAccessor().invoke(event);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            if (value instanceof String text) {
                texts.add(text);
            } else if (value instanceof List<?> items) {
                items.forEach(item -> texts.add((String) item));
            } else if (value instanceof Map<?, ?> sections) {
                sections.values().forEach(section -> texts.add((String) section));
            } else {
                fail("%s.%s is personal but holds no text", event.getClass().getSimpleName(), component.getName());
            }
        }
        return texts;
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
