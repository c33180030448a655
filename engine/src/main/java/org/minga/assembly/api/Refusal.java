package org.minga.assembly.api;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every reason Minga can refuse a command, with the stable code clients and the catalogue's words
 * ({@code refusal.<code>} in {@code org/minga/words/words*.properties}) key on. The kind tells the web
 * layer which status to answer.
 */
public enum Refusal {
    // Bad input: the request itself is wrong (400, naming the field).
    FIELD_REQUIRED("field.required", Kind.BAD_INPUT),
    TEXT_TOO_LONG("text.too-long", Kind.BAD_INPUT),
    TEXT_CONTROL_CHARACTERS("text.control-characters", Kind.BAD_INPUT),
    ID_INVALID("id.invalid", Kind.BAD_INPUT),
    LIST_TOO_LONG("list.too-long", Kind.BAD_INPUT),
    LIST_EMPTY("list.empty", Kind.BAD_INPUT),
    VALUE_UNKNOWN("value.unknown", Kind.BAD_INPUT),
    AXIS_DUPLICATE("axis.duplicate", Kind.BAD_INPUT),
    AXIS_UNKNOWN("axis.unknown", Kind.BAD_INPUT),
    NUMBER_OUT_OF_RANGE("number.out-of-range", Kind.BAD_INPUT),
    STEP_TIMEBOX_DUPLICATE("step.timebox.duplicate", Kind.BAD_INPUT),
    MONTH_RANGE_REVERSED("month-range.reversed", Kind.BAD_INPUT),
    LANGUAGE_UNSUPPORTED("language.unsupported", Kind.BAD_INPUT),
    BODY_MALFORMED("request.malformed", Kind.BAD_INPUT),
    FIELD_DUPLICATE("field.duplicate", Kind.BAD_INPUT),
    FIELD_UNKNOWN("field.unknown", Kind.BAD_INPUT),
    YEAR_OUT_OF_RANGE("year.out-of-range", Kind.BAD_INPUT),
    TEXT_INVISIBLE("text.invisible", Kind.BAD_INPUT),
    SEPARATOR_UNKNOWN("separator.unknown", Kind.BAD_INPUT),

    // Access (401, 403, 413, 429): who may do what, and how much.
    ACCESS_UNAUTHENTICATED("access.unauthenticated", Kind.UNAUTHENTICATED),
    ACCESS_DENIED("access.denied", Kind.FORBIDDEN),
    ACCESS_CSRF("access.csrf", Kind.FORBIDDEN),
    TABLE_CODE_INVALID("table.code.invalid", Kind.UNAUTHENTICATED),
    ACCESS_THROTTLED("access.throttled", Kind.TOO_MANY_REQUESTS),
    SIGN_IN_THROTTLED("sign-in.throttled", Kind.TOO_MANY_REQUESTS),
    SIGN_IN_LOCKED("sign-in.locked", Kind.TOO_MANY_REQUESTS),
    BODY_TOO_LARGE("request.too-large", Kind.TOO_LARGE),

    // Unknown ids (404).
    ASSEMBLY_UNKNOWN("assembly.unknown", Kind.NOT_FOUND),
    TABLE_UNKNOWN("table.unknown", Kind.NOT_FOUND),
    PARTICIPANT_UNKNOWN("participant.unknown", Kind.NOT_FOUND),
    PIECE_UNKNOWN("piece.unknown", Kind.NOT_FOUND),
    LINK_UNKNOWN("link.unknown", Kind.NOT_FOUND),
    FACILITATOR_UNKNOWN("facilitator.unknown", Kind.NOT_FOUND),
    TOKEN_UNKNOWN("token.unknown", Kind.NOT_FOUND),

