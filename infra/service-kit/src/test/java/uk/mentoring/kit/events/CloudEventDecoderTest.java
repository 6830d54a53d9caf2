package uk.mentoring.kit.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
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
