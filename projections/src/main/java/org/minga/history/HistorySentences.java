package org.minga.history;

import java.text.ChoiceFormat;
import java.text.Format;
import java.text.MessageFormat;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.regex.Pattern;

import org.minga.assembly.api.AgendaApprovedEvent;
import org.minga.assembly.api.AssemblyClosedEvent;
import org.minga.assembly.api.AssemblyScheduledEvent;
import org.minga.assembly.api.AssemblySplitIntoTablesEvent;
import org.minga.assembly.api.LateParticipantSeatedEvent;
import org.minga.assembly.api.NeedPieceAddedEvent;
import org.minga.assembly.api.NeedPieceRevisedEvent;
import org.minga.assembly.api.NeedPieceWithdrawnEvent;
import org.minga.assembly.api.ParticipantMovedEvent;
import org.minga.assembly.api.ParticipantProfileCorrectedEvent;
import org.minga.assembly.api.ParticipantRegisteredEvent;
import org.minga.assembly.api.SolutionAttachedEvent;
import org.minga.assembly.api.SolutionRevisedEvent;
import org.minga.assembly.api.SpokespersonElectedEvent;
import org.minga.assembly.api.StepClosedEvent;
import org.minga.assembly.api.StepOpenedEvent;
import org.minga.assembly.api.StepPausedEvent;
import org.minga.assembly.api.StepResumedEvent;
import org.minga.assembly.api.StepTimeChangedEvent;
import org.minga.assembly.api.TableLeaderAssignedEvent;
import org.minga.assembly.api.TablePuzzlePinnedEvent;
import org.minga.assembly.api.TablePuzzleUnpinnedEvent;
import org.minga.assembly.api.WorkPlanRevisedEvent;
import org.minga.assembly.api.WorkPlanSetEvent;
import org.minga.projections.AssemblyEvent;
import org.minga.words.Words;

/**
 * Tells each event as a short sentence, from the catalogue's {@code history.<…>} words (a record
 * stores the key without the prefix: its type, {@code step.<code>}, {@code moved.left.<…>}).
 */
public final class HistorySentences {

    private static final String WORDS = "history.";
    private static final String WITHDRAWN = NeedPieceWithdrawnEvent.class.getSimpleName();
    private static final String ADDED = NeedPieceAddedEvent.class.getSimpleName();
    private static final String REVISED = NeedPieceRevisedEvent.class.getSimpleName();
    private static final Pattern DIGITS = Pattern.compile("\\d{1,18}");

    private HistorySentences() {
    }

