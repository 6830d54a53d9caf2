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

import uk.mentoring.contracts.EventType;
import uk.mentoring.contracts.MenteeStage;
import uk.mentoring.contracts.PublishedLanguage;
import uk.mentoring.contracts.pairing.MenteeEnrolled;

/**
 * An event read from a Kafka record as the publishers write it (structured) and as another
 * publisher might (binary): the same data either way, and data that does not fit its type refused.
 */
class CloudEventDecoderTest {

    private static final String TOPIC = "mentoring.pairing.v1";

    private static final MenteeEnrolled ENROLLED = new MenteeEnrolled(UUID.randomUUID(), UUID.randomUUID(), "Zoë Ó Briain", "t.w@example.org",
            MenteeStage.ECT_YEAR_1, List.of("Chess", "Cycling"));

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
        }
    }

    @Test
    void a_structured_record_reads_the_same_whatever_the_order_of_its_attributes_and_whatever_extensions_it_carries() {
        String data = "{\"menteeId\":\"" + ENROLLED.menteeId() + "\",\"schoolId\":\"" + ENROLLED.schoolId()
                + "\",\"displayName\":\"Zoë Ó Briain\",\"email\":\"t.w@example.org\",\"stage\":\"ECT_YEAR_1\",\"interests\":[\"Chess\",\"Cycling\"]}";
        String type = PublishedLanguage.of(MenteeEnrolled.class).cloudEventType();
        ReceivedEvent expected = new ReceivedEvent("event-1", type, Instant.parse("2026-11-27T09:00:00Z"), ENROLLED, Optional.empty());
        for (String json : List.of(
                "{\"specversion\":\"1.0\",\"id\":\"event-1\",\"source\":\"/pairing-service\",\"type\":\"" + type
                        + "\",\"time\":\"2026-11-27T09:00:00Z\",\"datacontenttype\":\"application/json\",\"data\":" + data + "}",
                "{\"data\":" + data + ",\"time\":\"2026-11-27T10:00:00+01:00\",\"type\":\"" + type
                        + "\",\"source\":\"/pairing-service\",\"id\":\"event-1\",\"specversion\":\"1.0\"}",
                "{\"specversion\":\"1.0\",\"traceparent\":\"00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01\",\"id\":\"event-1\","
                        + "\"source\":\"/pairing-service\",\"type\":\"" + type + "\",\"time\":\"2026-11-27T09:00:00.000Z\",\"data\":" + data + "}")) {
            assertThat(CloudEventDecoder.decode(TOPIC, structuredHeaders(), json.getBytes(StandardCharsets.UTF_8), Optional.empty()))
                    .as(json).contains(expected);
        }
    }

    @Test
    void a_record_that_is_not_an_event_or_whose_data_does_not_fit_is_refused_and_an_unknown_type_passed_over() {
        String type = PublishedLanguage.of(MenteeEnrolled.class).cloudEventType();
        String envelope = "{\"specversion\":\"1.0\",\"id\":\"event-1\",\"source\":\"/pairing-service\",\"time\":\"2026-11-27T09:00:00Z\",";
        Map<String, String> refused = Map.of(
                "{not a cloud event", "not a CloudEvent",
                "[1, 2]", "must be a JSON object",
                envelope + "\"type\":\"" + type + "\",\"data\":{\"menteeId\":\"" + ENROLLED.menteeId() + "\",\"schoolId\":\"not a school\"}}", "does not fit",
                envelope + "\"type\":\"" + type + "\",\"data\":null}", "no data",
                envelope + "\"type\":\"" + type + "\"}", "no data",
                "{\"specversion\":\"1.0\",\"source\":\"/pairing-service\",\"type\":\"" + type + "\",\"data\":{}}", "needs an id",
                envelope.replace("2026-11-27T09:00:00Z", "yesterday") + "\"type\":\"" + type + "\",\"data\":{}}", "yesterday",
                envelope + "\"type\":42,\"data\":{}}", "must be a string");
        refused.forEach((json, why) -> assertThatThrownBy(() -> CloudEventDecoder.decode(TOPIC, structuredHeaders(), json.getBytes(StandardCharsets.UTF_8),
                Optional.empty())).as(json).isInstanceOf(CloudEventDecoder.UnreadableEventException.class).hasMessageContaining(why));
        assertThatThrownBy(() -> CloudEventDecoder.decode(TOPIC, new RecordHeaders(), "{}".getBytes(StandardCharsets.UTF_8), Optional.empty()))
                .as("no headers at all").isInstanceOf(CloudEventDecoder.UnreadableEventException.class);
        assertThat(CloudEventDecoder.decode(TOPIC, structuredHeaders(), (envelope + "\"type\":\"uk.mentoring.something.new.v1\",\"data\":{\"x\":1}}")
                .getBytes(StandardCharsets.UTF_8), Optional.empty())).as("a type not known here").isEmpty();
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
        RecordHeaders headers = new RecordHeaders();
        try (CloudEventSerializer serializer = new CloudEventSerializer(); CloudEventDeserializer deserializer = new CloudEventDeserializer()) {
            serializer.configure(Map.of(CloudEventSerializer.ENCODING_CONFIG, encoding, CloudEventSerializer.EVENT_FORMAT_CONFIG, JsonFormat.CONTENT_TYPE), false);
            byte[] value = serializer.serialize("mentoring.pairing.v1", headers, event);
            return deserializer.deserialize("mentoring.pairing.v1", headers, value);
        }
    }
}
