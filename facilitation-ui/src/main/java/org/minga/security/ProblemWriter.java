package org.minga.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.minga.assembly.api.Refusal;
import org.minga.assembly.api.RefusalMessages;
import org.minga.ui.web.Problems;
import org.springframework.http.MediaType;

/** problem+json answers from the security filters, which run before Spring MVC's advice can. */
final class ProblemWriter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProblemWriter() {
    }

    static void write(HttpServletRequest request, HttpServletResponse response, Refusal refusal, Object... arguments) throws IOException {
        writeForField(request, response, refusal, null, arguments);
    }

    /** A refusal about one field of the request ("path", "body"…), named in the answer. */
    static void writeForField(HttpServletRequest request, HttpServletResponse response, Refusal refusal, String field,
                              Object... arguments) throws IOException {
        // Spanish unless the request asks for English, as everywhere else.
        boolean english = request.getHeader("Accept-Language") != null && "en".equals(request.getLocale().getLanguage());
        Locale locale = english ? Locale.ENGLISH : RefusalMessages.SPANISH;
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "urn:minga:refusal:" + refusal.code());
        problem.put("title", Problems.title(refusal.kind(), locale));
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
}
