package org.minga.ui.web;

import java.time.Clock;
import java.util.Locale;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.minga.assembly.api.Refusal;
import org.minga.assembly.api.RefusedException;
import org.minga.runtime.AxonServerAvailability;
import org.minga.runtime.EventStoreAvailability;
import org.minga.runtime.StorageFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Every refusal as problem+json in the request's language: bad input 400 naming the field, an
 * unknown id 404, a broken rule 409 with the engine's code. Nothing is appended on any of them.
 */
@RestControllerAdvice
public class RefusalAdvice {

    private static final Logger log = LoggerFactory.getLogger(RefusalAdvice.class);

    private final ObjectProvider<EventStoreAvailability> eventStore;
    private final ObjectProvider<AxonServerAvailability> axonServer;
    private final FailureLog failures;

    public RefusalAdvice(ObjectProvider<EventStoreAvailability> eventStore, ObjectProvider<AxonServerAvailability> axonServer,
                         Clock clock) {
        this.eventStore = eventStore;
        this.axonServer = axonServer;
        this.failures = new FailureLog(log, clock);
    }

    @ExceptionHandler(RefusedException.class)
    ResponseEntity<ProblemDetail> refused(RefusedException refusal, Locale locale) {
        return Problems.of(refusal, locale);
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> unknownAssembly(AggregateNotFoundException e, Locale locale) {
        return Problems.of(Refusal.ASSEMBLY_UNKNOWN, "assemblyId", locale, e.getAggregateIdentifier());
    }

    @ExceptionHandler(UnknownAssemblyException.class)
    ResponseEntity<ProblemDetail> unknownAssembly(UnknownAssemblyException e, Locale locale) {
        return Problems.of(Refusal.ASSEMBLY_UNKNOWN, "assemblyId", locale, e.assemblyId());
    }

    /** Malformed JSON or a value of the wrong type: name the field Jackson stopped at. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, Locale locale) {
        if (e.getCause() instanceof ValueInstantiationException instantiation
                && instantiation.getCause() instanceof RefusedException refusal) {
            return Problems.of(refusal, locale);
        }
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof JsonParseException parse && parse.getMessage() != null
                    && parse.getMessage().startsWith("Duplicate field") && parse.getProcessor() != null) {
                // Jackson's duplicate detection stops on the repeated key: its parsing context is the field's path.
                return Problems.of(Refusal.FIELD_DUPLICATE, pathOf(parse.getProcessor().getParsingContext()), locale);
            }
        }
        if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            return Problems.of(mapping instanceof UnrecognizedPropertyException ? Refusal.FIELD_UNKNOWN : Refusal.BODY_MALFORMED,
                    field, locale);
        }
        return Problems.of(Refusal.BODY_MALFORMED, "body", locale);
    }

    /** "when.from", "axes[1].title": the path of the parser's current field, the way the other refusals name it. */
    private static String pathOf(JsonStreamContext context) {
        StringBuilder path = new StringBuilder();
        for (JsonStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
            String step = at.inArray() ? "[" + at.getCurrentIndex() + "]" : "." + at.getCurrentName();
            path.insert(0, step);
        }
        return path.isEmpty() ? "body" : path.charAt(0) == '.' ? path.substring(1) : path.toString();
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> badParameter(MethodArgumentTypeMismatchException e, Locale locale) {
        if (e.getCause() != null && e.getCause().getCause() instanceof RefusedException refusal) {
            return Problems.of(refusal, locale);
        }
        return Problems.of(Refusal.VALUE_UNKNOWN, e.getName(), locale, String.valueOf(e.getValue()));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException e, Locale locale) {
        return Problems.of(Refusal.FIELD_REQUIRED, e.getParameterName(), locale);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> notJson(HttpMediaTypeNotSupportedException e, Locale locale) {
        return Problems.of(Refusal.BODY_MALFORMED, "body", locale);
    }

    /** A projector or phone that left while its stream was being written: normal, nothing to answer. */
    @ExceptionHandler(AsyncRequestNotUsableException.class)
    void viewerLeft(AsyncRequestNotUsableException e) {
        log.debug("A viewer left its stream: {}", e.getMessage());
    }

    /**
     * A full or unwritable disk, a closed database: nothing was saved, the client may try again
     * in a moment. The event store's availability logs it once, not once per request.
     */
    private ResponseEntity<ProblemDetail> storeUnavailable(Exception e, Locale locale) {
        eventStore.ifAvailable(store -> store.failed(e));
        return tryAgainSoon(Refusal.STORE_UNAVAILABLE, locale);
    }

    /** Axon Server could not be reached (production): nothing was saved, the client may try again in a moment. */
    private ResponseEntity<ProblemDetail> tryAgainSoon(Refusal refusal, Locale locale) {
        return Problems.tryAgainAfter(refusal, EventStoreAvailability.RETRY_AFTER, locale);
    }

    /**
     * Whatever else goes wrong still answers problem+json: Spring's own refusals (unknown path,
     * method not allowed, a blank path segment…) with their status, anything unexpected as a 500
     * that is logged, so it is found and fixed (the first few of a kind with their stack trace, then
     * a count a minute: a client repeating a breaking request must not fill the disk).
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> anythingElse(Exception e, Locale locale) {
        if (e instanceof ErrorResponse spring && spring.getStatusCode().is4xxClientError()) {
            // A format the address cannot answer in is the Accept header's doing, not the path's.
            String field = e instanceof HttpMediaTypeNotAcceptableException ? "Accept" : "path";
            return Problems.springRefusal(spring.getStatusCode(), spring.getBody().getTitle(), field, locale);
        }
        boolean storeKnownDown = eventStore.stream().anyMatch(EventStoreAvailability::unavailable);
        // While the store is known down, a command that failed for no rule failed for it: its cause
        // may reach here only as the message of a handling exception, the SQL exception left behind.
        if (StorageFailures.storeUnavailable(e)
                || storeKnownDown && (StorageFailures.touchedTheDatabase(e) || e instanceof CommandExecutionException)) {
            return storeUnavailable(e, locale);
        }
        boolean axonServerKnownAway = axonServer.stream().anyMatch(server -> !server.reachable());
        if (StorageFailures.axonServerUnreachable(e, axonServerKnownAway)) {
            return tryAgainSoon(Refusal.EVENT_STORE_UNREACHABLE, locale);
        }
        failures.failed("Unexpected failure answering a request", e);
        return Problems.serverError(locale);
    }
}
