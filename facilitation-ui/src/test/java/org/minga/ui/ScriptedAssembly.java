package org.minga.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One small but complete assembly driven through the public REST API, step by step, the way a
 * console and four table phones would: twelve people, two axes, four tables of three.
 */
public final class ScriptedAssembly {

    public static final String ID = "valle-2026";

    private final MingaClient client;
    private final String base;
    /** Live need piece ids per table, in the order the tables wrote them. */
    private final Map<String, List<String>> liveNeeds = new LinkedHashMap<>();
    private final Map<String, String> spokespeople = new LinkedHashMap<>();
    private JsonNode tables;

    public ScriptedAssembly(MingaClient client) {
        this.client = client;
        this.base = "/api/assemblies/" + ID;
    }

    public ScriptedAssembly schedule() {
        client.post("/api/assemblies", """
                {"assemblyId": "%s", "title": "Asamblea del Valle", "region": "Valle del Cauca", "venue": "Coliseo",
                 "date": "2026-03-14", "horizon": {"from": "2024", "to": "2026"}, "language": "es",
                 "axes": [{"axisId": "credit", "title": "Acceso a crédito para la economía popular"},
                          {"axisId": "training", "title": "Formación para la asociatividad solidaria"}],
                 "rules": {"maxNeedsPerTable": 2, "tableSize": 3}}
                """.formatted(ID)).expect(201);
        return this;
    }

    public ScriptedAssembly registerTwelve() {
        String[] organizations = {"Cooperativa La Esperanza", "Asociación de Mujeres Rurales", "Red de Emprendedores", "Banco Comunal"};
        for (int i = 1; i <= 12; i++) {
            String gender = i == 12 ? "null" : (i % 2 == 1 ? "\"female\"" : "\"male\"");
            client.post(base + "/participants", """
                    {"participantId": "p%02d", "name": "Persona %d", "organization": "%s", "organizationType": "cooperativa",
                     "sector": "agricultura", "gender": %s, "ageGroup": "30-44", "territory": "Buga",
                     "area": "%s", "preferredAxisId": "%s"}
                    """.formatted(i, i, organizations[i % 4], gender, i % 2 == 1 ? "rural" : "urban", i <= 6 ? "credit" : "training"))
                    .expect(201);
        }
        return this;
    }

    public ScriptedAssembly split() {
        tables = client.post(base + "/split-into-tables", "{}").expect(200).json().get("tables");
        for (JsonNode table : tables) {
            liveNeeds.put(table.get("tableId").asText(), new ArrayList<>());
        }
        return this;
    }

    /** Two needs per table; Mesa 2 withdraws one and writes another, Mesa 3 rewrites one. */
    public ScriptedAssembly writeNeeds() {
        client.post(base + "/steps/needs/open", "{\"minutes\": 15}").expect(200);
        for (String tableId : liveNeeds.keySet()) {
            addNeed(tableId, tableId + "-n1", "Necesidad 1 de la " + tableId);
            addNeed(tableId, tableId + "-n2", "Necesidad 2 de la " + tableId);
        }
        client.delete(base + "/tables/t2/needs/t2-n2").expect(200);
        liveNeeds.get("t2").remove("t2-n2");
        addNeed("t2", "t2-n3", "Crédito sin garantías para mujeres rurales");
        client.put(base + "/tables/t3/needs/t3-n1", "{\"text\": \"Formación contable para cooperativas\"}").expect(200);
        return this;
    }

    private void addNeed(String tableId, String pieceId, String text) {
        client.post(base + "/tables/" + tableId + "/needs", """
                {"pieceId": "%s", "text": "%s"}""".formatted(pieceId, text)).expect(201);
        liveNeeds.get(tableId).add(pieceId);
    }

    public ScriptedAssembly attachSolutions() {
        client.post(base + "/steps/solutions/open", "{}").expect(200);
        forEachLiveNeed((tableId, pieceId) -> client.put(base + "/tables/" + tableId + "/needs/" + pieceId + "/solution", """
                {"text": "Solución para %s", "cooperatingOrganizations": ["Cooperativa La Esperanza", "Banco Comunal"]}
                """.formatted(pieceId)).expect(200));
        return this;
    }

    public ScriptedAssembly planWork() {
        client.post(base + "/steps/work-plan/open", "{}").expect(200);
        forEachLiveNeed((tableId, pieceId) -> client.put(base + "/tables/" + tableId + "/needs/" + pieceId + "/work-plan", """
                {"who": ["Cooperativa La Esperanza"], "when": {"from": "2025-01", "to": "2025-06"}}
                """).expect(200));
        return this;
    }

    /** Each table elects its first member and pins its puzzle. */
    public ScriptedAssembly electAndPin() {
        client.post(base + "/steps/spokespeople/open", "{}").expect(200);
        for (JsonNode table : tables) {
            String tableId = table.get("tableId").asText();
            String spokesperson = table.get("memberIds").get(0).asText();
            client.put(base + "/tables/" + tableId + "/spokesperson", "{\"participantId\": \"" + spokesperson + "\"}").expect(200);
            spokespeople.put(tableId, spokesperson);
            client.post(base + "/tables/" + tableId + "/pin", "").expect(200);
        }
        return this;
    }

    public ScriptedAssembly approveByVote() {
        client.post(base + "/steps/plenary/open", "{}").expect(200);
        client.post(base + "/agenda/approval", "{\"method\": \"vote\", \"inFavor\": 9, \"against\": 2, \"abstentions\": 1}").expect(200);
        return this;
    }

    public Map<String, List<String>> liveNeeds() {
        return liveNeeds;
    }

    public List<String> allLiveNeeds() {
        return liveNeeds.values().stream().flatMap(List::stream).toList();
    }

    public Map<String, String> spokespeople() {
        return spokespeople;
    }

    public JsonNode tables() {
        return tables;
    }

    private void forEachLiveNeed(java.util.function.BiConsumer<String, String> action) {
        liveNeeds.forEach((tableId, pieces) -> pieces.forEach(pieceId -> action.accept(tableId, pieceId)));
    }
}
