package org.minga.ui.downloads;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.minga.assembly.api.AgendaItem;
import org.minga.assembly.api.ApprovalMethod;
import org.minga.assembly.api.query.AgendaView;
import org.minga.assembly.api.query.AssemblySummary;
import org.minga.assembly.api.query.ParticipationView;

/**
 * The minutes (acta) of an assembly in Markdown, to hand over: title, date and place, attendance,
 * the plenary's decision, the agenda under each axis's title, and lines to sign. Before the
 * plenary approves, it says so at the top and leaves the signatures out. Whatever people wrote is
 * escaped, so it reads as text and never as markup.
 */
public final class AgendaMinutes {

    private static final String SIGNATURE_LINE = "______________________________";

    private final AgendaDocument document;
    private final DownloadWords words;
    private final StringBuilder md = new StringBuilder();

    private AgendaMinutes(AgendaDocument document, DownloadWords words) {
        this.document = document;
        this.words = words;
    }

    public static String write(AgendaDocument document, DownloadWords words) {
        return new AgendaMinutes(document, words).write();
    }

    private String write() {
        heading();
        attendance();
        decision();
        agenda();
        if (document.approved()) {
            signatures();
        }
        return md.toString().stripTrailing() + "\n";
    }

    private void heading() {
        AssemblySummary assembly = document.assembly();
        md.append("# ").append(words.get("minutes.title", escape(assembly.title()))).append("\n\n");
        if (!document.approved()) {
            md.append("**").append(words.get("minutes.draft")).append("**\n\n");
        }
        List<String> facts = new ArrayList<>();
        if (assembly.date() != null) {
            facts.add(words.get("minutes.date", words.date(assembly.date())));
        }
        String place = Stream.of(assembly.venue(), assembly.region()).filter(part -> part != null && !part.isBlank())
                .map(AgendaMinutes::escape).collect(Collectors.joining(", "));
        if (!place.isEmpty()) {
            facts.add(words.get("minutes.place", place));
        }
        if (assembly.horizon() != null) {
            facts.add(words.get("minutes.horizon", assembly.horizon().from() + " – " + assembly.horizon().to()));
        }
        // Two trailing spaces: one line each, in a single paragraph.
        if (!facts.isEmpty()) {
            md.append(String.join("  \n", facts)).append("\n\n");
        }
    }

    private void attendance() {
        ParticipationView participation = document.participation();
        section("minutes.attendance");
        md.append("- ").append(words.get("minutes.people", participation.registered(), participation.seated())).append('\n');
        md.append("- ").append(words.get("minutes.tables", document.assembly().tables().size())).append('\n');
        participation.breakdowns().gender().stream().filter(count -> "female".equals(count.value())).findFirst()
                .filter(women -> participation.registered() > 0)
                .ifPresent(women -> md.append("- ")
                        .append(words.get("minutes.women", women.count(), participation.registered(), women.share()))
                        .append('\n'));
        md.append('\n');
    }

    private void decision() {
        section("minutes.decision");
        if (!document.approved()) {
            md.append("**").append(words.get("minutes.draft")).append("**\n\n");
            return;
        }
        AgendaView.Approval approval = document.agenda().approval();
        String at = words.dateTime(approval.approvedAt());
        md.append(approval.method() == ApprovalMethod.VOTE
                ? words.get("minutes.vote", at, words.get("minutes.inFavor", count(approval.inFavor())),
                        words.get("minutes.against", count(approval.against())),
                        words.get("minutes.abstentions", count(approval.abstentions())))
                : words.get("minutes.consensus", at)).append("\n\n");
    }

    private void agenda() {
        section(document.approved() ? "minutes.agenda.approved" : "minutes.agenda.draft");
        if (document.agenda().items().isEmpty()) {
            md.append(words.get("minutes.noItems")).append("\n\n");
            return;
        }
        for (Map.Entry<String, List<AgendaItem>> axis : document.itemsByAxis().entrySet()) {
            md.append("### ").append(escape(document.axisTitle(axis.getKey()))).append("\n\n");
            if (axis.getValue().isEmpty()) {
                md.append(words.get("minutes.axisEmpty")).append('\n');
            }
            for (int i = 0; i < axis.getValue().size(); i++) {
                item(i + 1, axis.getValue().get(i));
            }
            md.append('\n');
        }
    }

    private void item(int number, AgendaItem item) {
        md.append(number).append(". **").append(escape(item.need())).append("** (")
                .append(escape(document.tableLabel(item.tableId()))).append(")\n");
        detail(words.get("minutes.solution", orNone(escape(item.solution()))));
        detail(words.get("minutes.cooperating", orNone(escape(String.join(", ", item.cooperatingOrganizations())))));
        detail(words.get("minutes.who", orNone(escape(String.join(", ", item.who())))));
        if (item.when() != null) {
            detail(words.get("minutes.when", item.when().from().toString(), item.when().to().toString()));
        }
        String spokesperson = document.spokespersonName(item);
        if (!spokesperson.isEmpty()) {
            detail(words.get("minutes.spokesperson", escape(spokesperson)));
        }
    }

    private void signatures() {
        section("minutes.signatures");
        signature("minutes.signature.facilitator");
        signature("minutes.signature.witness");
        signature("minutes.signature.witness");
    }

    private void signature(String role) {
        md.append(words.get(role)).append(": ").append(SIGNATURE_LINE).append("  \n")
                .append(words.get("minutes.signature.name")).append(": ").append(SIGNATURE_LINE).append("\n\n");
    }

    private void section(String titleKey) {
        md.append("## ").append(words.get(titleKey)).append("\n\n");
    }

    private void detail(String line) {
        md.append("   - ").append(line).append('\n');
    }

    private String orNone(String text) {
        return text.isEmpty() ? words.get("minutes.none") : text;
    }

    private static int count(Integer votes) {
        return votes == null ? 0 : votes;
    }

    /** Escapes what Markdown would read as markup or table syntax, so people's texts read as written. */
    static String escape(String value) {
        if (value == null) {
            return "";
        }
        return value.chars().mapToObj(c -> "\\`*_{}[]()#+-.!|<>".indexOf(c) >= 0 ? "\\" + (char) c : String.valueOf((char) c))
                .collect(Collectors.joining());
    }
}
