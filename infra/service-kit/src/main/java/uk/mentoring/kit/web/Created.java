package uk.mentoring.kit.web;

import java.net.URI;
import java.util.UUID;

import org.springframework.http.ResponseEntity;

/** The answer to a create: 201, the new id, and where to read it. */
public record Created(UUID id) {

    public static ResponseEntity<Created> at(String location, UUID id) {
        return ResponseEntity.created(URI.create(location)).body(new Created(id));
    }
}
