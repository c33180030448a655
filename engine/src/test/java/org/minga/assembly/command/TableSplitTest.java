package org.minga.assembly.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.minga.assembly.api.TextRules;
import org.minga.assembly.api.TableAssignment;
import org.minga.assembly.api.TableLabels;
import org.minga.assembly.command.TableSplit.Person;

class TableSplitTest {

    private static final List<String> FIVE_AXES = List.of("association", "credit", "training", "assistance", "territories");

    @Test
    void fiveHundredPeopleOnFiveAxesMakeTwentyFiveTablesOfTwenty() {
        List<Person> room = room(500, 40, new Random(500), 0.6);

        List<TableAssignment> tables = TableSplit.split(FIVE_AXES, room, 20);

        assertThat(tables).hasSize(25);
        assertThat(tables).allSatisfy(t -> assertThat(t.memberIds()).hasSize(20));
        assertThat(groupSizes(tables, FIVE_AXES)).containsExactly(100, 100, 100, 100, 100);
        assertThat(tables.get(0).tableId()).isEqualTo("t1");
        assertThat(tables.get(24).number()).isEqualTo(25);
        assertThat(TableLabels.label("es", tables.get(24).number())).isEqualTo("Mesa 25");
        assertInvariants(FIVE_AXES, room, 20, tables);
    }

    @Test
    void oneHundredAndOnePeopleGiveOneGroupAnExtraPersonAndItTwoTables() {
        List<Person> room = room(101, 10, new Random(101), 0.0);

        List<TableAssignment> tables = TableSplit.split(FIVE_AXES, room, 20);

        assertThat(groupSizes(tables, FIVE_AXES)).containsExactly(21, 20, 20, 20, 20);
        assertThat(tables.stream().filter(t -> t.axisId().equals("association")).map(t -> t.memberIds().size()))
                .containsExactly(11, 10);
        assertInvariants(FIVE_AXES, room, 20, tables);
    }

    @Test
    void sevenPeopleOnFiveAxesSitInGroupsOfTwoAndOne() {
        List<Person> room = room(7, 7, new Random(7), 0.0);

        List<TableAssignment> tables = TableSplit.split(FIVE_AXES, room, 20);

        assertThat(groupSizes(tables, FIVE_AXES)).containsExactly(2, 2, 1, 1, 1);
        assertInvariants(FIVE_AXES, room, 20, tables);
    }

    @Test
    void fewerPeopleThanAxesLeaveSomeAxesWithoutTables() {
        List<Person> room = room(3, 3, new Random(3), 0.0);

        List<TableAssignment> tables = TableSplit.split(FIVE_AXES, room, 20);

        assertThat(tables).extracting(TableAssignment::axisId).containsExactly("association", "credit", "training");
        assertInvariants(FIVE_AXES, room, 20, tables);
    }

    @Test
    void whenEveryonePrefersOneAxisTheFirstRegisteredGetIt() {
        List<Person> room = IntStream.rangeClosed(1, 100)
                .mapToObj(i -> new Person("p" + i, "Org " + (i % 9), "credit"))
                .toList();

        List<TableAssignment> tables = TableSplit.split(FIVE_AXES, room, 20);

        List<String> creditMembers = tables.stream().filter(t -> t.axisId().equals("credit"))
                .flatMap(t -> t.memberIds().stream()).toList();
        assertThat(creditMembers).containsExactlyInAnyOrderElementsOf(
                IntStream.rangeClosed(1, 20).mapToObj(i -> "p" + i).toList());
        assertInvariants(FIVE_AXES, room, 20, tables);
    }

    @Test
    void theExtraSeatGoesToTheAxisMorePeopleAskedFor() {
        List<String> axes = List.of("a", "b");
        List<Person> room = IntStream.rangeClosed(1, 11)
                .mapToObj(i -> new Person("p" + i, "Org " + i, i <= 7 ? "b" : null))
                .toList();

        List<TableAssignment> tables = TableSplit.split(axes, room, 20);

        assertThat(groupSizes(tables, axes)).containsExactly(5, 6);
    }

    @Test
    void membersOfOneOrganisationAreSpreadAcrossTheTablesOfTheirGroup() {
        List<Person> room = new ArrayList<>();
        for (int i = 1; i <= 60; i++) {
            room.add(new Person("p" + i, i <= 20 ? "Cooperativa Grande" : "Org " + i, "credit"));
        }

        List<TableAssignment> tables = TableSplit.split(List.of("credit"), room, 20);

        assertThat(tables).hasSize(3);
        Map<String, String> organizationOf = room.stream().collect(Collectors.toMap(Person::participantId, Person::organization));
        assertThat(tables).allSatisfy(t -> assertThat(
                t.memberIds().stream().filter(id -> organizationOf.get(id).equals("Cooperativa Grande")).count())
                .isBetween(6L, 7L));
    }

    @Test
    void organisationsWrittenDifferentlyCountAsOne() {
        List<Person> room = List.of(
                new Person("p1", "Cooperativa Grande", null),
                new Person("p2", "  cooperativa   GRANDE ", null),
                new Person("p3", "Otra", null),
                new Person("p4", "Otra más", null));

        List<TableAssignment> tables = TableSplit.split(List.of("credit"), room, 2);

        assertThat(tables).hasSize(2);
        assertThat(tables).allSatisfy(t -> assertThat(t.memberIds().stream().filter(List.of("p1", "p2")::contains)).hasSize(1));
    }

