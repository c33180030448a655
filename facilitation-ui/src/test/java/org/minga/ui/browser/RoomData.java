package org.minga.ui.browser;

import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.minga.ui.MingaClient;

/** Sets up assemblies for browser tests through the REST API, as a console and phones would. */
final class RoomData {

    /** Needs of 120 to 280 characters, as a room writes them. */
    static final String[] LONG_NEEDS = {
        "Las organizaciones comunitarias del territorio trabajan aisladas y sin espacios permanentes para compartir compras, saberes y maquinaria entre veredas",
        "Los caminos veredales están intransitables durante el invierno y las familias productoras pierden sus cosechas porque no pueden sacarlas a tiempo a los mercados del municipio ni a las plazas campesinas",
        "Crédito sin garantías para mujeres rurales organizadas, con tasas de interés justas, plazos acordes a las cosechas y acompañamiento técnico permanente para que las iniciativas productivas no fracasen en el primer año de funcionamiento ni se endeuden más",
        "Faltan registros sanitarios y capacitaciones en transformación de alimentos para que las asociaciones puedan vender sus productos en tiendas y supermercados",
        "Los jóvenes de las veredas no encuentran formación en liderazgo, contabilidad ni comercialización y se van a las ciudades; las organizaciones envejecen sin relevo generacional y pierden la memoria de sus procesos colectivos"};
    static final String[] LONG_SOLUTIONS = {
        "Crear una red de organizaciones solidarias con reunión mensual rotativa entre veredas, una central de compras compartida y un inventario común de maquinaria",
        "Mingas comunitarias de mantenimiento de caminos con apoyo de la alcaldía en materiales, volquetas y maquinaria, organizadas por las juntas de acción comunal antes de cada temporada de lluvias",
        "Fondo rotatorio entre cooperativas de mujeres, administrado por un comité elegido en asamblea, con reglamento propio, educación financiera y seguimiento trimestral de cada préstamo otorgado a las asociadas",
        "Escuela itinerante de transformación de alimentos y acompañamiento para los trámites sanitarios, con laboratorio compartido entre asociaciones",
        "Semillero de liderazgo juvenil con pasantías en las cooperativas, becas de transporte y un programa de radio comunitaria hecho por los mismos jóvenes de las veredas"};

    private final MingaClient api;
    private final String assemblyId;
    private final String base;

    private RoomData(MingaClient api, String assemblyId) {
        this.api = api;
        this.assemblyId = assemblyId;
        this.base = "/api/assemblies/" + assemblyId;
    }

    /** An assembly with {@code axes} axes, {@code tablesPerAxis} tables each of {@code tableSize}, needs step open. */
    static RoomData withNeedsOpen(MingaClient api, String assemblyId, int axes, int tablesPerAxis, int tableSize) {
        return withNeedsOpen(api, assemblyId, "Asamblea del Valle", axes, tablesPerAxis, tableSize);
    }

    /** The same, under the given title (written into JSON as is: no quotes or backslashes). */
    static RoomData withNeedsOpen(MingaClient api, String assemblyId, String title, int axes, int tablesPerAxis, int tableSize) {
        RoomData room = new RoomData(api, assemblyId);
        StringBuilder axisList = new StringBuilder();
        String[] titles = {"Asociatividad y trabajo en red", "Acceso a crédito para la economía popular",
                "Formación para la asociatividad solidaria", "Asistencia técnica para la industrialización",
                "Integración para construir territorios solidarios"};
        for (int a = 0; a < axes; a++) {
            axisList.append(a == 0 ? "" : ",").append("{\"axisId\": \"axis").append(a + 1).append("\", \"title\": \"").append(titles[a]).append("\"}");
        }
        api.post("/api/assemblies", """
                {"assemblyId": "%s", "title": "%s", "region": "Valle del Cauca", "date": "2026-03-14",
                 "horizon": {"from": "2024", "to": "2026"}, "language": "es", "axes": [%s],
                 "rules": {"maxNeedsPerTable": 2, "tableSize": %d}}""".formatted(assemblyId, title, axisList, tableSize)).expect(201);
        int people = axes * tablesPerAxis * tableSize;
        for (int i = 1; i <= people; i++) {
            api.post(room.base + "/participants", """
                    {"participantId": "p%d", "name": "Persona %d", "organization": "Organización %d", "gender": "%s", "area": "rural",
                     "preferredAxisId": "axis%d"}""".formatted(i, i, i % 7, i % 2 == 0 ? "female" : "male", 1 + (i - 1) % axes)).expect(201);
        }
        api.post(room.base + "/split-into-tables", "{}").expect(200);
        room.openStep("needs");
        return room;
    }

