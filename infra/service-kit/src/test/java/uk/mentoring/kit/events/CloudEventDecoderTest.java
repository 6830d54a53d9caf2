package uk.mentoring.kit.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.message.Encoding;
import io.cloudevents.jackson.JsonCloudEventData;
import io.cloudevents.jackson.JsonFormat;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.cloudevents.kafka.CloudEventSerializer;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import uk.mentoring.contracts.CloudEventAttributes;
import uk.mentoring.contracts.EventType;
import uk.mentoring.contracts.MenteeStage;
import uk.mentoring.contracts.PublishedLanguage;
import uk.mentoring.contracts.RecordedBy;
import uk.mentoring.contracts.pairing.MenteeEnrolled;

/**
 * An event read from a Kafka record as the publishers write it (structured) and as another
 * publisher might (binary): the same data either way, and data that does not fit its type refused.
 */
class CloudEventDecoderTest {

    private static final String TOPIC = "mentoring.pairing.v1";
    private static final String ENROLLED_TYPE = PublishedLanguage.of(MenteeEnrolled.class).cloudEventType();

    private static final MenteeEnrolled ENROLLED = new MenteeEnrolled(UUID.randomUUID(), UUID.randomUUID(), "Zoë Ó Briain", "t.w@example.org",
            MenteeStage.ECT_YEAR_1, List.of("Chess", "Cycling"));
    private static final String ENROLLED_JSON = "{\"menteeId\":\"" + ENROLLED.menteeId() + "\",\"schoolId\":\"" + ENROLLED.schoolId()
            + "\",\"displayName\":\"Zoë Ó Briain\",\"email\":\"t.w@example.org\",\"stage\":\"ECT_YEAR_1\",\"interests\":[\"Chess\",\"Cycling\"]}";

    @Test
    void the_data_of_a_structured_event_is_read_from_its_parsed_tree_and_equals_that_of_a_binary_one() throws Exception {
        CloudEvent structured = throughKafka(event(EventJson.mapper().writeValueAsBytes(ENROLLED)), Encoding.STRUCTURED);
        CloudEvent binary = throughKafka(event(EventJson.mapper().writeValueAsBytes(ENROLLED)), Encoding.BINARY);
        assertThat(structured.getData()).as("the path this reads from a tree").isInstanceOf(JsonCloudEventData.class);
        assertThat(binary.getData()).isNotInstanceOf(JsonCloudEventData.class);

        ReceivedEvent fromTree = CloudEventDecoder.decode(structured, Optional.of("correlation-1")).orElseThrow();
        ReceivedEvent fromBytes = CloudEventDecoder.decode(binary, Optional.empty()).orElseThrow();
        assertThat(fromTree.data()).isEqualTo(ENROLLED).isEqualTo(fromBytes.data());
        assertThat(fromTree.id()).isEqualTo(structured.getId());
        assertThat(fromTree.correlationId()).contains("correlation-1");
    }

    @Test
    void every_event_type_of_the_published_language_reads_the_same_from_either_form() throws Exception {
        for (EventType type : PublishedLanguage.all()) {
            byte[] sample;
            try (InputStream in = EventType.class.getResourceAsStream(type.sampleResource())) {
                assertThat(in).as("sample of %s", type.cloudEventType()).isNotNull();
                sample = in.readAllBytes();
            }
            CloudEvent structured = throughKafka(event(type, sample), Encoding.STRUCTURED);
            CloudEvent binary = throughKafka(event(type, sample), Encoding.BINARY);
            Object fromTree = CloudEventDecoder.decode(structured, Optional.empty()).orElseThrow().data();
            Object fromBytes = CloudEventDecoder.decode(binary, Optional.empty()).orElseThrow().data();
            assertThat(fromTree).as("%s", type.cloudEventType()).isInstanceOf(type.javaType()).isEqualTo(fromBytes);
        }
        assertThat(PublishedLanguage.all()).hasSizeGreaterThan(20);
    }

