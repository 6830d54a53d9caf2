package uk.mentoring.analytics.progress;

import java.util.List;

import org.springframework.stereotype.Component;

import uk.mentoring.kit.consuming.EventSubscriber;
import uk.mentoring.kit.events.ReceivedEvent;

/**
 * Hands each poll's arriving events to every view projection, in every generation that is
 * receiving: the one dashboards read and, while a rebuild runs, the one being built.
 */
@Component
class LiveViews implements EventSubscriber {

    private final List<ViewProjection> projections;
    private final ViewGenerations generations;

    LiveViews(List<ViewProjection> projections, ViewGenerations generations) {
        this.projections = List.copyOf(projections);
        this.generations = generations;
    }

    @Override
    public void on(ReceivedEvent event) {
        for (int generation : generations.receiving()) {
            projections.forEach(projection -> projection.apply(event, generation));
        }
    }

    /** A poll's events, written as a rebuild writes them: in as few round trips per view as each projection can. */
    @Override
    public void onAll(List<ReceivedEvent> events) {
        for (int generation : generations.receiving()) {
            projections.forEach(projection -> projection.applyAll(events, generation));
        }
    }
}
