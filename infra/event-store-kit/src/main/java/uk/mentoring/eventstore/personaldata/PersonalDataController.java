package uk.mentoring.eventstore.personaldata;

import java.util.List;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import uk.mentoring.kit.domain.RuleViolation;
import uk.mentoring.kit.security.Caller;
import uk.mentoring.kit.security.Role;

/**
 * Opens sealed values for the analytics service, which shows names and words to the people it
 * has allowed to see them. Only a token with the personal-data-reader role is served; the gateway
 * routes nothing here, and the keys themselves never leave this service.
 */
@RestController
@Hidden
class PersonalDataController {

    static final int MOST_VALUES = 2_000;

    private final PersonalDataCipher cipher;

    PersonalDataController(PersonalDataCipher cipher) {
        this.cipher = cipher;
    }

    record RevealRequest(@NotNull @Size(max = MOST_VALUES) List<@NotNull String> values) {
    }

    /** The values in the order asked, each opened, {@code [erased]}, or as it was when it is not sealed by this service. */
    record Revealed(List<String> values) {
    }

    @PostMapping("/personal-data/reveal")
    Revealed reveal(@Valid @RequestBody RevealRequest request, Caller caller) {
        if (!caller.has(Role.PERSONAL_DATA_READER)) {
            throw RuleViolation.forbidden("personal-data-reader-only", "Only the analytics service reads sealed personal data",
                    "Sealed personal data is opened only for a service holding the PERSONAL_DATA_READER role.");
        }
        return new Revealed(cipher.openAll(request.values()));
    }
}