    @Test
    void who_recorded_an_event_reads_the_same_from_either_form_and_an_event_nobody_recorded_names_nobody() throws Exception {
        UUID lead = UUID.randomUUID();
        RecordedBy schoolLead = new RecordedBy(Optional.of(lead), List.of("SCHOOL_LEAD", "MENTOR"));
        PublishedEvent named = new PublishedEvent(CloudEventAttributes.of("event-1", Instant.parse("2026-11-27T09:00:00Z"), ENROLLED)
                .recordedBy(Optional.of(schoolLead)), EventJson.mapper().writeValueAsBytes(ENROLLED));
        assertThat(named.toCloudEvent().getExtension("actorid")).isEqualTo(lead.toString());
        assertThat(named.toCloudEvent().getExtension("actorroles")).as("in alphabetical order").isEqualTo("MENTOR,SCHOOL_LEAD");
        for (Encoding encoding : List.of(Encoding.STRUCTURED, Encoding.BINARY)) {
            Published record = published(named.toCloudEvent(), encoding);
            ReceivedEvent direct = CloudEventDecoder.decode(TOPIC, record.headers(), record.value(), Optional.empty()).orElseThrow();
            assertThat(direct.recordedBy()).as("%s", encoding).contains(schoolLead);
            assertThat(CloudEventDecoder.decode(record.read(), Optional.empty()).orElseThrow()).isEqualTo(direct);
        }
        PublishedEvent nobody = new PublishedEvent(CloudEventAttributes.of("event-2", Instant.parse("2026-11-27T09:00:00Z"), ENROLLED),
                EventJson.mapper().writeValueAsBytes(ENROLLED));
        Published record = published(nobody.toCloudEvent(), Encoding.STRUCTURED);
        assertThat(CloudEventDecoder.decode(TOPIC, record.headers(), record.value(), Optional.empty()).orElseThrow().recordedBy()).isEmpty();
        assertThat(RecordedBy.of("not a person", "mentor, HEAD OF SCHOOL")).as("nothing that is a person or a role").isEmpty();
        assertThat(RecordedBy.of(null, "MENTOR")).contains(new RecordedBy(Optional.empty(), List.of("MENTOR")));
    }

    @Test
    void null_data_is_refused_as_unreadable_not_retried() {
        CloudEvent arrived = throughKafka(event(PublishedLanguage.of(MenteeEnrolled.class), "null".getBytes(StandardCharsets.UTF_8)), Encoding.STRUCTURED);
        assertThatThrownBy(() -> CloudEventDecoder.decode(arrived, Optional.empty())).isInstanceOf(CloudEventDecoder.UnreadableEventException.class);
    }

    @Test
    void data_that_does_not_fit_its_type_is_refused_whichever_form_it_came_in() throws Exception {
        byte[] wrong = ("{\"menteeId\":\"" + ENROLLED.menteeId() + "\",\"schoolId\":\"not a school\",\"stage\":\"TRAINEE\"}").getBytes(StandardCharsets.UTF_8);
        for (Encoding encoding : List.of(Encoding.STRUCTURED, Encoding.BINARY)) {
            CloudEvent arrived = throughKafka(event(wrong), encoding);
            assertThatThrownBy(() -> CloudEventDecoder.decode(arrived, Optional.empty())).as("%s", encoding)
                    .isInstanceOf(CloudEventDecoder.UnreadableEventException.class).hasMessageContaining("does not fit");
        }
    }

    @Test
    void a_record_read_in_one_pass_gives_the_event_the_cloudevents_reader_gives_for_every_type_and_form() throws Exception {
        for (EventType type : PublishedLanguage.all()) {
            byte[] sample;
            try (InputStream in = EventType.class.getResourceAsStream(type.sampleResource())) {
                sample = in.readAllBytes();
            }
            for (Encoding encoding : List.of(Encoding.STRUCTURED, Encoding.BINARY)) {
                Published record = published(event(type, sample), encoding);
                ReceivedEvent direct = CloudEventDecoder.decode(TOPIC, record.headers(), record.value(), Optional.of("correlation-1")).orElseThrow();
                ReceivedEvent throughReader = CloudEventDecoder.decode(record.read(), Optional.of("correlation-1")).orElseThrow();
                assertThat(direct).as("%s %s", type.cloudEventType(), encoding).isEqualTo(throughReader);
            }
            Published structured = published(event(type, sample), Encoding.STRUCTURED);
            assertThat(CloudEventDecoder.readPlainStructured(structured.value(), Optional.empty()))
                    .as("%s as the publishers write it, read in one pass", type.cloudEventType()).isPresent();
        }
    }

