package org.minga.ui.web;

import java.net.URI;
import java.util.Locale;

import org.minga.assembly.api.Refusal;
import org.minga.assembly.api.RefusalMessages;
import org.minga.assembly.api.RefusedException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** Builds the {@code application/problem+json} answers of docs/API.md: type, title, status, detail, code, field. */
public final class Problems {

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

    /** The short title of a refusal's kind, in the language asked. */
    public static String title(Refusal.Kind kind, Locale locale) {
        boolean english = locale != null && "en".equals(locale.getLanguage());
        return switch (kind) {
            case BAD_INPUT -> english ? "Invalid input" : "Datos no válidos";
            case NOT_FOUND -> english ? "Not found" : "No encontrado";
            case RULE -> english ? "Not allowed by the method" : "No lo permite el método";
            case UNAUTHENTICATED -> english ? "Not signed in" : "Sin identificar";
            case FORBIDDEN -> english ? "Not allowed" : "No permitido";
            case TOO_LARGE -> english ? "Too large" : "Demasiado grande";
            case TOO_MANY_REQUESTS -> english ? "Too many attempts" : "Demasiados intentos";
            case UNAVAILABLE -> english ? "Not available for a moment" : "No disponible por un momento";
        };
    }
}
