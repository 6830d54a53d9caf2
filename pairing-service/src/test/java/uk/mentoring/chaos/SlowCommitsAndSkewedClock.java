package uk.mentoring.chaos;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

import jakarta.annotation.PostConstruct;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.beans.factory.annotation.Value;

/**
 * What goes wrong between instances in real life, done to one instance of a service on purpose:
 * some commits stall for seconds between deciding and writing (a GC pause, a slow disk), and the
 * instance's clock runs behind, so its events carry timestamps from the past.
 */
public class SlowCommitsAndSkewedClock {

    public static final AtomicInteger DELAYED_COMMITS = new AtomicInteger();
    public static final AtomicInteger SKEWED_EVENTS = new AtomicInteger();

    private final CommandBus commandBus;
    private final EventStore eventStore;
    private final double delayedShare;
    private final Duration clockBehind;

    SlowCommitsAndSkewedClock(CommandBus commandBus, EventStore eventStore,
                              @Value("${chaos.delayed-share}") double delayedShare,
                              @Value("${chaos.clock-behind}") Duration clockBehind) {
        this.commandBus = commandBus;
        this.eventStore = eventStore;
        this.delayedShare = delayedShare;
        this.clockBehind = clockBehind;
    }

    @PostConstruct
    void install() {
        commandBus.registerHandlerInterceptor((unitOfWork, chain) -> {
            if (ThreadLocalRandom.current().nextDouble() < delayedShare) {
                // runs before the event store's own prepare-commit step, i.e. before the append
                unitOfWork.onPrepareCommit(work -> {
                    DELAYED_COMMITS.incrementAndGet();
                    sleep(1_000 + ThreadLocalRandom.current().nextInt(2_000));
                });
            }
            return chain.proceed();
        });
        if (!clockBehind.isZero()) {
            eventStore.registerDispatchInterceptor(new MessageDispatchInterceptor<EventMessage<?>>() {
                @Override
                public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
                    return (index, message) -> {
                        if (message instanceof DomainEventMessage<?> event) {
                            SKEWED_EVENTS.incrementAndGet();
                            return new GenericDomainEventMessage<>(event.getType(), event.getAggregateIdentifier(),
                                    event.getSequenceNumber(), event, event.getTimestamp().minus(clockBehind));
                        }
                        return message;
                    };
                }
            });
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
