package uk.mentoring.kit.consuming;

import java.util.List;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** True when the service names at least one topic under {@code mentoring.events.subscription.topics}. */
class OnSubscription implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return !Binder.get(context.getEnvironment())
                .bind("mentoring.events.subscription.topics", Bindable.listOf(String.class))
                .orElse(List.of())
                .isEmpty();
    }
}
