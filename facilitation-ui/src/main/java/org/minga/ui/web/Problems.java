package org.minga.ui.web;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.minga.assembly.api.Refusal;
import org.minga.assembly.api.RefusalMessages;
import org.minga.assembly.api.RefusedException;
import org.minga.words.Words;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * The one place that makes the {@code application/problem+json} answers of docs/API.md (type, title,
 * status, detail, instance, code, field): as a {@link ResponseEntity} for the controllers' advice,
 * and written straight to the response for the security filters and Tomcat, which answer before
 * Spring MVC can.
 */
public final class Problems {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Problems() {
    }

    public static ResponseEntity<ProblemDetail> of(RefusedException refusal, Locale locale) {
        return of(refusal.refusal(), refusal.field(), refusal.messageIn(locale), locale);
    }

    public static ResponseEntity<ProblemDetail> of(Refusal refusal, String field, Locale locale, Object... arguments) {
        return of(refusal, field, RefusalMessages.message(refusal, locale, field, arguments), locale);
    }

    private static ResponseEntity<ProblemDetail> of(Refusal refusal, String field, String detail, Locale locale) {
        HttpStatus status = HttpStatus.valueOf(refusal.kind().httpStatus());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:minga:refusal:" + refusal.code()));
        problem.setTitle(title(refusal.kind(), locale));
        problem.setProperty("code", refusal.code());
        if (field != null) {
            problem.setProperty("field", field);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** A refusal the client may try again after {@code retryAfter} (nothing was saved). */
    public static ResponseEntity<ProblemDetail> tryAgainAfter(Refusal refusal, Duration retryAfter, Locale locale) {
        ResponseEntity<ProblemDetail> problem = of(refusal, null, locale);
        return ResponseEntity.status(problem.getStatusCode()).headers(problem.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfter.toSeconds()))
                .body(problem.getBody());
    }

    /**
     * Spring's own 4xx refusals (unknown path, method not allowed, a format the address cannot
     * answer in…): Minga's malformed-request problem about {@code field}, with Spring's status and title.
     */
    public static ResponseEntity<ProblemDetail> springRefusal(HttpStatusCode status, String title, String field, Locale locale) {
        ResponseEntity<ProblemDetail> malformed = of(Refusal.BODY_MALFORMED, field, locale);
        ProblemDetail problem = malformed.getBody();
        problem.setStatus(status.value());
        problem.setTitle(title);
        return ResponseEntity.status(status).headers(malformed.getHeaders()).body(problem);
    }

    /** Something unexpected: a 500 that points to the log, where the cause is. */
    public static ResponseEntity<ProblemDetail> serverError(Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                Words.in(locale).text("problem.server-error"));
        problem.setProperty("code", "server.error");
        return ResponseEntity.internalServerError().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** Writes a refusal from a filter or handler that runs before Spring MVC's advice can. */
    public static void write(HttpServletRequest request, HttpServletResponse response, Refusal refusal, Object... arguments)
            throws IOException {
        writeForField(request, response, refusal, null, arguments);
    }

    /** A refusal about one field of the request ("path", "body"…), named in the answer. */
    public static void writeForField(HttpServletRequest request, HttpServletResponse response, Refusal refusal, String field,
                                     Object... arguments) throws IOException {
        // The language the request asks for when Minga has its words, Spanish otherwise, as everywhere else.
        Locale locale = request.getHeader("Accept-Language") != null ? request.getLocale() : RefusalMessages.SPANISH;
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "urn:minga:refusal:" + refusal.code());
        problem.put("title", title(refusal.kind(), locale));
        problem.put("status", refusal.kind().httpStatus());
        problem.put("detail", RefusalMessages.message(refusal, locale, field, arguments));
        problem.put("instance", request.getRequestURI());
        problem.put("code", refusal.code());
        if (field != null) {
            problem.put("field", field);
        }
        response.setStatus(refusal.kind().httpStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        JSON.writeValue(response.getOutputStream(), problem);
    }

    /**
     * A request Tomcat refused before Minga could read it (an encoded NUL in the path, a broken
     * request line), in both languages since not even its headers can be trusted; the status stays
     * Tomcat's.
     */
    public static void writeUnreadable(HttpServletResponse response, int status) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "urn:minga:refusal:request.malformed");
        problem.put("title", "Bad request");
        problem.put("status", status);
        problem.put("detail", Words.in("en").text("problem.unreadable") + " / " + Words.in(Words.SPANISH).text("problem.unreadable"));
        problem.put("code", "request.malformed");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        JSON.writeValue(response.getOutputStream(), problem);
    }

    /** The short title of a refusal's kind, in the language asked: the catalogue's {@code problem.<kind>}. */
    public static String title(Refusal.Kind kind, Locale locale) {
        return Words.in(locale).text("problem." + kind.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }
}