    /** What the history stores for an event: its sentence's key and arguments, and where it happened. */
    public static HistoryRecord record(AssemblyEvent event) {
        Object e = event.payload();
        String type = e.getClass().getSimpleName();
        if (e instanceof AssemblyScheduledEvent s) {
            return of(event, type, List.of(text(s.title()), text(s.region()), String.valueOf(s.date()), "#" + s.axes().size()), null, null);
        } else if (e instanceof ParticipantRegisteredEvent r) {
            return of(event, type, List.of(r.participantId(), text(r.profile().organization())), null, null);
        } else if (e instanceof ParticipantProfileCorrectedEvent c) {
            return of(event, type, List.of(c.participantId(), text(c.profile().organization())), null, null);
        } else if (e instanceof AssemblySplitIntoTablesEvent s) {
            int people = s.tables().stream().mapToInt(t -> t.memberIds().size()).sum();
            Map<String, Integer> numbers = new LinkedHashMap<>();
            s.tables().forEach(t -> numbers.put(t.tableId(), t.number()));
            return new HistoryRecord(event.assemblyId(), event.sequence(), event.at(), type, type,
                    List.of("#" + people, "#" + s.tables().size(), String.valueOf(s.tableSize())), null, null, null, numbers, null);
        } else if (e instanceof LateParticipantSeatedEvent s) {
            return of(event, type, List.of(s.participantId(), "%" + s.tableId()), s.tableId(), null);
        } else if (e instanceof ParticipantMovedEvent m) {
            String left = m.leftLeadership() && m.leftSpokesperson() ? "both"
                    : m.leftLeadership() ? "leader" : m.leftSpokesperson() ? "spokesperson" : "none";
            List<String> arguments = List.of(m.participantId(), "%" + m.fromTableId(), "%" + m.toTableId(),
                    text(m.reason() == null ? "" : m.reason()), "@moved.left." + left);
            return new HistoryRecord(event.assemblyId(), event.sequence(), event.at(), type, m.reason() == null ? type : type + ".reason",
                    arguments, m.toTableId(), null, null);
        } else if (e instanceof TableLeaderAssignedEvent l) {
            return of(event, type, List.of(l.participantId(), "%" + l.tableId()), l.tableId(), null);
        } else if (e instanceof StepOpenedEvent o) {
            long minutes = Duration.between(o.openedAt(), o.deadline()).toMinutes();
            return of(event, type, List.of("@step." + o.step().code(), String.valueOf(minutes)), null, null);
        } else if (e instanceof StepTimeChangedEvent t) {
            return new HistoryRecord(event.assemblyId(), event.sequence(), event.at(), type, type + (t.minutes() > 0 ? ".more" : ".less"),
                    List.of("@step." + t.step().code(), String.valueOf(Math.abs(t.minutes()))), null, null, null);
        } else if (e instanceof StepPausedEvent p) {
            return of(event, type, List.of("@step." + p.step().code()), null, null);
        } else if (e instanceof StepResumedEvent r) {
            long seconds = Duration.between(r.resumedAt(), r.deadline()).toSeconds();
            return seconds < 0
                    ? new HistoryRecord(event.assemblyId(), event.sequence(), event.at(), type, type + ".overtime",
                    List.of("@step." + r.step().code()), null, null, null)
                    : of(event, type, List.of("@step." + r.step().code(), "#" + ((seconds + 59) / 60)), null, null);
        } else if (e instanceof StepClosedEvent c) {
            return of(event, type, List.of("@step." + c.step().code()), null, null);
        } else if (e instanceof NeedPieceAddedEvent n) {
            return of(event, type, List.of("%" + n.tableId(), text(n.text())), n.tableId(), n.pieceId());
        } else if (e instanceof NeedPieceRevisedEvent n) {
            return of(event, type, List.of("%" + n.tableId(), text(n.text())), n.tableId(), n.pieceId());
        } else if (e instanceof NeedPieceWithdrawnEvent n) {
            return of(event, type, List.of("%" + n.tableId(), "^" + n.pieceId()), n.tableId(), n.pieceId());
        } else if (e instanceof SolutionAttachedEvent s) {
            return solution(event, type, s.tableId(), s.pieceId(), s.text(), s.cooperatingOrganizations());
        } else if (e instanceof SolutionRevisedEvent s) {
            return solution(event, type, s.tableId(), s.pieceId(), s.text(), s.cooperatingOrganizations());
        } else if (e instanceof WorkPlanSetEvent w) {
            return of(event, type, List.of("%" + w.tableId(), text(String.join(", ", w.who())), w.when().from().toString(), w.when().to().toString()), w.tableId(), w.pieceId());
        } else if (e instanceof WorkPlanRevisedEvent w) {
            return of(event, type, List.of("%" + w.tableId(), text(String.join(", ", w.who())), w.when().from().toString(), w.when().to().toString()), w.tableId(), w.pieceId());
        } else if (e instanceof SpokespersonElectedEvent s) {
            return of(event, type, List.of("%" + s.tableId(), s.participantId()), s.tableId(), null);
        } else if (e instanceof TablePuzzlePinnedEvent p) {
            return of(event, type, List.of("%" + p.tableId()), p.tableId(), null);
        } else if (e instanceof TablePuzzleUnpinnedEvent u) {
            return of(event, type, List.of("%" + u.tableId(), text(u.reason())), u.tableId(), null);
        } else if (e instanceof AgendaApprovedEvent a) {
            String items = "#" + a.items().size();
            return a.votes() == null
                    ? new HistoryRecord(event.assemblyId(), event.sequence(), event.at(), type, type + ".consensus", List.of(items), null, null, null)
                    : new HistoryRecord(event.assemblyId(), event.sequence(), event.at(), type, type + ".vote",
                    List.of(items, "#" + a.votes().inFavor(), "#" + a.votes().against(), "#" + a.votes().abstentions()),
                    null, null, null);
        } else if (e instanceof AssemblyClosedEvent) {
            return of(event, type, List.of(), null, null);
        }
        return of(event, "unknown", List.of(type), null, null);
    }

