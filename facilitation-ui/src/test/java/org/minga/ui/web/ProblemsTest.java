package org.minga.ui.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.minga.assembly.api.Refusal;
import org.springframework.mock.web.MockHttpServletResponse;

/** The problem+json words come from the catalogue, in the language asked or Spanish. */
class ProblemsTest {

    @Test
    void aRequestTomcatCouldNotReadIsAnsweredInEnglishAndSpanish() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();

        Problems.writeUnreadable(response, 400);

        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(
                "{\"type\":\"urn:minga:refusal:request.malformed\",\"title\":\"Bad request\",\"status\":400,"
                        + "\"detail\":\"The request cannot be read. / La solicitud no se puede leer.\",\"code\":\"request.malformed\"}");
    }

    @Test
    void titlesReadInTheLanguageAskedAndInSpanishOtherwise() {
        assertThat(Problems.title(Refusal.Kind.TOO_MANY_REQUESTS, Locale.ENGLISH)).isEqualTo("Too many attempts");
        assertThat(Problems.title(Refusal.Kind.TOO_MANY_REQUESTS, Locale.forLanguageTag("quc"))).isEqualTo("Demasiados intentos");
        assertThat(Problems.title(Refusal.Kind.UNAVAILABLE, null)).isEqualTo("No disponible por un momento");
        assertThat(Problems.serverError(Locale.forLanguageTag("en-US")).getBody().getDetail())
                .isEqualTo("Minga failed to answer; the facilitator can find the cause in its log.");
    }
}
