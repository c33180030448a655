package org.minga.ui;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.minga.assembly.api.AgendaItem;
import org.minga.assembly.api.query.AgendaView;
import org.minga.assembly.api.query.FindAgendaQuery;
import org.minga.assembly.api.query.FindHistoryQuery;
import org.minga.assembly.api.query.FindParticipationQuery;
import org.minga.assembly.api.query.HistoryEntries;
import org.minga.assembly.api.query.HistoryEntry;
import org.minga.assembly.api.query.ParticipationView;
import org.minga.security.ShareLinks;
import org.minga.ui.web.Gateways;
import org.minga.ui.web.SpreadsheetCells;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** What auditors and organisers read: the agenda (JSON, CSV, Markdown), participation and history. */
@RestController
@RequestMapping("/api/assemblies/{assemblyId}")
public class ReportsController {

    private static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);
    private static final MediaType MARKDOWN = new MediaType("text", "markdown", java.nio.charset.StandardCharsets.UTF_8);

    private final Gateways gateways;

    public ReportsController(Gateways gateways) {
        this.gateways = gateways;
    }

    /** The agenda; a public link's holder gets it without spokespeople ({@link PublicViews}). */
    @GetMapping("/agenda")
    public AgendaView agenda(@PathVariable String assemblyId, Authentication who) {
        AgendaView agenda = gateways.known(assemblyId,
                () -> gateways.ask(new FindAgendaQuery(assemblyId), ResponseTypes.instanceOf(AgendaView.class)));
        return ShareLinks.heldByPublic(who) ? PublicViews.agenda(agenda) : agenda;
    }

    @GetMapping("/agenda.csv")
    public ResponseEntity<String> agendaCsv(@PathVariable String assemblyId, Locale locale, Authentication who) {
        AgendaView agenda = agenda(assemblyId, who);
        StringBuilder csv = new StringBuilder(english(locale)
                ? "axis,table,need piece,need,solution,cooperating organisations,who,from,to,spokesperson\r\n"
                : "eje,mesa,pieza,necesidad,solución,organizaciones que cooperan,quién,desde,hasta,vocería\r\n");
        for (AgendaItem item : agenda.items()) {
            csv.append(String.join(",", List.of(
                    cell(item.axisId()), cell(item.tableId()), cell(item.needPieceId()), cell(item.need()),
                    cell(item.solution()), cell(String.join("; ", item.cooperatingOrganizations())),
                    cell(String.join("; ", item.who())),
                    cell(item.when() == null ? null : item.when().from().toString()),
                    cell(item.when() == null ? null : item.when().to().toString()),
                    cell(item.spokespersonId())))).append("\r\n");
        }
        return download(csv.toString(), CSV, assemblyId + "-agenda.csv");
    }

    @GetMapping("/agenda.md")
    public ResponseEntity<String> agendaMarkdown(@PathVariable String assemblyId, Locale locale, Authentication who) {
        AgendaView agenda = agenda(assemblyId, who);
        boolean en = english(locale);
        StringBuilder md = new StringBuilder("# ").append(markdown(agenda.title())).append("\n\n");
        md.append(en ? "Agenda: " : "Agenda: ").append(statusWord(agenda.status(), en)).append("\n");
        if (agenda.approval() != null) {
            AgendaView.Approval a = agenda.approval();
            md.append("\n").append(en ? "Approved by " : "Aprobada por ")
                    .append(a.inFavor() == null ? (en ? "consensus" : "consenso")
                            : (en ? "vote: " : "votación: ") + a.inFavor() + (en ? " in favour, " : " a favor, ")
                            + a.against() + (en ? " against, " : " en contra, ") + a.abstentions() + (en ? " abstentions" : " abstenciones"))
                    .append(".\n");
        }
        String axis = null;
        for (AgendaItem item : agenda.items()) {
            if (!item.axisId().equals(axis)) {
                axis = item.axisId();
                md.append("\n## ").append(markdown(axis)).append("\n\n");
                md.append(en ? "| Need | Solution | Cooperating | Who | When | Table |\n" : "| Necesidad | Solución | Cooperan | Quién | Cuándo | Mesa |\n");
                md.append("|---|---|---|---|---|---|\n");
            }
            md.append("| ").append(markdown(item.need()))
                    .append(" | ").append(markdown(item.solution()))
                    .append(" | ").append(markdown(String.join(", ", item.cooperatingOrganizations())))
                    .append(" | ").append(markdown(String.join(", ", item.who())))
                    .append(" | ").append(item.when() == null ? "" : item.when().from() + " – " + item.when().to())
                    .append(" | ").append(markdown(item.tableId())).append(" |\n");
        }
        return download(md.toString(), MARKDOWN, assemblyId + "-agenda.md");
    }

    @GetMapping("/participation")
    public ParticipationView participation(@PathVariable String assemblyId) {
        return gateways.known(assemblyId, () -> gateways.ask(new FindParticipationQuery(assemblyId),
                ResponseTypes.instanceOf(ParticipationView.class)));
    }

    @GetMapping("/history")
    public List<HistoryEntry> history(@PathVariable String assemblyId, Locale locale) {
        return gateways.known(assemblyId, () -> {
            List<HistoryEntry> history = gateways.ask(new FindHistoryQuery(assemblyId, locale.getLanguage()),
                    ResponseTypes.instanceOf(HistoryEntries.class)).entries();
            return history.isEmpty() ? null : history;
        });
    }

    private static ResponseEntity<String> download(String body, MediaType type, String filename) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
                .body(body);
    }

    private static boolean english(Locale locale) {
        return "en".equals(locale.getLanguage());
    }

    private static String statusWord(String status, boolean english) {
        return "approved".equals(status) ? (english ? "approved" : "aprobada") : (english ? "draft" : "borrador");
    }

    /** One CSV field, quoted and defused against formulas ({@link SpreadsheetCells}). */
    static String cell(String value) {
        return SpreadsheetCells.csv(value);
    }

    /** Escapes what Markdown would read as table syntax or markup. */
    static String markdown(String value) {
        if (value == null) {
            return "";
        }
        return value.chars().mapToObj(c -> "\\`*_{}[]()#+-.!|<>".indexOf(c) >= 0 ? "\\" + (char) c : String.valueOf((char) c))
                .collect(Collectors.joining());
    }
}
