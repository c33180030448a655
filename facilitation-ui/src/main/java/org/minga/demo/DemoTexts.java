package org.minga.demo;

import java.util.List;

import org.minga.assembly.api.AxisDefinition;
import org.minga.words.Words;

/** What the demo's tables write, from the catalogue's {@code demo.<…>} words: two needs and their solutions per axis. */
record DemoTexts(Words words) {

    private static final List<String> AXES = List.of("association", "credit", "training", "assistance", "territories");

    String title() {
        return words.text("demo.title");
    }

    String region() {
        return words.text("demo.region");
    }

    String venue() {
        return words.text("demo.venue");
    }

    /** What a demo participant is called before their number ("Participante 7"). */
    String person() {
        return words.text("demo.person");
    }

    List<AxisDefinition> axes() {
        return AXES.stream().map(axisId -> new AxisDefinition(axisId, words.text("demo.axis." + axisId), null)).toList();
    }

    String need(String axisId, int index) {
        return words.text("demo.need." + axisId + "." + (index + 1));
    }

    String solution(String axisId, int index) {
        return words.text("demo.solution." + axisId + "." + (index + 1));
    }
}
