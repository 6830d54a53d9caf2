package uk.mentoring.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What a consumer may take for sealed text, and what it must not. */
class SealedTextTest {

    private static final String PERSON = "9d2b7c1e-5a43-4f6e-b0a2-1c8e4d7f3a55";
    private static final String CIPHERTEXT = "lM1FITN05shYkLewLae4y1dQ5Ftd2ToqTO59-ce2tUdaORwTZdSRcRI";
    private static final String SEALED = "pd1.pairing." + PERSON + "." + CIPHERTEXT;

    @Test
    void a_well_formed_value_is_sealed() {
        assertThat(SEALED).startsWith(SealedText.PREFIX);
        assertThat(SealedText.isSealed(SEALED)).isTrue();
        assertThat(SealedText.isErased(SEALED)).isFalse();
    }

    /** A new publisher that could not seal would have to publish personal data in plain text. */
    @ParameterizedTest
    @EnumSource(Publisher.class)
    void every_publisher_can_seal(Publisher publisher) {
        assertThat(SealedText.isSealed(SealedText.PREFIX + publisher.shortName() + "." + PERSON + "." + CIPHERTEXT)).isTrue();
    }

    @Test
    void erased_is_neither_sealed_nor_plain() {
        assertThat(SealedText.isErased(SealedText.ERASED)).isTrue();
        assertThat(SealedText.isSealed(SealedText.ERASED)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Tom Whitfield",
            "",
            "pd2.pairing.9d2b7c1e-5a43-4f6e-b0a2-1c8e4d7f3a55.lM1FITN05shYkLewLae4y1dQ5Ftd2ToqTO59",
            "pd1.analytics.9d2b7c1e-5a43-4f6e-b0a2-1c8e4d7f3a55.lM1FITN05shYkLewLae4y1dQ5Ftd2ToqTO59",
            "pd1.Pairing.9d2b7c1e-5a43-4f6e-b0a2-1c8e4d7f3a55.lM1FITN05shYkLewLae4y1dQ5Ftd2ToqTO59",
            "pd1.pairing.9D2B7C1E-5A43-4F6E-B0A2-1C8E4D7F3A55.lM1FITN05shYkLewLae4y1dQ5Ftd2ToqTO59",
            "pd1.pairing.9d2b7c1e5a434f6eb0a21c8e4d7f3a55.lM1FITN05shYkLewLae4y1dQ5Ftd2ToqTO59",
            "pd1.pairing.9d2b7c1e-5a43-4f6e-b0a2-1c8e4d7f3a5.lM1FITN05shYkLewLae4y1dQ5Ftd2ToqTO59",
            "pd1.pairing.9d2b7c1e-5a43-4f6e-b0a2-1c8e4d7f3a55",
            "pd1.pairing.9d2b7c1e-5a43-4f6e-b0a2-1c8e4d7f3a55.",
            "pd1.pairing.9d2b7c1e-5a43-4f6e-b0a2-1c8e4d7f3a55.lM1FITN05shYkLewLae4y1dQ5Ftd2ToqTO5==",
            "pd1.pairing.9d2b7c1e-5a43-4f6e-b0a2-1c8e4d7f3a55.lM1FITN05shYk+ewLae4y1dQ5Ftd2/oqTO59",
            "pd1.pairing.9d2b7c1e-5a43-4f6e-b0a2-1c8e4d7f3a55.lM1FITN05shYkLewLae4y1dQ5Ftd2ToqTO59.x",
            "pd1.pairing.9d2b7c1e-5a43-4f6e-b0a2-1c8e4d7f3a55.lM1FITN05shYkLewLae4y1dQ5Ftd2ToqTO59\n",
            " pd1.pairing.9d2b7c1e-5a43-4f6e-b0a2-1c8e4d7f3a55.lM1FITN05shYkLewLae4y1dQ5Ftd2ToqTO59",
            "Tom Whitfield pd1.pairing.9d2b7c1e-5a43-4f6e-b0a2-1c8e4d7f3a55.lM1FITN05shYkLewLae4y1dQ5Ftd2ToqTO59"
    })
    void near_misses_are_not_sealed(String value) {
        assertThat(SealedText.isSealed(value)).as("'%s'", value).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"[Erased]", "[erased] ", "erased", "[]", "Tom Whitfield"})
    void only_the_exact_marker_is_erased(String value) {
        assertThat(SealedText.isErased(value)).as("'%s'", value).isFalse();
    }

    @Test
    void nothing_is_neither() {
        assertThat(SealedText.isSealed(null)).isFalse();
        assertThat(SealedText.isErased(null)).isFalse();
    }
}
