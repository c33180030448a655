package org.minga.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Prepares the rooms the way a facilitator and the tables do, through the public API only: schedule
 * the assembly (one axis per five tables), register two people per table, split into tables of two,
 * open the needs step, let each table's phone add its two needs, and create a projector link. Each
 * assembly is then brought to its {@link MethodStep} (dealt round the four): a solution on each need
 * for the solutions step, a work plan on each for the work-plan step, and a spokesperson per table
 * for the spokespeople step, each step opened by the facilitator as in the room. Eight requests at
 * most are in flight, one assembly per worker; this is preparation, not the measured load. For a
 * room's rhythm, rooms can also be left before their first step: split, with no step open and no piece.
 */
public final class RoomSetup {

    static final int IN_FLIGHT = 8;
    static final int PEOPLE_PER_TABLE = 2;
    static final int TABLES_PER_AXIS = 5;
    static final int NEEDS_PER_TABLE = 2;

    /** One table as its phone knows it: where it sits, its join code, its members, the needs it wrote and its assembly's step. */
    public record PhoneTable(String assemblyId, String tableId, String joinCode, List<String> memberIds, List<String> needIds,
                             MethodStep step) {

        String path() {
            return "/api/assemblies/" + assemblyId + "/tables/" + tableId;
        }
    }

    /** One assembly ready for the load: its projector link and its tables. */
    public record Room(String assemblyId, String projectorLink, List<PhoneTable> tables) {
    }

    /**
     * The rooms, how long preparing them took, how often a request met a read model not caught up
     * yet, and the errors Minga answered that setup could work around.
     */
    public record Rooms(List<Room> rooms, Duration took, long readModelRetries, List<String> incidents) {

        public int tables() {
            return rooms.stream().mapToInt(room -> room.tables().size()).sum();
        }
    }

    private static final Duration READ_MODEL_WAIT = Duration.ofSeconds(10);

    private final MingaApi api;
    private final Credential facilitator;
    private final LongAdder readModelRetries = new LongAdder();
    private final List<String> incidents = new CopyOnWriteArrayList<>();

    public RoomSetup(MingaApi api, Credential facilitator) {
        this.api = api;
        this.facilitator = facilitator;
    }

    /** {@code assemblies} rooms of about {@code tablesPerAssembly} tables, their ids starting with {@code runId}. */
    public Rooms prepare(String runId, int assemblies, int tablesPerAssembly) {
        return prepare(runId + "-a", assemblies, tablesPerAssembly, true);
    }

    /**
     * {@code assemblies} rooms as they are before the day's first step: scheduled, registered, split
     * into tables with their codes, a projector link; no step open and no piece on the board. Their
     * tables have no needs yet and their step is the needs step, the first to be opened.
     */
    public Rooms prepareBeforeTheFirstStep(String idPrefix, int assemblies, int tablesPerAssembly) {
        return prepare(idPrefix, assemblies, tablesPerAssembly, false);
    }

    private Rooms prepare(String idPrefix, int assemblies, int tablesPerAssembly, boolean bringToStep) {
        long started = System.nanoTime();
        ExecutorService workers = Executors.newFixedThreadPool(IN_FLIGHT);
        try {
            List<Future<Room>> futures = new ArrayList<>();
            for (int k = 0; k < assemblies; k++) {
                String assemblyId = idPrefix + k;
                MethodStep step = MethodStep.ofAssembly(k);
                futures.add(workers.submit(() -> bringToStep ? prepareRoom(assemblyId, tablesPerAssembly, step)
                        : prepareUnopenedRoom(assemblyId, tablesPerAssembly)));
            }
            List<Room> rooms = new ArrayList<>();
            for (Future<Room> future : futures) {
                rooms.add(future.get());
            }
            return new Rooms(rooms, Duration.ofNanos(System.nanoTime() - started), readModelRetries.sum(), List.copyOf(incidents));
        } catch (ExecutionException e) {
            throw new IllegalStateException("Setting up the rooms failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while setting up the rooms", e);
        } finally {
            workers.shutdownNow();
        }
    }

    private Room prepareRoom(String assemblyId, int tablesPerAssembly, MethodStep step) {
        String assembly = "/api/assemblies/" + assemblyId;
        scheduleAndRegister(assemblyId, tablesPerAssembly);
        api.post(assembly + "/steps/needs/open", null, facilitator).expect(200);
        List<PhoneTable> tables = new ArrayList<>();
        for (JsonNode table : split(assembly)) {
            String tableId = table.path("tableId").asText();
            String joinCode = table.path("joinCode").asText();
            Credential phone = Credential.tableCode(joinCode);
            List<String> needIds = new ArrayList<>();
            for (int n = 1; n <= NEEDS_PER_TABLE; n++) {
                String needId = tableId + "-n" + n;
                api.post(assembly + "/tables/" + tableId + "/needs",
                        Map.of("pieceId", needId, "text", "Necesidad " + n + " de la mesa " + tableId), phone).expect(201);
                needIds.add(needId);
            }
            List<String> memberIds = new ArrayList<>();
            table.path("memberIds").forEach(member -> memberIds.add(member.asText()));
            tables.add(new PhoneTable(assemblyId, tableId, joinCode, List.copyOf(memberIds), List.copyOf(needIds), step));
        }
        for (MethodStep reached : step.openedAfterNeeds()) {
            api.post(assembly + "/steps/" + reached.code() + "/open", null, facilitator).expect(200);
            for (PhoneTable table : tables) {
                completeStep(table, reached);
            }
        }
        return new Room(assemblyId, projectorLink(assemblyId), List.copyOf(tables));
    }

