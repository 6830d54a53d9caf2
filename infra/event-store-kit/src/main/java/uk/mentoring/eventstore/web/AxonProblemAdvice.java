package uk.mentoring.eventstore.web;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import uk.mentoring.kit.domain.RuleViolation;
import uk.mentoring.kit.web.Problems;

/** Axon's exceptions, in the words of the problem+json answers every service gives. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class AxonProblemAdvice {

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(AggregateNotFoundException missing) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", "No such record is known here."));
    }

    /** A new record whose id is taken already (a person registered twice under the id the identity provider gives them). */
    @ExceptionHandler(AggregateStreamCreationException.class)
    ResponseEntity<ProblemDetail> alreadyExists(AggregateStreamCreationException taken) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Problems.of(HttpStatus.CONFLICT, "already-registered",
                "Already registered", "A record with this id exists already; nothing was recorded."));
    }

    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<ProblemDetail> concurrentChange(ConcurrencyException conflict) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Problems.of(HttpStatus.CONFLICT, "changed-concurrently",
                "Changed at the same time", "Someone else changed this record at the same moment. Nothing was recorded; please try again."));
    }

    @ExceptionHandler(EventStoreException.class)
    ResponseEntity<ProblemDetail> storeUnavailable(EventStoreException unavailable) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "store-unavailable",
                "Temporarily unavailable", "The record could not be stored just now. Nothing was recorded; please try again shortly."));
    }

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<ProblemDetail> failed(CommandExecutionException failure) {
        if (failure.getCause() instanceof RuleViolation violation) {
            HttpStatus status = Problems.statusOf(violation.kind());
            return ResponseEntity.status(status).body(Problems.of(status, violation.rule(), violation.title(), violation.getMessage()));
        }
        throw failure;
    }
}
