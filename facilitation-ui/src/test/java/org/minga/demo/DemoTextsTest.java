package org.minga.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.minga.assembly.api.AxisDefinition;
import org.minga.words.Words;

/** The demo writes its assembly in the language asked, from the catalogue. */
class DemoTextsTest {

    @Test
    void anEnglishDemoWritesEnglish() {
        DemoTexts english = new DemoTexts(Words.in("en"));

        assertThat(english.title()).isEqualTo("Demo assembly");
        assertThat(english.venue()).isEqualTo("Community hall");
        assertThat(english.axes()).extracting(AxisDefinition::axisId)
                .containsExactly("association", "credit", "training", "assistance", "territories");
        assertThat(english.axes().get(1).title()).isEqualTo("Access to credit for the popular economy");
        assertThat(english.need("territories", 1)).isEqualTo("Farmers' markets without a fixed place");
        assertThat(english.solution("association", 0)).isEqualTo("Network of organisations meeting monthly");
    }

    @Test
    void aSpanishDemoWritesSpanishAndSoDoesALanguageWithoutThoseWords() {
        for (String language : new String[] {"es", "quc", "fr"}) {
            DemoTexts texts = new DemoTexts(Words.in(language));

            assertThat(texts.title()).as(language).isEqualTo("Asamblea de demostración");
            assertThat(texts.person()).as(language).isEqualTo("Participante");
            assertThat(texts.need("credit", 0)).as(language).isEqualTo("Crédito sin garantías para mujeres rurales");
            assertThat(texts.solution("territories", 1)).as(language).isEqualTo("Plaza de mercado campesino semanal");
        }
    }
}
