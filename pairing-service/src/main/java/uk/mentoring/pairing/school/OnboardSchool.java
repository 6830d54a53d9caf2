package uk.mentoring.pairing.school;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import uk.mentoring.contracts.SchoolPhase;
import uk.mentoring.pairing.AggregateIds;

public record OnboardSchool(UUID schoolId, String name, String urn, SchoolPhase phase) {

    @TargetAggregateIdentifier
    public String target() {
        return AggregateIds.school(schoolId);
    }

    /** A school's id when the trust's identity provider has none for it: it follows from its unique reference number. */
    public static UUID idFor(String urn) {
        return UUID.nameUUIDFromBytes(("school-urn:" + urn).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