    @Test
    void a_structured_record_reads_in_one_pass_whatever_the_order_of_its_attributes_and_whatever_extensions_it_carries() {
        ReceivedEvent expected = new ReceivedEvent("event-1", ENROLLED_TYPE, Instant.parse("2026-11-27T09:00:00Z"), ENROLLED, Optional.empty());
        for (String json : List.of(
                "{\"specversion\":\"1.0\",\"id\":\"event-1\",\"source\":\"/pairing-service\",\"type\":\"" + ENROLLED_TYPE
                        + "\",\"time\":\"2026-11-27T09:00:00Z\",\"datacontenttype\":\"application/json\",\"data\":" + ENROLLED_JSON + "}",
                "{\"data\":" + ENROLLED_JSON + ",\"time\":\"2026-11-27T10:00:00+01:00\",\"type\":\"" + ENROLLED_TYPE
                        + "\",\"source\":\"/pairing-service\",\"id\":\"event-1\",\"specversion\":\"1.0\"}",
                "{\"specversion\":\"1.0\",\"traceparent\":\"00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01\",\"id\":\"event-1\","
                        + "\"source\":\"/pairing-service\",\"subject\":\"someone\",\"type\":\"" + ENROLLED_TYPE
                        + "\",\"time\":\"2026-11-27T09:00:00.000Z\",\"data\":" + ENROLLED_JSON + "}")) {
            byte[] value = json.getBytes(StandardCharsets.UTF_8);
            assertThat(CloudEventDecoder.readPlainStructured(value, Optional.empty())).as(json).contains(Optional.of(expected));
            assertThat(CloudEventDecoder.decode(TOPIC, structuredHeaders(), value, Optional.empty())).as(json).contains(expected);
        }
    }