    @Test
    void theSameRoomAlwaysSplitsTheSameWay() {
        List<Person> room = room(233, 17, new Random(233), 0.5);

        assertThat(TableSplit.split(FIVE_AXES, room, 12)).isEqualTo(TableSplit.split(FIVE_AXES, room, 12));
    }

    @Test
    void holdsItsPromisesForManyRoomShapes() {
        Random random = new Random(2026);
        List<Integer> sizes = new ArrayList<>(IntStream.rangeClosed(1, 45).boxed().toList());
        sizes.addAll(List.of(99, 100, 101, 137, 250, 499, 500, 501));
        for (int people : sizes) {
            for (int count = 1; count <= 6; count++) {
                int axisCount = count;
                List<String> axes = IntStream.rangeClosed(1, axisCount).mapToObj(i -> "axis" + i).toList();
                for (int tableSize : List.of(2, 3, 7, 20, 25)) {
                    List<Person> room = room(people, 1 + random.nextInt(people), random, random.nextDouble());
                    List<Person> withAxes = room.stream()
                            .map(p -> new Person(p.participantId(), p.organization(),
                                    p.preferredAxisId() == null ? null : axes.get(Math.floorMod(p.preferredAxisId().hashCode(), axisCount))))
                            .toList();
                    assertInvariants(axes, withAxes, tableSize, TableSplit.split(axes, withAxes, tableSize));
                }
            }
        }
    }

    /** Everything the split promises, checked on one result. */
    private static void assertInvariants(List<String> axes, List<Person> room, int tableSize, List<TableAssignment> tables) {
        String shape = room.size() + " people, " + axes.size() + " axes, tables of " + tableSize;
        List<String> seated = tables.stream().flatMap(t -> t.memberIds().stream()).toList();
        assertThat(seated).as("everyone seated once: " + shape)
                .containsExactlyInAnyOrderElementsOf(room.stream().map(Person::participantId).toList());
        assertThat(tables).as("no table above the size: " + shape).allSatisfy(t -> assertThat(t.memberIds().size()).isBetween(1, tableSize));

        List<Integer> groups = groupSizes(tables, axes);
        assertThat(spread(groups)).as("groups differ by at most one: " + shape).isLessThanOrEqualTo(1);

        Map<String, Person> byId = room.stream().collect(Collectors.toMap(Person::participantId, Function.identity()));
        Map<String, Integer> order = new HashMap<>();
        for (int i = 0; i < room.size(); i++) {
            order.put(room.get(i).participantId(), i);
        }
        for (String axis : axes) {
            List<TableAssignment> group = tables.stream().filter(t -> t.axisId().equals(axis)).toList();
            assertThat(spread(group.stream().map(t -> t.memberIds().size()).toList()))
                    .as("tables of a group differ by at most one: " + shape).isLessThanOrEqualTo(1);
            List<String> members = group.stream().flatMap(t -> t.memberIds().stream()).toList();
            // Someone who asked for this axis and sits elsewhere found it full of earlier people who asked for it.
            room.stream()
                    .filter(p -> axis.equals(p.preferredAxisId()) && !members.contains(p.participantId()))
                    .forEach(p -> assertThat(members).as("preference honoured while there was room: " + shape)
                            .allSatisfy(m -> {
                                assertThat(byId.get(m).preferredAxisId()).isEqualTo(axis);
                                assertThat(order.get(m)).isLessThan(order.get(p.participantId()));
                            }));
            assertOrganisationsSpread(group, byId, shape);
        }
    }

    private static void assertOrganisationsSpread(List<TableAssignment> group, Map<String, Person> byId, String shape) {
        if (group.isEmpty()) {
            return;
        }
        Map<String, Long> inGroup = group.stream().flatMap(t -> t.memberIds().stream())
                .collect(Collectors.groupingBy(id -> TextRules.organizationKey(byId.get(id).organization()), Collectors.counting()));
        for (TableAssignment table : group) {
            Map<String, Long> atTable = table.memberIds().stream()
                    .collect(Collectors.groupingBy(id -> TextRules.organizationKey(byId.get(id).organization()), Collectors.counting()));
            atTable.forEach((organization, count) -> assertThat(count)
                    .as("organisation spread over the group's tables: " + shape)
                    .isLessThanOrEqualTo((inGroup.get(organization) + group.size() - 1) / group.size()));
        }
    }

    private static List<Integer> groupSizes(List<TableAssignment> tables, List<String> axes) {
        return axes.stream()
                .map(axis -> tables.stream().filter(t -> t.axisId().equals(axis)).mapToInt(t -> t.memberIds().size()).sum())
                .toList();
    }

    private static int spread(Collection<Integer> sizes) {
        return sizes.isEmpty() ? 0 : sizes.stream().mapToInt(i -> i).max().orElseThrow() - sizes.stream().mapToInt(i -> i).min().orElseThrow();
    }

    /** A room in registration order: organisations drawn from a pool, a share of people with a preferred axis. */
    private static List<Person> room(int people, int organizations, Random random, double shareWithPreference) {
        List<Person> room = new ArrayList<>();
        for (int i = 1; i <= people; i++) {
            String preferred = random.nextDouble() < shareWithPreference ? FIVE_AXES.get(random.nextInt(FIVE_AXES.size())) : null;
            room.add(new Person("p" + i, "Organización " + random.nextInt(Math.max(1, organizations)), preferred));
        }
        return room;
    }
}
