package uk.mentoring.eventstore.relay;

import java.time.Clock;
import java.util.function.Supplier;

import com.mongodb.client.MongoDatabase;
import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.Producer;

/** Assembles a relay over a service's database. */
public final class Relays {

    static final String EVENTS = "domainevents";
    static final String LEASES = "relay_leases";

    private Relays() {
    }

    public static EventRelay eventRelay(MongoDatabase database, RelayProperties properties, String instanceId,
                                        Supplier<Producer<String, CloudEvent>> producers, Runnable ensureTopic,
                                        Clock clock, MeterRegistry meters) {
        String topic = properties.publisher().topic();
        return new EventRelay(topic,
                new PublicationLedger(database.getCollection(EVENTS)),
                new RelayLease(database.getCollection(LEASES), topic, instanceId, properties.leaseTtl(), clock),
                producers, ensureTopic, properties, meters);
    }
}