    /**
     * Whatever the record, the one pass gives what the CloudEvents reader and the decoder give:
     * the same event, the same silence for a type unknown here, or a refusal.
     */
    @Test
    void every_record_reads_as_the_cloudevents_reader_reads_it_or_is_refused_as_it_refuses_it() {
        String envelope = "\"specversion\":\"1.0\",\"id\":\"event-1\",\"source\":\"/pairing-service\",\"time\":\"2026-11-27T09:00:00Z\"";
        String enrolled = "\"type\":\"" + ENROLLED_TYPE + "\"";
        Map<String, Boolean> variants = new java.util.LinkedHashMap<>();
        // each variant, and whether the decoder gives an event from it
        variants.put("{" + envelope + "," + enrolled + ",\"data\":" + ENROLLED_JSON + "}", true);
        variants.put("{" + envelope + "," + enrolled + ",\"schoolid\":\"x\",\"data\":" + ENROLLED_JSON + "}", true);
        variants.put("{" + envelope + "," + enrolled + ",\"traceId\":\"x\",\"data\":" + ENROLLED_JSON + "}", false);
        variants.put("{" + envelope + "," + enrolled + ",\"retries\":3,\"data\":" + ENROLLED_JSON + "}", true);
        variants.put("{" + envelope + "," + enrolled + ",\"actorid\":\"" + ENROLLED.menteeId() + "\",\"actorroles\":\"MENTEE\",\"data\":" + ENROLLED_JSON + "}", true);
        variants.put("{" + envelope + "," + enrolled + ",\"actorroles\":\"SCHOOL_LEAD,MENTOR,school lead\",\"data\":" + ENROLLED_JSON + "}", true);
        variants.put("{" + envelope + "," + enrolled + ",\"actorid\":\"someone\",\"data\":" + ENROLLED_JSON + "}", true);
        variants.put("{" + envelope + "," + enrolled + ",\"actorid\":42,\"data\":" + ENROLLED_JSON + "}", true);
        variants.put("{" + envelope.replace("/pairing-service", "not a uri") + "," + enrolled + ",\"data\":" + ENROLLED_JSON + "}", false);
        variants.put("{" + envelope + "," + enrolled + ",\"subject\":null,\"data\":" + ENROLLED_JSON + "}", true);
        variants.put("{" + envelope + "," + enrolled + ",\"subject\":42,\"data\":" + ENROLLED_JSON + "}", false);
        variants.put("{" + envelope + "," + enrolled + ",\"dataschema\":\"not a uri\",\"data\":" + ENROLLED_JSON + "}", false);
        variants.put("{" + envelope.replace("event-1", "") + "," + enrolled + ",\"data\":" + ENROLLED_JSON + "}", true);
        variants.put("{" + envelope + "," + enrolled + ",\"data\":\"" + ENROLLED_JSON.replace("\"", "\\\"") + "\",\"datacontenttype\":\"text/plain\"}", true);
        variants.put("{" + envelope + "," + enrolled + ",\"datacontenttype\":\"application/vnd.mentoring+json\",\"data\":" + ENROLLED_JSON + "}", false);
        variants.put("{" + envelope + "," + enrolled + ",\"datacontenttype\":\"APPLICATION/JSON\",\"data\":" + ENROLLED_JSON + "}", false);
        variants.put("{" + envelope + "," + enrolled + ",\"data\":" + ENROLLED_JSON + ",\"type\":\"uk.mentoring.pairing.PairingCreated.v1\"}", false);
        variants.put("{" + envelope + "," + enrolled + ",\"data\":" + ENROLLED_JSON.replace("{", "{\"stage\":\"TRAINEE\",") + "}", true);
        variants.put("{" + envelope + "," + enrolled + ",\"data\":null}", false);
        variants.put("{" + envelope + "," + enrolled + "}", false);
        variants.put("{" + envelope.replace("2026-11-27T09:00:00Z", "yesterday") + "," + enrolled + ",\"data\":" + ENROLLED_JSON + "}", false);
        variants.put("{" + envelope + "," + enrolled + ",\"data\":{\"menteeId\":\"" + ENROLLED.menteeId() + "\",\"schoolId\":\"not a school\"}}", false);
        variants.put("{" + envelope + "," + enrolled + ",\"data\":{}}", false);
        variants.put("{" + envelope + ",\"type\":\"uk.mentoring.something.New.v1\",\"data\":{\"x\":[1,{}]}}", false);
        variants.put("{" + envelope.replace("1.0", "0.3") + "," + enrolled + ",\"data\":" + ENROLLED_JSON + "}", true);
        variants.put("{" + envelope + "," + enrolled + ",\"data_base64\":\"e30=\"}", false);
        variants.put("{" + envelope + ",\"type\":42,\"data\":" + ENROLLED_JSON + "}", false);
        variants.put("[1, 2]", false);
        variants.put("{not a cloud event", false);
        for (Map.Entry<String, Boolean> variant : variants.entrySet()) {
            byte[] value = variant.getKey().getBytes(StandardCharsets.UTF_8);
            Outcome direct = Outcome.of(() -> CloudEventDecoder.decode(TOPIC, structuredHeaders(), value, Optional.empty()));
            Outcome throughReader = Outcome.ofReader(() -> CloudEventDecoder.decode(new Published(structuredHeaders(), value).read(), Optional.empty()));
            assertThat(direct).as(variant.getKey()).isEqualTo(throughReader);
            assertThat(direct.event().isPresent()).as("an event from %s", variant.getKey()).isEqualTo(variant.getValue());
        }
        assertThat(Outcome.of(() -> CloudEventDecoder.decode(TOPIC, new RecordHeaders(), "{}".getBytes(StandardCharsets.UTF_8), Optional.empty())))
                .as("no headers at all").isEqualTo(new Outcome(Optional.empty(), true));
        assertThat(Outcome.of(() -> CloudEventDecoder.decode(TOPIC, structuredHeaders(), null, Optional.empty())))
                .as("no value").isEqualTo(new Outcome(Optional.empty(), true));
    }

