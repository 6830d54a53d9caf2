package uk.mentoring.analytics.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.convert.ApplicationConversionService;

/** A trust's thresholds and holidays, as application.yml gives them. */
class RiskThresholdsTest {

    @Test
    void a_trust_lists_its_holidays_by_their_first_and_last_day() {
        Map<String, String> yml = Map.ofEntries(
                Map.entry("mentoring.analytics.risks.first-meeting-within-school-days", "10"),
                Map.entry("mentoring.analytics.risks.meeting-within-days", "14"),
                Map.entry("mentoring.analytics.risks.confidence-drop", "2"),
                Map.entry("mentoring.analytics.risks.confidence-drop-over-meetings", "3"),
                Map.entry("mentoring.analytics.risks.reflection-within-days", "21"),
                Map.entry("mentoring.analytics.risks.ground-rules-required", "true"),
                Map.entry("mentoring.analytics.risks.shallow-over-reflections", "3"),
                Map.entry("mentoring.analytics.risks.holidays[0].from", "2026-10-26"),
                Map.entry("mentoring.analytics.risks.holidays[0].to", "2026-10-30"));
        Binder binder = new Binder(List.of(new MapConfigurationPropertySource(yml)), null, ApplicationConversionService.getSharedInstance());

        RiskThresholds bound = binder.bind("mentoring.analytics.risks", RiskThresholds.class).get();

        assertThat(bound.holidays()).containsExactly(new RiskThresholds.Holiday(LocalDate.of(2026, 10, 26), LocalDate.of(2026, 10, 30)));
        assertThat(bound.isSchoolDay(LocalDate.of(2026, 10, 28))).isFalse();
        assertThat(bound.isSchoolDay(LocalDate.of(2026, 11, 2))).isTrue();
        assertThat(bound.schoolDaysBetween(LocalDate.of(2026, 10, 23), LocalDate.of(2026, 11, 2))).as("Friday before half term to the Monday after").isEqualTo(1);
    }
}