    /** The reference room: 5 axes × 5 tables × 2 needs, each with a solution and a plan, 3 tables per axis pinned. */
    static RoomData fullPuzzle(MingaClient api, String assemblyId) {
        RoomData room = withNeedsOpen(api, assemblyId, 5, 5, 2);
        JsonNode tables = api.get(room.base + "/tables").json();
        for (JsonNode table : tables) {
            String t = table.get("tableId").asText();
            room.addNeed(t, t + "a", "Las organizaciones del territorio trabajan aisladas y sin espacios para compartir compras ni saberes");
            room.addNeed(t, t + "b", "Crédito sin garantías para mujeres rurales con tasas de interés justas");
        }
        room.openStep("solutions");
        for (JsonNode table : tables) {
            String t = table.get("tableId").asText();
            for (String need : new String[] {t + "a", t + "b"}) {
                api.put(room.base + "/tables/" + t + "/needs/" + need + "/solution", """
                        {"text": "Fondo rotatorio entre cooperativas con reunión mensual de la red",
                         "cooperatingOrganizations": ["Cooperativa La Esperanza", "Banco Comunal"]}""").expect(200);
            }
        }
        room.openStep("work-plan");
        for (JsonNode table : tables) {
            String t = table.get("tableId").asText();
            for (String need : new String[] {t + "a", t + "b"}) {
                api.put(room.base + "/tables/" + t + "/needs/" + need + "/work-plan",
                        "{\"who\": [\"Cooperativa La Esperanza\", \"Alcaldía\"], \"when\": {\"from\": \"2025-01\", \"to\": \"2025-12\"}}").expect(200);
            }
        }
        room.openStep("spokespeople");
        int index = 0;
        for (JsonNode table : tables) {
            String t = table.get("tableId").asText();
            if (index++ % 5 < 3) {
                api.put(room.base + "/tables/" + t + "/spokesperson", "{\"participantId\": \"" + table.at("/memberIds/0").asText() + "\"}").expect(200);
                api.post(room.base + "/tables/" + t + "/pin", "").expect(200);
            }
        }
        return room;
    }

    /** The join code on a table's card. */
    String codeOf(String tableId) {
        return java.util.stream.StreamSupport.stream(api.get(base + "/tables").json().spliterator(), false)
                .filter(t -> t.get("tableId").asText().equals(tableId)).findFirst().orElseThrow().get("joinCode").asText();
    }

    /** An assembly someone else created (the console, in a browser test). */
    static RoomData existing(MingaClient api, String assemblyId) {
        return new RoomData(api, assemblyId);
    }

