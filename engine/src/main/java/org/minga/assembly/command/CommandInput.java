package org.minga.assembly.command;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.minga.assembly.api.AssemblyRules;
import org.minga.assembly.api.AxisDefinition;
import org.minga.assembly.api.InvalidInputException;
import org.minga.assembly.api.MonthRange;
import org.minga.assembly.api.ParticipantProfile;
import org.minga.assembly.api.Refusal;
import org.minga.assembly.api.Step;
import org.minga.assembly.api.StepTimebox;
import org.minga.assembly.api.TextRules;
import org.minga.assembly.api.VoteCount;
import org.minga.words.Words;

/**
 * What a command's input must look like before the method's rules are asked: fields there, numbers
 * and years in range, texts cleaned ({@link TextRules}), defaults filled in. Bad input is an
 * {@link InvalidInputException} with the same codes whichever handler asks. Pure functions; the
 * {@link Assembly}'s handlers call them first, then check the rules.
 */
final class CommandInput {

    static final int MAX_AXES = 12;
    static final int MAX_LIST_ENTRIES = 20;
    static final int MIN_YEAR = 2000;
    static final int MAX_YEAR = 2100;
    static final int MAX_MINUTES = 240;
    static final int MAX_VOTES = 1_000_000;
    static final int MAX_NEEDS_PER_TABLE = 5;
    static final int MAX_TABLE_SIZE = 100;

    private CommandInput() {
    }

    static <T> T required(String field, T value) {
        if (value == null) {
            throw new InvalidInputException(field, Refusal.FIELD_REQUIRED);
        }
        return value;
    }

    static int inRange(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InvalidInputException(field, Refusal.NUMBER_OUT_OF_RANGE, value, min, max);
        }
        return value;
    }

    static LocalDate date(String field, LocalDate date) {
        required(field, date);
        year(field, date.getYear());
        return date;
    }

    /** Assemblies and their plans live in this century: a year like -2024 or 20245 is a typing slip, not a plan. */
    static void year(String field, int year) {
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw new InvalidInputException(field, Refusal.YEAR_OUT_OF_RANGE,
                    String.valueOf(year), String.valueOf(MIN_YEAR), String.valueOf(MAX_YEAR));
        }
    }

    static MonthRange monthRange(String field, MonthRange range) {
        required(field, range);
        required(field + ".from", range.from());
        required(field + ".to", range.to());
        year(field + ".from", range.from().getYear());
        year(field + ".to", range.to().getYear());
        if (range.from().isAfter(range.to())) {
            throw new InvalidInputException(field, Refusal.MONTH_RANGE_REVERSED, range.from(), range.to());
        }
        return range;
    }

    static String language(String language) {
        if (language == null || language.isBlank()) {
            return Words.SPANISH;
        }
        String code = language.strip().toLowerCase(Locale.ROOT);
        // Any language Minga ships a catalogue of words for: a K'iche' assembly reads Spanish where K'iche' has no words yet.
        if (!Words.languages().contains(code)) {
            throw new InvalidInputException("language", Refusal.LANGUAGE_UNSUPPORTED, language, String.join(", ", Words.languages()));
        }
        return code;
    }

    static List<AxisDefinition> axes(List<AxisDefinition> axes) {
        if (axes == null || axes.isEmpty()) {
            throw new InvalidInputException("axes", Refusal.LIST_EMPTY);
        }
        if (axes.size() > MAX_AXES) {
            throw new InvalidInputException("axes", Refusal.LIST_TOO_LONG, MAX_AXES);
        }
        Map<String, AxisDefinition> byId = new LinkedHashMap<>();
        for (int i = 0; i < axes.size(); i++) {
            String field = "axes[" + i + "]";
            AxisDefinition axis = required(field, axes.get(i));
            AxisDefinition clean = new AxisDefinition(
                    TextRules.id(field + ".axisId", axis.axisId()),
                    TextRules.required(field + ".title", axis.title()),
                    TextRules.optional(field + ".description", axis.description()));
            if (byId.putIfAbsent(clean.axisId(), clean) != null) {
                throw new InvalidInputException(field + ".axisId", Refusal.AXIS_DUPLICATE, clean.axisId());
            }
        }
        return List.copyOf(byId.values());
    }

    static AssemblyRules rules(AssemblyRules rules) {
        if (rules == null) {
            return AssemblyRules.DEFAULTS;
        }
        return new AssemblyRules(
                inRange("rules.maxNeedsPerTable", rules.maxNeedsPerTable(), 1, MAX_NEEDS_PER_TABLE),
                inRange("rules.tableSize", rules.tableSize(), 2, MAX_TABLE_SIZE));
    }

    /** Every step gets a timebox: the one given, or the method's default. */
    static List<StepTimebox> timeboxes(List<StepTimebox> given) {
        Map<Step, Integer> minutes = new EnumMap<>(Step.class);
        if (given != null) {
            for (int i = 0; i < given.size(); i++) {
                String field = "steps[" + i + "]";
                StepTimebox timebox = required(field, given.get(i));
                Step step = required(field + ".step", timebox.step());
                int value = inRange(field + ".minutes", timebox.minutes(), 1, MAX_MINUTES);
                if (minutes.putIfAbsent(step, value) != null) {
                    throw new InvalidInputException(field + ".step", Refusal.STEP_TIMEBOX_DUPLICATE, step.code());
                }
            }
        }
        List<StepTimebox> all = new ArrayList<>();
        for (Step step : Step.values()) {
            all.add(new StepTimebox(step, minutes.getOrDefault(step, step.defaultMinutes())));
        }
        return all;
    }

    /** A profile with its texts cleaned; the preferred axis is the aggregate's to check. */
    static ParticipantProfile profile(ParticipantProfile profile) {
        return new ParticipantProfile(
                TextRules.required("organization", profile.organization()),
                TextRules.optional("organizationType", profile.organizationType()),
                TextRules.optional("sector", profile.sector()),
                profile.gender(),
                profile.ageGroup(),
                TextRules.optional("territory", profile.territory()),
                profile.area(),
                profile.preferredAxisId());
    }

    static VoteCount votes(VoteCount votes) {
        return new VoteCount(
                inRange("inFavor", votes.inFavor(), 0, MAX_VOTES),
                inRange("against", votes.against(), 0, MAX_VOTES),
                inRange("abstentions", votes.abstentions(), 0, MAX_VOTES));
    }
}
