package uk.mentoring.contracts.reflection;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import uk.mentoring.contracts.PersonalData;
import uk.mentoring.contracts.ReflectionDepth;
import uk.mentoring.contracts.ReflectionModel;
import uk.mentoring.contracts.WithinPairing;

/**
 * The mentee reflected on their practice, following a model, and judged its depth themself.
 * Sections are named by the model. Only the text of a section is personal: its name stays plain,
 * so a reader can check a reflection against its model without opening it.
 */
public record ReflectionSubmitted(
        UUID reflectionId,
        UUID pairingId,
        UUID schoolId,
        UUID mentorId,
        UUID menteeId,
        ReflectionModel model,
        @PersonalData Map<String, String> sections,
        ReflectionDepth selfAssessedDepth,
        Instant submittedAt) implements WithinPairing {

    public ReflectionSubmitted {
        sections = sections == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(sections));
    }

    @Override
    public UUID subject() {
        return reflectionId;
    }
}
