package uk.mentoring.identity;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * The demo trust's clients. Unlike Spring's in-memory repository this one accepts that every
 * demo client shares the secret "demo", as the local stack promises its users.
 */
final class DemoClients implements RegisteredClientRepository {

    private final Map<String, RegisteredClient> byId = new ConcurrentHashMap<>();
    private final Map<String, RegisteredClient> byClientId = new ConcurrentHashMap<>();

    DemoClients(List<RegisteredClient> clients) {
        clients.forEach(this::save);
    }

    /** Spring saves a client again when it re-encodes its secret. */
    @Override
    public void save(RegisteredClient registeredClient) {
        byId.put(registeredClient.getId(), registeredClient);
        byClientId.put(registeredClient.getClientId(), registeredClient);
    }

    @Override
    public RegisteredClient findById(String id) {
        return byId.get(id);
    }

    @Override
    public RegisteredClient findByClientId(String clientId) {
        return byClientId.get(clientId);
    }
}