    /**
     * The sentence in the language asked (Spanish for a language without a catalogue, and for a key
     * its catalogue lacks), tables told by their labels and needs by their text.
     */
    public static String sentence(HistoryRecord record, Locale locale, Map<String, String> tableLabels, Map<String, String> needTexts) {
        return in(locale).sentence(record, tableLabels, needTexts);
    }

    /** A teller for one read of a history: what {@link #sentence} does, its words and patterns looked up once. */
    static Teller in(Locale locale) {
        return new Teller(Words.in(locale));
    }

    /**
     * Tells the records of one read in one language. Not shared between threads: a
     * {@link MessageFormat} is not safe for that, and each key's is parsed once per read, not once per record.
     */
    static final class Teller {

        private final Words words;
        private final Map<String, MessageFormat> formats = new HashMap<>();

        private Teller(Words words) {
            this.words = words;
        }

        String sentence(HistoryRecord record, Map<String, String> tableLabels, Map<String, String> needTexts) {
            boolean untold = false;
            boolean withdrawal = WITHDRAWN.equals(record.type());
            Object[] arguments = new Object[record.arguments().size()];
            for (int i = 0; i < arguments.length; i++) {
                String a = record.arguments().get(i);
                // A withdrawal stored before needs were told by their text carries the bare piece id.
                String piece = a.startsWith("^") ? a.substring(1)
                        : withdrawal && a.equals(record.pieceId()) ? a : null;
                if (piece != null) {
                    arguments[i] = needTexts.get(piece);
                    untold |= arguments[i] == null;
                } else {
                    arguments[i] = a.startsWith("@") ? words.text(WORDS + a.substring(1))
                            : a.startsWith("#") ? (Object) Long.valueOf(a.substring(1))
                            : a.startsWith("%") ? tableLabels.getOrDefault(a.substring(1), a.substring(1))
                            : a.startsWith("=") ? a.substring(1) : a;
                }
            }
            // A need whose text the history does not hold is told without it, never by its id.
            String key = WORDS + record.messageKey();
            key = untold && words.has(key + ".untold") ? key + ".untold" : key;
            MessageFormat format = formats.computeIfAbsent(key, k -> new MessageFormat(words.text(k), words.locale(k)));
            // Counts stored before they were marked "#" are plain digits; a plural choice needs them as numbers.
            Format[] byArgument = format.getFormatsByArgumentIndex();
            for (int i = 0; i < Math.min(byArgument.length, arguments.length); i++) {
                if (byArgument[i] instanceof ChoiceFormat && arguments[i] instanceof String s && DIGITS.matcher(s).matches()) {
                    arguments[i] = Long.valueOf(s);
                }
            }
            return format.format(arguments);
        }
    }

    /** The same, for a record that tells no need. */
    public static String sentence(HistoryRecord record, Locale locale, Map<String, String> tableLabels) {
        return sentence(record, locale, tableLabels, Map.of());
    }

    /** The text a record's need has from this record on: what it wrote or rewrote, else null. */
    public static String needWritten(HistoryRecord record) {
        boolean writes = ADDED.equals(record.type()) || REVISED.equals(record.type());
        return writes && record.arguments().size() > 1 ? record.arguments().get(1).substring(1) : null;
    }

    /** Marks what people wrote, so a need that starts with "#", "@", "%" or "=" is told as written. */
    private static String text(String written) {
        return "=" + written;
    }

    private static HistoryRecord of(AssemblyEvent event, String type, List<String> arguments, String tableId, String pieceId) {
        return new HistoryRecord(event.assemblyId(), event.sequence(), event.at(), type, type, arguments, tableId, pieceId, null);
    }

    /** A solution's sentence names the cooperating organisations only when there are some. */
    private static HistoryRecord solution(AssemblyEvent event, String type, String tableId, String pieceId, String text,
                                          List<String> organizations) {
        return organizations.isEmpty()
                ? new HistoryRecord(event.assemblyId(), event.sequence(), event.at(), type, type + ".alone",
                List.of("%" + tableId, text(text)), tableId, pieceId, null)
                : of(event, type, List.of("%" + tableId, text(text), text(String.join(", ", organizations))), tableId, pieceId);
    }
}