    private Room prepareUnopenedRoom(String assemblyId, int tablesPerAssembly) {
        scheduleAndRegister(assemblyId, tablesPerAssembly);
        List<PhoneTable> tables = new ArrayList<>();
        for (JsonNode table : split("/api/assemblies/" + assemblyId)) {
            List<String> memberIds = new ArrayList<>();
            table.path("memberIds").forEach(member -> memberIds.add(member.asText()));
            tables.add(new PhoneTable(assemblyId, table.path("tableId").asText(), table.path("joinCode").asText(), List.copyOf(memberIds),
                    List.of(), MethodStep.NEEDS));
        }
        return new Room(assemblyId, projectorLink(assemblyId), List.copyOf(tables));
    }

    private void scheduleAndRegister(String assemblyId, int tablesPerAssembly) {
        String assembly = "/api/assemblies/" + assemblyId;
        int axes = (tablesPerAssembly + TABLES_PER_AXIS - 1) / TABLES_PER_AXIS;
        api.post("/api/assemblies", schedule(assemblyId, axes), facilitator).expect(201);
        int people = tablesPerAssembly * PEOPLE_PER_TABLE;
        for (int p = 0; p < people; p++) {
            // Preferences dealt round the axes so the groups, and so the tables, come out even.
            api.post(assembly + "/participants", Map.of("participantId", "p" + p, "name", "Persona " + p,
                    "organization", "Organización " + (p % 7), "preferredAxisId", "axis" + (p % axes)), facilitator).expect(201);
        }
    }

    /** What a table does in a step before the next one opens: the puzzle a later step builds on. */
    private void completeStep(PhoneTable table, MethodStep step) {
        Credential phone = Credential.tableCode(table.joinCode());
        switch (step) {
            case SOLUTIONS -> table.needIds().forEach(needId -> api.send("PUT", table.path() + "/needs/" + needId + "/solution",
                    PhoneLoad.solution("Solución para " + needId), phone).expect(200));
            case WORK_PLAN -> table.needIds().forEach(needId -> api.send("PUT", table.path() + "/needs/" + needId + "/work-plan",
                    PhoneLoad.workPlan("Junta de Acción Comunal"), phone).expect(200));
            case SPOKESPEOPLE -> api.send("PUT", table.path() + "/spokesperson",
                    Map.of("participantId", table.memberIds().get(0)), phone).expect(200);
            default -> throw new IllegalArgumentException("Nothing to complete in " + step);
        }
    }

    /**
     * Splits into tables of two and answers the tables with their join codes. Should the split answer
     * an error, the tables are read as the console would after a reload: Minga records the split
     * before it makes the codes, so a failure there leaves the split done (the report lists it).
     */
    private JsonNode split(String assembly) {
        MingaApi.Answer answer = api.post(assembly + "/split-into-tables", Map.of("tableSize", PEOPLE_PER_TABLE), facilitator);
        if (answer.status() == 200) {
            return answer.json().path("tables");
        }
        incidents.add(answer.request() + " answered " + answer.status() + " " + answer.json().path("code").asText("")
                + "; its tables were read with GET " + assembly + "/tables");
        long deadline = System.nanoTime() + READ_MODEL_WAIT.toNanos();
        while (true) {
            MingaApi.Answer tables = api.get(assembly + "/tables", facilitator);
            if (tables.status() == 200 && tables.json().size() > 0 || System.nanoTime() > deadline) {
                return tables.expect(200).json();
            }
            readModelRetries.increment();
            MingaProcess.sleep(Duration.ofMillis(100));
        }
    }

    /**
     * Minga checks a new link's assembly against its summary read model, which follows the events a
     * few milliseconds behind: right after scheduling, the assembly can still be unknown there (404).
     * Asked last, and again while it answers 404, as a facilitator would click again.
     */
    private String projectorLink(String assemblyId) {
        long deadline = System.nanoTime() + READ_MODEL_WAIT.toNanos();
        while (true) {
            MingaApi.Answer answer = api.post("/api/assemblies/" + assemblyId + "/links", Map.of("kind", "projector"), facilitator);
            if (answer.status() != 404 || System.nanoTime() > deadline) {
                return linkToken(answer.expect(201).json().path("url").asText());
            }
            readModelRetries.increment();
            MingaProcess.sleep(Duration.ofMillis(50));
        }
    }


    private static Map<String, Object> schedule(String assemblyId, int axes) {
        List<Map<String, String>> axisList = new ArrayList<>();
        for (int a = 0; a < axes; a++) {
            axisList.add(Map.of("axisId", "axis" + a, "title", "Eje " + (a + 1)));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("assemblyId", assemblyId);
        body.put("title", "Asamblea de prueba " + assemblyId);
        body.put("region", "Banco de pruebas");
        body.put("date", "2026-03-14");
        body.put("horizon", Map.of("from", "2024", "to", "2026"));
        body.put("language", "es");
        body.put("axes", axisList);
        return body;
    }

    /** The share link's token is the {@code link} parameter of the URL Minga answers. */
    static String linkToken(String url) {
        int at = url.indexOf("link=");
        if (at < 0) {
            throw new IllegalStateException("A projector link without a token: " + url);
        }
        int end = url.indexOf('&', at);
        return url.substring(at + 5, end < 0 ? url.length() : end);
    }
}