    // Rules of the method (409).
    ASSEMBLY_ALREADY_SCHEDULED("assembly.already-scheduled", Kind.RULE),
    ASSEMBLY_CLOSED("assembly.closed", Kind.RULE),
    PARTICIPANT_ID_TAKEN("participant.id-taken", Kind.RULE),
    PARTICIPANT_ALREADY_SEATED("participant.already-seated", Kind.RULE),
    PARTICIPANT_NOT_SEATED("participant.not-seated", Kind.RULE),
    PARTICIPANT_ALREADY_AT_TABLE("participant.already-at-table", Kind.RULE),
    PARTICIPANT_SPOKESPERSON_PINNED("participant.spokesperson-pinned", Kind.RULE),
    TABLES_ALREADY_SPLIT("tables.already-split", Kind.RULE),
    TABLES_NOT_SPLIT("tables.not-split", Kind.RULE),
    TABLES_NOBODY_REGISTERED("tables.nobody-registered", Kind.RULE),
    TABLES_FULL("tables.full", Kind.RULE),
    TABLE_LEADER_NOT_MEMBER("table.leader.not-member", Kind.RULE),
    STEP_CLOSED("step.closed", Kind.RULE),
    TABLE_NEEDS_LIMIT("table.needs.limit", Kind.RULE),
    PIECE_ID_TAKEN("piece.id-taken", Kind.RULE),
    PIECE_WITHDRAWN("piece.withdrawn", Kind.RULE),
    WORK_PLAN_NEEDS_SOLUTION("work-plan.needs-solution", Kind.RULE),
    WORK_PLAN_OUTSIDE_HORIZON("work-plan.outside-horizon", Kind.RULE),
    TABLE_SPOKESPERSON_NOT_MEMBER("table.spokesperson.not-member", Kind.RULE),
    TABLE_PIN_NO_SPOKESPERSON("table.pin.no-spokesperson", Kind.RULE),
    TABLE_PIN_NO_NEEDS("table.pin.no-needs", Kind.RULE),
    TABLE_PIN_INCOMPLETE("table.pin.incomplete", Kind.RULE),
    TABLE_PINNED("table.pinned", Kind.RULE),
    TABLE_NOT_PINNED("table.not-pinned", Kind.RULE),
    STEP_NOT_OPEN("step.not-open", Kind.RULE),
    STEP_ALREADY_OPEN("step.already-open", Kind.RULE),
    STEP_PAUSED("step.paused", Kind.RULE),
    STEP_NOT_PAUSED("step.not-paused", Kind.RULE),
    AGENDA_PLENARY_NOT_OPEN("agenda.plenary-not-open", Kind.RULE),
    AGENDA_NOTHING_PINNED("agenda.nothing-pinned", Kind.RULE),
    AGENDA_VOTE_NOT_CARRIED("agenda.vote-not-carried", Kind.RULE),
    AGENDA_VOTE_MORE_THAN_PEOPLE("agenda.vote-more-than-people", Kind.RULE),
    AGENDA_APPROVED("agenda.approved", Kind.RULE),
    PARTICIPANT_ID_OTHER_PERSON("participant.id-other-person", Kind.RULE),
    PARTICIPANT_DATA_ERASED("participant.data-erased", Kind.RULE),
    FACILITATOR_LAST("facilitator.last", Kind.RULE),

    // The store underneath cannot be used for now (503, with Retry-After): nothing was saved.
    STORE_UNAVAILABLE("store.unavailable", Kind.UNAVAILABLE),
    SERVER_BUSY("server.busy", Kind.UNAVAILABLE),
    EVENT_STORE_UNREACHABLE("event-store.unreachable", Kind.UNAVAILABLE);

    /** What sort of refusal this is, which decides the answer's status. */
    public enum Kind {
        BAD_INPUT(400), UNAUTHENTICATED(401), FORBIDDEN(403), NOT_FOUND(404), RULE(409), TOO_LARGE(413),
        TOO_MANY_REQUESTS(429), UNAVAILABLE(503);

        private final int httpStatus;

        Kind(int httpStatus) {
            this.httpStatus = httpStatus;
        }

        public int httpStatus() {
            return httpStatus;
        }
    }

    private final String code;
    private final Kind kind;

    Refusal(String code, Kind kind) {
        this.code = code;
        this.kind = kind;
    }

    public String code() {
        return code;
    }

    public Kind kind() {
        return kind;
    }

    /** The refusal with this stable code, if Minga has one. */
    public static Optional<Refusal> ofCode(String code) {
        return Arrays.stream(values()).filter(refusal -> refusal.code.equals(code)).findFirst();
    }
}
