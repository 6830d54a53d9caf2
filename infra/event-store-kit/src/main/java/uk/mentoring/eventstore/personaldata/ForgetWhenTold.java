package uk.mentoring.eventstore.personaldata;

import uk.mentoring.contracts.MentoringEvent;
import uk.mentoring.contracts.pairing.PersonForgotten;
import uk.mentoring.kit.consuming.EventSubscriber;
import uk.mentoring.kit.events.ReceivedEvent;

/**
 * A service that reads the pairing topic destroys its own key of a person as soon as it reads
 * that they were forgotten. Forgetting twice is harmless, so redelivery is too.
 */
class ForgetWhenTold implements EventSubscriber {

    private final PersonalDataKeys keys;

    ForgetWhenTold(PersonalDataKeys keys) {
        this.keys = keys;
    }

    @Override
    public boolean wants(Class<? extends MentoringEvent> type) {
        return type == PersonForgotten.class;
    }

    @Override
    public void on(ReceivedEvent event) {
        if (event.data() instanceof PersonForgotten forgotten) {
            keys.forget(forgotten.personId());
        }
    }
}
