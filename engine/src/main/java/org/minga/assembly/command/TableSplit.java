package org.minga.assembly.command;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.minga.assembly.api.TextRules;
import org.minga.assembly.api.TableAssignment;

/**
 * Splits the room into one group per axis and each group into tables. A pure, deterministic
 * function of who registered, in which order:
 * <ul>
 *   <li>group sizes differ by at most one; when they cannot be equal, the axes more people asked
 *       for get the extra seat;</li>
 *   <li>people are placed on their preferred axis, first registered first, while its group has room;
 *       everybody else fills the remaining seats in axis order;</li>
 *   <li>a group of g people gets ceil(g / tableSize) tables whose sizes differ by at most one;</li>
 *   <li>members of the same organisation are dealt round the tables so each table mixes organisations.</li>
 * </ul>
 */
public final class TableSplit {

    /** Who is to be seated: the participant, their organisation and the axis they asked for (or null). */
    public record Person(String participantId, String organization, String preferredAxisId) {
    }

    private TableSplit() {
    }

    /**
     * @param axisIds     the assembly's axes, in the order the assembly lists them
     * @param people      the registered participants, in registration order
     * @param tableSize   the most people a table may seat
     * @return the tables, numbered 1..n across axes (their labels are read from the number)
     */
    public static List<TableAssignment> split(List<String> axisIds, List<Person> people, int tableSize) {
        if (axisIds.isEmpty() || tableSize < 1) {
            throw new IllegalArgumentException("need at least one axis and a positive table size");
        }
        Map<String, List<Person>> groups = groupsByAxis(axisIds, people);
        Map<Person, Integer> registrationOrder = new HashMap<>();
        for (int i = 0; i < people.size(); i++) {
            registrationOrder.put(people.get(i), i);
        }
        List<TableAssignment> tables = new ArrayList<>();
        for (Map.Entry<String, List<Person>> group : groups.entrySet()) {
            for (List<Person> members : tablesOf(group.getValue(), tableSize)) {
                int number = tables.size() + 1;
                List<String> memberIds = members.stream()
                        .sorted(Comparator.comparing(registrationOrder::get))
                        .map(Person::participantId)
                        .toList();
                tables.add(new TableAssignment("t" + number, group.getKey(), number, memberIds));
            }
        }
        return List.copyOf(tables);
    }

    private static Map<String, List<Person>> groupsByAxis(List<String> axisIds, List<Person> people) {
        Map<String, Long> demand = people.stream()
                .filter(p -> p.preferredAxisId() != null && axisIds.contains(p.preferredAxisId()))
                .collect(Collectors.groupingBy(Person::preferredAxisId, Collectors.counting()));
        List<String> byDemand = axisIds.stream()
                .sorted(Comparator.comparing((String axis) -> demand.getOrDefault(axis, 0L)).reversed()
                        .thenComparing(axisIds::indexOf))
                .toList();
        int base = people.size() / axisIds.size();
        int extra = people.size() % axisIds.size();
        Map<String, Integer> capacity = new HashMap<>();
        for (int i = 0; i < byDemand.size(); i++) {
            capacity.put(byDemand.get(i), base + (i < extra ? 1 : 0));
        }

        Map<String, List<Person>> groups = new LinkedHashMap<>();
        axisIds.forEach(axis -> groups.put(axis, new ArrayList<>()));
        List<Person> unplaced = new ArrayList<>();
        for (Person person : people) {
            List<Person> preferred = person.preferredAxisId() == null ? null : groups.get(person.preferredAxisId());
            if (preferred != null && preferred.size() < capacity.get(person.preferredAxisId())) {
                preferred.add(person);
            } else {
                unplaced.add(person);
            }
        }
        for (Person person : unplaced) {
            String axis = axisIds.stream()
                    .filter(a -> groups.get(a).size() < capacity.get(a))
                    .findFirst()
                    .orElseThrow();
            groups.get(axis).add(person);
        }
        return groups;
    }

    private static List<List<Person>> tablesOf(List<Person> group, int tableSize) {
        int tableCount = (group.size() + tableSize - 1) / tableSize;
        List<List<Person>> tables = new ArrayList<>();
        for (int i = 0; i < tableCount; i++) {
            tables.add(new ArrayList<>());
        }
        Function<Person, String> organization = TableSplit::organizationOf;
        Map<String, Long> organizationSizes = group.stream()
                .collect(Collectors.groupingBy(organization, Collectors.counting()));
        // Largest organisations first, each one's members side by side, then dealt round the tables:
        // an organisation with m members ends up with at most ceil(m / tables) at any table.
        List<Person> dealingOrder = new ArrayList<>(group);
        dealingOrder.sort(Comparator.comparing((Person p) -> organizationSizes.get(organization.apply(p))).reversed()
                .thenComparing(organization));
        for (int i = 0; i < dealingOrder.size(); i++) {
            tables.get(i % tableCount).add(dealingOrder.get(i));
        }
        return tables;
    }

    private static String organizationOf(Person person) {
        return person.organization() == null || person.organization().isBlank()
                ? "#" + person.participantId()
                : TextRules.organizationKey(person.organization());
    }
}
