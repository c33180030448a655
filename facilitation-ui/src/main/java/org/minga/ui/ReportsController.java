package org.minga.ui;

import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import org.minga.registry.ParticipantRegistry;
import org.minga.security.Facilitators;
import org.minga.security.ShareLinks;
import org.minga.ui.downloads.AgendaCsv;
import org.minga.ui.downloads.AgendaDocument;
import org.minga.ui.downloads.AgendaMinutes;
import org.minga.ui.downloads.CsvSeparator;
import org.minga.ui.downloads.DownloadWords;
import org.minga.ui.web.Gateways;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What auditors and organisers read: the agenda (JSON, CSV, the minutes in Markdown), participation and history. */
@RestController
@RequestMapping("/api/assemblies/{assemblyId}")
public class ReportsController {

    private static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);
    private static final MediaType MARKDOWN = new MediaType("text", "markdown", java.nio.charset.StandardCharsets.UTF_8);

    private final Gateways gateways;
    private final ParticipantRegistry registry;
    private final HistoryJson historyJson;

    public ReportsController(Gateways gateways, ParticipantRegistry registry, HistoryJson historyJson) {
        this.gateways = gateways;
        this.registry = registry;
        this.historyJson = historyJson;
    }

    /** The agenda; a public link's holder gets it without spokespeople ({@link PublicViews}). */
    @GetMapping("/agenda")
    public AgendaView agenda(@PathVariable String assemblyId, Authentication who) {
        AgendaView agenda = gateways.known(assemblyId,
                () -> gateways.ask(new FindAgendaQuery(assemblyId), ResponseTypes.instanceOf(AgendaView.class)));
        return ShareLinks.heldByPublic(who) ? PublicViews.agenda(agenda) : agenda;
    }

    /**
     * The agenda for a spreadsheet: UTF-8 with a BOM, {@code ;} unless {@code ?separator=comma}, human
     * columns in the request's language; spokespeople's names only for a facilitator.
     */
    @GetMapping("/agenda.csv")
    public ResponseEntity<String> agendaCsv(@PathVariable String assemblyId, @RequestParam(required = false) String separator,
                                            Locale locale, Authentication who) {
        CsvSeparator chosen = CsvSeparator.of(separator);
        String csv = AgendaCsv.write(document(assemblyId, who), new DownloadWords(locale), chosen);
        return download(csv, CSV, assemblyId + "-agenda.csv");
    }

    /** The minutes (acta) in Markdown, to hand over; a draft says so until the plenary approves. */
    @GetMapping("/agenda.md")
    public ResponseEntity<String> agendaMarkdown(@PathVariable String assemblyId, Locale locale, Authentication who) {
        DownloadWords words = new DownloadWords(locale);
        String minutes = AgendaMinutes.write(document(assemblyId, who), words);
        return download(minutes, MARKDOWN, assemblyId + "-" + words.get("file.minutes") + ".md");
    }

    @GetMapping("/participation")
    public ParticipationView participation(@PathVariable String assemblyId) {
        return gateways.known(assemblyId, () -> gateways.ask(new FindParticipationQuery(assemblyId),
                ResponseTypes.instanceOf(ParticipationView.class)));
    }

    /** Every event as a sentence in the request's language; written as JSON by {@link HistoryJson}, which keeps what it wrote. */
    @GetMapping("/history")
    public ResponseEntity<byte[]> history(@PathVariable String assemblyId, Locale locale) {
        List<HistoryEntry> history = gateways.known(assemblyId, () -> {
            List<HistoryEntry> entries = gateways.ask(new FindHistoryQuery(assemblyId, locale.getLanguage()),
                    ResponseTypes.instanceOf(HistoryEntries.class)).entries();
            return entries.isEmpty() ? null : entries;
        });
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(historyJson.of(assemblyId, locale.getLanguage(), history));
    }

    private static ResponseEntity<String> download(String body, MediaType type, String filename) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
                .body(body);
    }

    /** What a download is made of; names of spokespeople only for a facilitator, never for a table or a link. */
    private AgendaDocument document(String assemblyId, Authentication who) {
        AgendaView agenda = agenda(assemblyId, who);
        return new AgendaDocument(agenda, gateways.summaryOf(assemblyId), participation(assemblyId),
                Facilitators.isFacilitator(who) ? spokespeopleNames(assemblyId, agenda) : Map.of());
    }

    private Map<String, String> spokespeopleNames(String assemblyId, AgendaView agenda) {
        Map<String, String> names = registry.namesOf(assemblyId);
        return agenda.items().stream().map(AgendaItem::spokespersonId).filter(id -> id != null && names.get(id) != null)
                .distinct().collect(Collectors.toMap(id -> id, names::get));
    }
}