    @Test
    void an_events_time_reads_as_offset_date_time_reads_it_or_is_refused_as_it_refuses_it() {
        List<String> times = new java.util.ArrayList<>(List.of("2026-11-27T09:00:00Z", "2026-11-27T09:00:00.1Z", "2026-11-27T09:00:00.000000001Z",
                "2026-11-27T09:00:00.123456789Z", "2024-02-29T23:59:59.999Z", "0000-01-01T00:00:00Z", "2026-11-27T10:00:00+01:00",
                "2026-11-27t09:00:00z", "2026-02-30T09:00:00Z", "2026-13-01T09:00:00Z", "2026-11-27T24:00:00Z", "2026-11-27T23:59:60Z",
                "2026-11-27T09:00:00.Z", "2026-11-27T09:00:00.1234567890Z", "2026-11-27T09:00Z", "2026-11-27 09:00:00Z", "+12026-11-27T09:00:00Z",
                "2026-1a-27T09:00:00Z", "2026-11-27T09:00:00.12a4Z", "２０２６-11-27T09:00:00Z", "yesterday", ""));
        java.util.Random random = new java.util.Random(20261127);
        for (int i = 0; i < 2_000; i++) {
            Instant moment = Instant.ofEpochSecond(random.nextInt(2_000_000_000), random.nextInt(4) == 0 ? 0 : random.nextInt(1_000_000_000));
            times.add(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(moment.atOffset(java.time.ZoneOffset.UTC)));
        }
        for (String time : times) {
            Object expected;
            try {
                expected = OffsetDateTime.parse(time).toInstant();
            } catch (java.time.format.DateTimeParseException refused) {
                expected = "refused";
            }
            Object read;
            try {
                read = CloudEventDecoder.instant(time);
            } catch (java.time.format.DateTimeParseException refused) {
                read = "refused";
            }
            assertThat(read).as(time).isEqualTo(expected);
        }
    }

    /** What decoding a record came to: an event, nothing (a type unknown here), or a refusal. */
    private record Outcome(Optional<ReceivedEvent> event, boolean refused) {
        /** The decoder refuses only as unreadable, which is never retried; anything else it throws fails the test. */
        static Outcome of(java.util.function.Supplier<Optional<ReceivedEvent>> decoding) {
            try {
                return new Outcome(decoding.get(), false);
            } catch (CloudEventDecoder.UnreadableEventException refused) {
                return new Outcome(Optional.empty(), true);
            }
        }

        /** The CloudEvents reader refuses with exceptions of its own. */
        static Outcome ofReader(java.util.function.Supplier<Optional<ReceivedEvent>> decoding) {
            try {
                return new Outcome(decoding.get(), false);
            } catch (RuntimeException refused) {
                return new Outcome(Optional.empty(), true);
            }
        }
    }

    private static RecordHeaders structuredHeaders() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("content-type", "application/cloudevents+json; charset=UTF-8".getBytes(StandardCharsets.UTF_8));
        return headers;
    }

    /** A record's value and headers as a publisher writes them, and the event the CloudEvents reader makes of them. */
    private record Published(RecordHeaders headers, byte[] value) {
        CloudEvent read() {
            try (CloudEventDeserializer deserializer = new CloudEventDeserializer()) {
                return deserializer.deserialize(TOPIC, headers, value);
            }
        }
    }

    private static Published published(CloudEvent event, Encoding encoding) {
        RecordHeaders headers = new RecordHeaders();
        try (CloudEventSerializer serializer = new CloudEventSerializer()) {
            serializer.configure(Map.of(CloudEventSerializer.ENCODING_CONFIG, encoding, CloudEventSerializer.EVENT_FORMAT_CONFIG, JsonFormat.CONTENT_TYPE), false);
            return new Published(headers, serializer.serialize(TOPIC, headers, event));
        }
    }

    private static CloudEvent event(byte[] data) {
        return event(PublishedLanguage.of(MenteeEnrolled.class), data);
    }

    private static CloudEvent event(EventType type, byte[] data) {
        return CloudEventBuilder.v1().withId(UUID.randomUUID().toString()).withSource(URI.create("/pairing-service"))
                .withType(type.cloudEventType()).withTime(OffsetDateTime.parse("2026-11-27T09:00:00Z"))
                .withDataContentType("application/json").withData(data).build();
    }

    private static CloudEvent throughKafka(CloudEvent event, Encoding encoding) {
        return published(event, encoding).read();
    }
}
