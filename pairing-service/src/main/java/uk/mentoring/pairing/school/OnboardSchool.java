package uk.mentoring.pairing.school;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import uk.mentoring.contracts.SchoolPhase;

public record OnboardSchool(@TargetAggregateIdentifier UUID schoolId, String name, String urn, SchoolPhase phase) {

    /** A school's id follows from its unique reference number, so a school cannot be onboarded twice. */
    public static UUID idFor(String urn) {
        return UUID.nameUUIDFromBytes(("school-urn:" + urn).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
