package uk.mentoring.kit.config;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Whether the service's own database answers. A plain {@code ping}, which MongoDB and the embedded
 * wire-compatible server both understand (the latter does not know the {@code hello} command that
 * Spring Boot's own indicator sends).
 */
class DatabaseHealthIndicator extends AbstractHealthIndicator {

    private final MongoDatabase database;

    DatabaseHealthIndicator(MongoDatabase database) {
        super("MongoDB health check failed");
        this.database = database;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Document answer = database.runCommand(new Document("ping", 1));
        builder.up().withDetail("database", database.getName()).withDetail("ok", answer.get("ok"));
    }
}
