package uk.mentoring.analytics.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** Only values in fields the published language marks as personal are ever opened. */
class RevealerTest {

    private final UUID person = UUID.randomUUID();

    private String sealed(String service, String text) {
        return "pd1." + service + "." + person + "." + text;
    }

    @Test
    void opens_personal_fields_and_what_is_within_them_and_nothing_else() {
        String name = sealed("pairing", "bmFtZQ");
        String topic = sealed("meeting", "dG9waWM");
        String section = sealed("reflection", "c2VjdGlvbg");
        String smuggled = sealed("pairing", "c211Z2dsZWQ");
        Map<String, Object> view = Map.of(
                "mentee", Map.of("displayName", name),
                "data", Map.of("topics", List.of(topic), "sections", Map.of("feelings", section), "room", smuggled),
                "schoolName", smuggled);

        Set<String> found = new HashSet<>();
        Revealer.collect(view, found);

        assertThat(found).containsExactlyInAnyOrder(name, topic, section);
        @SuppressWarnings("unchecked")
        Map<String, Object> opened = (Map<String, Object>) Revealer.replace(view,
                value -> Map.of(name, "Tom Whitfield", topic, "Behaviour", section, "Anxious", smuggled, "opened").get(value));
        assertThat(opened.get("mentee")).isEqualTo(Map.of("displayName", "Tom Whitfield"));
        assertThat(opened.get("data")).isEqualTo(Map.of("topics", List.of("Behaviour"), "sections", Map.of("feelings", "Anxious"), "room", smuggled));
        assertThat(opened.get("schoolName")).isEqualTo(smuggled);
    }
}
