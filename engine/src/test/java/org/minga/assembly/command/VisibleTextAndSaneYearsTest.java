package org.minga.assembly.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.minga.assembly.command.AssemblyTestData.ASSEMBLY;
import static org.minga.assembly.command.AssemblyTestData.HORIZON;
import static org.minga.assembly.command.AssemblyTestData.TABLE_1;
import static org.minga.assembly.command.AssemblyTestData.needAdded;
import static org.minga.assembly.command.AssemblyTestData.opened;
import static org.minga.assembly.command.AssemblyTestData.seatedRoomWith;
import static org.minga.assembly.command.AssemblyTestData.solutionAttached;
import static org.minga.assembly.command.AssemblyTestData.twoAxes;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.CustomTypeSafeMatcher;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.minga.assembly.api.TextRules;
import org.minga.assembly.api.AddNeedPieceCommand;
import org.minga.assembly.api.AssemblyScheduledEvent;
import org.minga.assembly.api.AttachSolutionCommand;
import org.minga.assembly.api.InvalidInputException;
import org.minga.assembly.api.MonthRange;
import org.minga.assembly.api.Refusal;
import org.minga.assembly.api.RefusedException;
import org.minga.assembly.api.ScheduleAssemblyCommand;
import org.minga.assembly.api.SetWorkPlanCommand;
import org.minga.assembly.api.Step;

/** A text must show something, and dates and months must fall in this century. */
class VisibleTextAndSaneYearsTest {

    /** Texts a phone can send that look blank on the board: fillers, zero-widths, tags, lone combining marks. */
    static final List<String> INVISIBLE = List.of(
            "\u200B\u200B\u200B", "\uFEFF", "\u200F\u200E", "\u3164\u3164", "\u115F\u1160", "\uFFA0", "\u2800\u2800",
            "\uDB40\uDC41\uDB40\uDC7F", "\u0301\u0308", "\u20DD", " \u200B \u2060 \u00AD ", "\u034F\uFE0F");

    private FixtureConfiguration<Assembly> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Assembly.class);
    }

    @Test
    void aTextWithNoVisibleCharacterIsRefusedNamingItsField() {
        for (String text : INVISIBLE) {
            assertThatThrownBy(() -> TextRules.required("text", text)).as(escaped(text))
                    .isInstanceOfSatisfying(InvalidInputException.class, refused -> {
                        assertThat(refused.refusal()).isEqualTo(Refusal.TEXT_INVISIBLE);
                        assertThat(refused.field()).isEqualTo("text");
                    });
            assertThatThrownBy(() -> TextRules.optional("venue", text)).as(escaped(text))
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            refused -> assertThat(refused.refusal()).isEqualTo(Refusal.TEXT_INVISIBLE));
        }
        assertThatThrownBy(() -> TextRules.list("cooperatingOrganizations", List.of("Coop", "\u3164"), 20, true))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        refused -> assertThat(refused.field()).isEqualTo("cooperatingOrganizations[1]"));
    }

    @Test
    void textsWithSomethingVisibleStayAsWritten() {
        assertThat(TextRules.required("text", "Crédito\u200B rural")).isEqualTo("Crédito\u200B rural");
        assertThat(TextRules.required("text", "한글")).isEqualTo("한글");
        assertThat(TextRules.required("text", "\uFEFF=1+2")).isEqualTo("\uFEFF=1+2");
        assertThat(TextRules.required("text", "👩🏽‍🌾")).isEqualTo("👩🏽‍🌾");
        assertThat(TextRules.optional("venue", "   ")).as("blank is still left out").isNull();
    }

    @Test
    void cannotWriteANeedMadeOfInvisibleCharacters() {
        for (String text : INVISIBLE) {
            fixture.given(seatedRoomWith(opened(Step.NEEDS)))
                    .when(new AddNeedPieceCommand(ASSEMBLY, TABLE_1, "n1", text))
                    .expectNoEvents()
                    .expectException(Refused.with(Refusal.TEXT_INVISIBLE));
        }
    }

    @Test
    void cannotAttachASolutionWhoseOrganisationIsBlankFiller() {
        fixture.given(seatedRoomWith(opened(Step.NEEDS), needAdded(TABLE_1, "n1", "Crédito"), opened(Step.SOLUTIONS)))
                .when(new AttachSolutionCommand(ASSEMBLY, TABLE_1, "n1", "Fondo rotatorio", List.of("\u2800")))
                .expectNoEvents()
                .expectException(Refused.with(Refusal.TEXT_INVISIBLE));
    }

    @Test
    void cannotScheduleAHorizonOrDateOutsideThisCentury() {
        refusesSchedule(LocalDate.of(2026, 3, 14), new MonthRange(YearMonth.of(-2024, 1), YearMonth.of(2026, 12)), "horizon.from");
        refusesSchedule(LocalDate.of(2026, 3, 14), new MonthRange(YearMonth.of(2024, 1), YearMonth.of(20260, 12)), "horizon.to");
        refusesSchedule(LocalDate.of(1999, 12, 31), HORIZON, "date");
        refusesSchedule(LocalDate.of(2101, 1, 1), HORIZON, "date");
    }

    @Test
    void cannotPlanWorkInAYearOutsideThisCentury() {
        // An assembly recorded before years were checked, with a horizon that reaches far.
        List<Object> events = new ArrayList<>(seatedRoomWith(opened(Step.NEEDS), needAdded(TABLE_1, "n1", "Crédito"),
                opened(Step.SOLUTIONS), solutionAttached(TABLE_1, "n1", "Fondo"), opened(Step.WORK_PLAN)));
        AssemblyScheduledEvent scheduled = (AssemblyScheduledEvent) events.get(0);
        events.set(0, new AssemblyScheduledEvent(scheduled.assemblyId(), scheduled.title(), scheduled.region(), scheduled.venue(),
                scheduled.date(), new MonthRange(YearMonth.of(1990, 1), YearMonth.of(2300, 12)), scheduled.language(),
                scheduled.axes(), scheduled.rules(), scheduled.timeboxes()));
        fixture.given(events)
                .when(new SetWorkPlanCommand(ASSEMBLY, TABLE_1, "n1", List.of("Coop"),
                        new MonthRange(YearMonth.of(2150, 1), YearMonth.of(2150, 6))))
                .expectNoEvents()
                .expectException(Refused.with(Refusal.YEAR_OUT_OF_RANGE));
    }

    private void refusesSchedule(LocalDate date, MonthRange horizon, String field) {
        fixture.givenNoPriorActivity()
                .when(new ScheduleAssemblyCommand(ASSEMBLY, "Asamblea", "Valle", null, date, horizon, "es", twoAxes(), null, null))
                .expectNoEvents()
                .expectException(Refused.with(Refusal.YEAR_OUT_OF_RANGE))
                .expectException(new CustomTypeSafeMatcher<RefusedException>("a refusal naming " + field) {
                    @Override
                    protected boolean matchesSafely(RefusedException refused) {
                        return field.equals(refused.field());
                    }
                });
    }

    private static String escaped(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> out.append(String.format("U+%04X ", c)));
        return out.toString();
    }
}
