package org.minga.demo;

import java.util.List;
import java.util.Map;

import org.minga.assembly.api.AxisDefinition;

/** What the demo's tables write, in Spanish and English: two needs and their solutions per axis. */
record DemoTexts(String title, String region, String venue, String person, List<AxisDefinition> axes,
                 Map<String, List<String>> needs, Map<String, List<String>> solutions) {

    static final DemoTexts SPANISH = new DemoTexts("Asamblea de demostración", "Valle del Cauca", "Salón comunal", "Participante",
            List.of(new AxisDefinition("association", "Asociatividad y trabajo en red", null),
                    new AxisDefinition("credit", "Acceso a crédito para la economía popular", null),
                    new AxisDefinition("training", "Formación para la asociatividad solidaria", null),
                    new AxisDefinition("assistance", "Asistencia técnica para la industrialización", null),
                    new AxisDefinition("territories", "Integración para construir territorios solidarios", null)),
            Map.of("association", List.of("Las organizaciones del valle trabajan aisladas", "No hay espacios para compartir compras"),
                    "credit", List.of("Crédito sin garantías para mujeres rurales", "Tasas de interés impagables"),
                    "training", List.of("Formación contable para cooperativas", "Jóvenes sin formación en liderazgo"),
                    "assistance", List.of("Secado de café sin maquinaria", "Falta de registro sanitario para productos"),
                    "territories", List.of("Caminos veredales intransitables", "Mercados campesinos sin lugar fijo")),
            Map.of("association", List.of("Red de organizaciones con reunión mensual", "Central de compras compartida"),
                    "credit", List.of("Fondo rotatorio entre cooperativas", "Banco comunal con tasas solidarias"),
                    "training", List.of("Escuela contable itinerante", "Semillero de liderazgo juvenil"),
                    "assistance", List.of("Secadora comunitaria compartida", "Acompañamiento para trámites sanitarios"),
                    "territories", List.of("Mingas de mantenimiento de caminos", "Plaza de mercado campesino semanal")));

    static final DemoTexts ENGLISH = new DemoTexts("Demo assembly", "Valle del Cauca", "Community hall", "Participant",
            List.of(new AxisDefinition("association", "Association and networking", null),
                    new AxisDefinition("credit", "Access to credit for the popular economy", null),
                    new AxisDefinition("training", "Training for solidarity association", null),
                    new AxisDefinition("assistance", "Technical assistance for industrialisation", null),
                    new AxisDefinition("territories", "Integration to build solidarity territories", null)),
            Map.of("association", List.of("Organisations in the valley work in isolation", "No place to share purchases"),
                    "credit", List.of("Credit without collateral for rural women", "Unpayable interest rates"),
                    "training", List.of("Bookkeeping training for cooperatives", "Young people without leadership training"),
                    "assistance", List.of("Coffee drying without machinery", "No health permits for products"),
                    "territories", List.of("Rural roads are impassable", "Farmers' markets without a fixed place")),
            Map.of("association", List.of("Network of organisations meeting monthly", "Shared purchasing centre"),
                    "credit", List.of("Revolving fund between cooperatives", "Community bank with fair rates"),
                    "training", List.of("Travelling bookkeeping school", "Youth leadership seedbed"),
                    "assistance", List.of("Shared community dryer", "Support with health permits"),
                    "territories", List.of("Community work days to repair roads", "Weekly farmers' market square")));

    String need(String axisId, int index) {
        return needs.get(axisId).get(index);
    }

    String solution(String axisId, int index) {
        return solutions.get(axisId).get(index);
    }
}
