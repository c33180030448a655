package org.minga.participation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.minga.assembly.api.AssemblyScheduledEvent;
import org.minga.assembly.api.AssemblySplitIntoTablesEvent;
import org.minga.assembly.api.AxisDefinition;
import org.minga.assembly.api.LateParticipantSeatedEvent;
import org.minga.assembly.api.ParticipantMovedEvent;
import org.minga.assembly.api.ParticipantProfileCorrectedEvent;
import org.minga.assembly.api.ParticipantProfile;
import org.minga.assembly.api.ParticipantRegisteredEvent;
import org.minga.assembly.api.TableAssignment;
import org.minga.assembly.api.TableLabels;
import org.minga.assembly.api.query.ParticipationView;
import org.minga.assembly.api.query.ParticipationView.AxisParticipation;
import org.minga.assembly.api.query.ParticipationView.Breakdowns;
import org.minga.assembly.api.query.ParticipationView.Count;
import org.minga.assembly.api.query.ParticipationView.TableParticipation;
import org.minga.projections.AssemblyEvent;

/**
 * Participation as a fold: who registered with which attributes and where they sit. The figures
 * are counted when asked, from attributes only: the fold never sees a name.
 */
public final class ParticipationFold {

    static final String UNKNOWN = "unknown";

    /** One participant as counted: the form's attributes and the table, once seated. */
    public record Person(String participantId, ParticipantProfile profile, String tableId) {
    }

    public record TableRef(String tableId, String axisId, String label) {
    }

    /** {@code language} is the assembly's, which its tables are labelled in; null in documents stored before it was kept. */
    public record ParticipationDocument(String assemblyId, long version, List<AxisDefinition> axes, List<TableRef> tables,
                                        List<Person> people, String language) {
    }

    private ParticipationFold() {
    }

    public static ParticipationDocument apply(ParticipationDocument state, AssemblyEvent event) {
        Object payload = event.payload();
        if (payload instanceof AssemblyScheduledEvent scheduled) {
            return new ParticipationDocument(scheduled.assemblyId(), event.sequence(), scheduled.axes(), List.of(), List.of(),
                    scheduled.language());
        }
        if (state == null) {
            return null;
        }
        List<TableRef> tables = state.tables();
        List<Person> people = state.people();
        if (payload instanceof ParticipantRegisteredEvent registered) {
            people = new ArrayList<>(people);
            people.add(new Person(registered.participantId(), registered.profile(), null));
        } else if (payload instanceof AssemblySplitIntoTablesEvent split) {
            tables = split.tables().stream()
                    .map(t -> new TableRef(t.tableId(), t.axisId(), TableLabels.label(state.language(), t.number())))
                    .toList();
            Map<String, String> seats = new LinkedHashMap<>();
            for (TableAssignment table : split.tables()) {
                table.memberIds().forEach(member -> seats.put(member, table.tableId()));
            }
            people = people.stream().map(p -> new Person(p.participantId(), p.profile(), seats.get(p.participantId()))).toList();
        } else if (payload instanceof LateParticipantSeatedEvent seated) {
            people = seatedAt(people, seated.participantId(), seated.tableId());
        } else if (payload instanceof ParticipantMovedEvent moved) {
            people = seatedAt(people, moved.participantId(), moved.toTableId());
        } else if (payload instanceof ParticipantProfileCorrectedEvent corrected) {
            people = people.stream()
                    .map(p -> p.participantId().equals(corrected.participantId()) ? new Person(p.participantId(), corrected.profile(), p.tableId()) : p)
                    .toList();
        } else {
            // Pieces, steps and votes do not change who took part: the document is not rewritten for them.
            return state;
        }
        return new ParticipationDocument(state.assemblyId(), event.sequence(), state.axes(), tables, people, state.language());
    }

    private static List<Person> seatedAt(List<Person> people, String participantId, String tableId) {
        return people.stream()
                .map(p -> p.participantId().equals(participantId) ? new Person(p.participantId(), p.profile(), tableId) : p)
                .toList();
    }

    /** The figures an organiser reports. */
    public static ParticipationView view(ParticipationDocument state) {
        List<Person> seated = state.people().stream().filter(p -> p.tableId() != null).toList();
        Map<String, TableRef> tablesById = new LinkedHashMap<>();
        state.tables().forEach(t -> tablesById.put(t.tableId(), t));
        List<AxisParticipation> axes = new ArrayList<>();
        for (AxisDefinition axis : state.axes()) {
            List<Person> inAxis = seated.stream()
                    .filter(p -> axis.axisId().equals(tablesById.get(p.tableId()).axisId()))
                    .toList();
            List<TableParticipation> tables = state.tables().stream()
                    .filter(t -> t.axisId().equals(axis.axisId()))
                    .map(t -> table(t, seated.stream().filter(p -> p.tableId().equals(t.tableId())).toList()))
                    .toList();
            axes.add(new AxisParticipation(axis.axisId(), axis.title(), inAxis.size(), breakdowns(inAxis), tables));
        }
        return new ParticipationView(state.assemblyId(), state.version(), state.people().size(), seated.size(),
                breakdowns(state.people()), axes);
    }

    private static TableParticipation table(TableRef table, List<Person> members) {
        long organizations = members.stream()
                .map(p -> p.profile().organization().toLowerCase(Locale.ROOT))
                .distinct()
                .count();
        return new TableParticipation(table.tableId(), table.label(), members.size(),
                count(members, p -> p.gender() == null ? null : p.gender().code()),
                count(members, p -> p.area() == null ? null : p.area().code()),
                (int) organizations);
    }

    private static Breakdowns breakdowns(List<Person> people) {
        return new Breakdowns(
                count(people, p -> p.gender() == null ? null : p.gender().code()),
                count(people, p -> p.ageGroup() == null ? null : p.ageGroup().code()),
                count(people, ParticipantProfile::sector),
                count(people, ParticipantProfile::organizationType),
                count(people, ParticipantProfile::territory),
                count(people, p -> p.area() == null ? null : p.area().code()));
    }

    /** Counts a value over people, most frequent first; texts written differently in case count as one. */
    static List<Count> count(List<Person> people, Function<ParticipantProfile, String> attribute) {
        Map<String, String> spelling = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Person person : people) {
            String value = Objects.requireNonNullElse(attribute.apply(person.profile()), UNKNOWN);
            String key = value.toLowerCase(Locale.ROOT);
            spelling.putIfAbsent(key, value);
            counts.merge(key, 1, Integer::sum);
        }
        int total = people.size();
        return counts.entrySet().stream()
                .map(e -> new Count(spelling.get(e.getKey()), e.getValue(), share(e.getValue(), total)))
                .sorted(Comparator.comparing(Count::count).reversed().thenComparing(Count::value))
                .toList();
    }

    private static double share(int count, int total) {
        return total == 0 ? 0 : Math.round(10_000.0 * count / total) / 10_000.0;
    }
}