    /** Waits until the live board shows the step open or closed. */
    void awaitStep(String step, boolean open) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> {
            JsonNode now = api.get(base + "/board").json().get("step");
            return step.equals(now.get("current").asText()) && now.get("open").asBoolean() == open;
        });
    }

    void attachSolution(String tableId, String pieceId) {
        api.put(base + "/tables/" + tableId + "/needs/" + pieceId + "/solution",
                "{\"text\": \"Fondo rotatorio\", \"cooperatingOrganizations\": [\"Cooperativa A\"]}").expect(200);
    }

    void planWork(String tableId, String pieceId) {
        api.put(base + "/tables/" + tableId + "/needs/" + pieceId + "/work-plan",
                "{\"who\": [\"Cooperativa A\"], \"when\": {\"from\": \"2026-01\", \"to\": \"2026-06\"}}").expect(200);
    }

    void electAndPin(String tableId) {
        JsonNode table = java.util.stream.StreamSupport.stream(api.get(base + "/tables").json().spliterator(), false)
                .filter(t -> t.get("tableId").asText().equals(tableId)).findFirst().orElseThrow();
        api.put(base + "/tables/" + tableId + "/spokesperson", "{\"participantId\": \"" + table.at("/memberIds/0").asText() + "\"}").expect(200);
        api.post(base + "/tables/" + tableId + "/pin", "").expect(200);
    }

    /** One need through solution, plan, spokesperson and pin, the text the same in every piece. */
    void finishTable(String tableId, String pieceId, String text) {
        String json = text.replace("\\", "\\\\").replace("\"", "\\\"");
        api.post(base + "/tables/" + tableId + "/needs", "{\"pieceId\": \"" + pieceId + "\", \"text\": \"" + json + "\"}").expect(201);
        openStep("solutions");
        api.put(base + "/tables/" + tableId + "/needs/" + pieceId + "/solution",
                "{\"text\": \"" + json + "\", \"cooperatingOrganizations\": [\"" + json + "\"]}").expect(200);
        openStep("work-plan");
        api.put(base + "/tables/" + tableId + "/needs/" + pieceId + "/work-plan",
                "{\"who\": [\"" + json + "\"], \"when\": {\"from\": \"2025-01\", \"to\": \"2025-06\"}}").expect(200);
        openStep("spokespeople");
        String member = api.get(base + "/tables").json().get(0).at("/memberIds/0").asText();
        api.put(base + "/tables/" + tableId + "/spokesperson", "{\"participantId\": \"" + member + "\"}").expect(200);
        api.post(base + "/tables/" + tableId + "/pin", "").expect(200);
    }

    /** The sequence of the event that added a need piece. */
    long sequenceOf(String pieceId) {
        return StreamSupport.stream(api.get(base + "/history").json().spliterator(), false)
                .filter(e -> e.get("type").asText().equals("NeedPieceAddedEvent") && pieceId.equals(e.path("pieceId").asText()))
                .findFirst().orElseThrow().get("sequence").asLong();
    }

    /** The piece ids on the board as it stood after an event, as the server rebuilds it. */
    java.util.List<String> piecesAt(long sequence) {
        return api.get(base + "/board?sequence=" + sequence).json().findValues("pieceId").stream().map(JsonNode::asText).toList();
    }

    void addNeed(String tableId, String pieceId, String text) {
        api.post(base + "/tables/" + tableId + "/needs", "{\"pieceId\": \"" + pieceId + "\", \"text\": \"" + text + "\"}").expect(201);
    }

    void openStep(String step) {
        api.post(base + "/steps/" + step + "/open", "{}").expect(200);
    }

    /** How many pieces on the live board carry this text. */
    long piecesWithText(String text) {
        JsonNode board = api.get(base + "/board").json();
        return board.findValues("pieces").stream()
                .flatMap(pieces -> StreamSupport.stream(pieces.spliterator(), false))
                .filter(piece -> piece.get("text").asText().equals(text))
                .count();
    }

    /** How many pieces on the live board have their work plan. */
    long piecesWithPlans() {
        return api.get(base + "/board").json().findValues("workPlan").stream().filter(plan -> !plan.isNull()).count();
    }

    /** How many tables on the live board are pinned. */
    long pinnedTables() {
        return api.get(base + "/board").json().findValues("pinned").stream().filter(JsonNode::asBoolean).count();
    }

    /** How many events of a type the history holds. */
    long historyOf(String type) {
        return StreamSupport.stream(api.get(base + "/history").json().spliterator(), false)
                .filter(entry -> entry.get("type").asText().equals(type))
                .count();
    }

    String assemblyId() {
        return assemblyId;
    }
}
