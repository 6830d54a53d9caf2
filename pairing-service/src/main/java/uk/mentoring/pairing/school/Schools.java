package uk.mentoring.pairing.school;

import java.util.UUID;

/** Which schools are on the platform, for rules that need to know. */
public interface Schools {

    boolean isOnboarded(UUID schoolId);
}
