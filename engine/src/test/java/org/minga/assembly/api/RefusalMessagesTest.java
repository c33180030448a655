package org.minga.assembly.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.minga.words.Words;

class RefusalMessagesTest {

    @ParameterizedTest
    @EnumSource(Refusal.class)
    void everyRefusalReadsInSpanishAndInEnglish(Refusal refusal) {
        String spanish = RefusalMessages.message(refusal, RefusalMessages.SPANISH, "text", "Mesa 1", 2, 3, 4);
        String english = RefusalMessages.message(refusal, Locale.ENGLISH, "text", "Mesa 1", 2, 3, 4);

        assertThat(spanish).isNotBlank().doesNotContain("{").isNotEqualTo(english);
        assertThat(english).isNotBlank().doesNotContain("{");
    }

    @Test
    void bothBundlesNameExactlyTheRefusalsThereAre() {
        for (Locale locale : new Locale[] {RefusalMessages.SPANISH, Locale.ENGLISH}) {
            List<String> refusalCodes = Words.catalogues().get(locale.getLanguage()).keySet().stream()
                    .filter(key -> key.startsWith(RefusalMessages.REFUSAL)).map(key -> key.substring(RefusalMessages.REFUSAL.length())).toList();
            assertThat(refusalCodes).as(locale.toString())
                    .containsExactlyInAnyOrder(java.util.Arrays.stream(Refusal.values()).map(Refusal::code).toArray(String[]::new));
        }
    }

    @Test
    void aLanguageWithoutItsOwnMessagesReadsSpanish() {
        Locale kiche = Locale.forLanguageTag("quc");

        assertThat(RefusalMessages.message(Refusal.ASSEMBLY_CLOSED, kiche, null))
                .isEqualTo("La asamblea está cerrada: ya no acepta cambios.");
    }

    @Test
    void aRefusalCarriesItsCodeFieldAndMessages() {
        RefusedException refusal = new InvalidInputException("text", Refusal.TEXT_TOO_LONG, 300, 280);

        assertThat(refusal.code()).isEqualTo("text.too-long");
        assertThat(refusal.field()).isEqualTo("text");
        assertThat(refusal.getMessage()).isEqualTo("The text of \"text\" is too long: it has 300 characters and the limit is 280.");
        assertThat(refusal.messageIn(RefusalMessages.SPANISH))
                .isEqualTo("El texto de «texto» es demasiado largo: tiene 300 caracteres y el máximo es 280.");
    }

    /** A Spanish refusal named its fields in English («who», «gender») and wrote numbers the English way. */
    @Test
    void refusalsNameFieldsAndWriteNumbersInTheFacilitatorsLanguage() {
        assertThat(RefusalMessages.message(Refusal.FIELD_REQUIRED, RefusalMessages.SPANISH, "who"))
                .isEqualTo("Falta el campo «quién lo hace».");
        assertThat(RefusalMessages.message(Refusal.VALUE_UNKNOWN, RefusalMessages.SPANISH, "profile.gender", "otro"))
                .isEqualTo("«otro» no es un valor válido para «género».");
        assertThat(RefusalMessages.message(Refusal.FIELD_REQUIRED, RefusalMessages.SPANISH, "axes[2].title"))
                .isEqualTo("Falta el campo «título del eje».");
        assertThat(RefusalMessages.message(Refusal.FIELD_REQUIRED, Locale.ENGLISH, "ageGroup"))
                .isEqualTo("The field \"age group\" is missing.");
        assertThat(RefusalMessages.message(Refusal.FIELD_REQUIRED, RefusalMessages.SPANISH, "somethingElse"))
                .isEqualTo("Falta el campo «somethingElse».");
        assertThat(RefusalMessages.message(Refusal.NUMBER_OUT_OF_RANGE, RefusalMessages.SPANISH, "tableSize", 2500, 2, 1000))
                .isEqualTo("«personas por mesa» debe estar entre 2 y 1.000; se recibió 2.500.");
    }

    @Test
    void apostrophesSurviveTheMessageFormat() {
        assertThat(RefusalMessages.message(Refusal.WORK_PLAN_OUTSIDE_HORIZON, Locale.ENGLISH, null, "2027-01..2027-03", "2024-01..2026-12"))
                .contains("assembly's planning horizon");
    }

    @Test
    void unknownCodesAreRefusedNamingTheField() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Step.fromCode("lunch"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("step");
                    assertThat(e.refusal()).isEqualTo(Refusal.VALUE_UNKNOWN);
                });
        assertThat(Step.fromCode("work-plan")).isEqualTo(Step.WORK_PLAN);
    }
}
