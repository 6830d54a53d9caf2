package uk.mentoring.analytics.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import uk.mentoring.analytics.progress.PairingProgressTest.History;
import uk.mentoring.contracts.SupportLevel;

/** A group's measures, from the pairings a lead can open one by one. */
class GroupProgressTest {

    static final LocalDate YEAR_END = PairingProgressTest.PAIRED.plusWeeks(40);

    @Test
    void independence_at_the_end_counts_the_mentees_who_finished_as_they_finished() {
        GroupProgress group = GroupProgress.of(List.of(
                new History().steppedDownTo(SupportLevel.LIGHT).asOf(YEAR_END),
                new History().steppedDownTo(SupportLevel.INDEPENDENT).asOf(YEAR_END),
                new History().steppedDownTo(SupportLevel.INDEPENDENT).ended(YEAR_END.minusWeeks(1), "PROGRAMME_COMPLETED").asOf(YEAR_END),
                new History().steppedDownTo(SupportLevel.REGULAR).ended(YEAR_END.minusWeeks(2), "PROGRAMME_COMPLETED").asOf(YEAR_END),
                new History().steppedDownTo(SupportLevel.LIGHT).ended(YEAR_END.minusWeeks(3), "MENTEE_INDEPENDENT").asOf(YEAR_END),
                new History().ended(YEAR_END.minusWeeks(4), "MENTOR_CHANGED").asOf(YEAR_END)));

        assertThat(group.activePairings()).isEqualTo(2);
        assertThat(group.independentShare()).as("3 of the 5 who reach the end; a change of mentor is not an end").isEqualTo(0.6);
        assertThat(group.lightOrIndependentShare()).isEqualTo(0.8);
        assertThat(VirtuousCircle.of(group).independence()).as("no targets yet: the way towards independence alone").isEqualTo(80.0);
    }
}
