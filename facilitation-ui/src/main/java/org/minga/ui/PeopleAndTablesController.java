package org.minga.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.minga.assembly.api.AgeGroup;
import org.minga.assembly.api.Area;
import org.minga.assembly.api.AssignTableLeaderCommand;
import org.minga.assembly.api.CorrectParticipantProfileCommand;
import org.minga.assembly.api.Gender;
import org.minga.assembly.api.InvalidInputException;
import org.minga.assembly.api.ParticipantProfile;
import org.minga.assembly.api.Refusal;
import org.minga.assembly.api.RegisterParticipantCommand;
import org.minga.assembly.api.SeatLateParticipantCommand;
import org.minga.assembly.api.SplitIntoTablesCommand;
import org.minga.assembly.api.TableAssignment;
import org.minga.assembly.api.TableLabels;
import org.minga.assembly.api.TablesFormed;
import org.minga.assembly.api.UnknownIdException;
import org.minga.assembly.api.query.AssemblySummary.TableSummary;
import org.minga.assembly.api.query.FindParticipantsQuery;
import org.minga.assembly.api.query.ParticipantEntries;
import org.minga.assembly.api.query.ParticipantEntry;
import org.minga.assembly.api.TextRules;
import org.minga.registry.ParticipantRegistry;
import org.minga.security.TableCodes;
import org.minga.ui.web.Gateways;
import org.minga.ui.web.Ids;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Registering people, splitting the room, seating late arrivals, naming table leaders. */
@RestController
@RequestMapping("/api/assemblies/{assemblyId}")
public class PeopleAndTablesController {

    /** The unified registration form. The name goes to the erasable registry, never into an event. */
    public record RegistrationRequest(String participantId, String name, String phone, String email, String organization,
                                      String organizationType, String sector, Gender gender, AgeGroup ageGroup, String territory,
                                      Area area, String preferredAxisId) {
    }

    public record SplitRequest(Integer tableSize) {
    }

    public record ParticipantRequest(String participantId) {
    }

    public record SeatRequest(String tableId) {
    }

    record Registered(String participantId) {
    }

    /** One registered person, as the facilitators' list shows them. */
    record Person(String participantId, String name, String phone, String email, String organization,
                  String organizationType, String sector, Gender gender, AgeGroup ageGroup, String territory,
                  Area area, String preferredAxisId, String tableId) {
    }

    record Erased(String participantId, String personalData) {
    }

    /** A table as the split forms it, with its number, its label in the assembly's language and its join code. */
    record FormedTable(String tableId, String axisId, int number, String label, List<String> memberIds, String joinCode) {
    }

    record Split(List<FormedTable> tables) {
    }

    record Seated(String participantId, String tableId) {
    }

    /** A table as the console lists it; {@code joinCode} is null while the table has no working code. */
    record Table(String tableId, String axisId, String label, List<String> memberIds, String joinCode,
                 String leaderId, String spokespersonId, boolean pinned) {
    }

    record Member(String participantId, String name) {
    }

    record Leader(String tableId, String leaderId) {
    }

    private final Gateways gateways;
    private final ParticipantRegistry registry;
    private final TableCodes tableCodes;

    public PeopleAndTablesController(Gateways gateways, ParticipantRegistry registry, TableCodes tableCodes) {
        this.gateways = gateways;
        this.registry = registry;
        this.tableCodes = tableCodes;
    }

    @PostMapping("/participants")
    public ResponseEntity<Registered> register(@PathVariable String assemblyId, @RequestBody RegistrationRequest request) {
        ParticipantRegistry.PersonalData personal = personalData(request);
        String participantId = Ids.orNew(request.participantId());
        ParticipantProfile profile = profile(request);
        // Checked first, so a registration that would overwrite someone (or bring erased data back) appends nothing.
        registry.checkCanRegister(assemblyId, participantId, personal);
        gateways.send(new RegisterParticipantCommand(assemblyId, participantId, profile));
        registry.register(assemblyId, participantId, personal);
        return ResponseEntity.status(HttpStatus.CREATED).body(new Registered(participantId));
    }

    /**
     * Corrects a registration with the same fields: the name and contacts in the erasable registry,
     * the form's attributes as an event the figures follow. An erased person stays erased.
     */
    @PutMapping("/participants/{participantId}")
    public Registered correct(@PathVariable String assemblyId, @PathVariable String participantId,
                                       @RequestBody RegistrationRequest request) {
        if (request.participantId() != null && !request.participantId().equals(participantId)) {
            throw new InvalidInputException("participantId", Refusal.FIELD_UNKNOWN);
        }
        ParticipantRegistry.PersonalData personal = personalData(request);
        registry.checkCanCorrect(assemblyId, participantId);
        gateways.send(new CorrectParticipantProfileCommand(assemblyId, participantId, profile(request)));
        registry.remember(assemblyId, participantId, personal);
        return new Registered(participantId);
    }

    private static ParticipantRegistry.PersonalData personalData(RegistrationRequest request) {
        return new ParticipantRegistry.PersonalData(
                TextRules.required("name", request.name()), TextRules.optional("phone", request.phone()),
                TextRules.optional("email", request.email()));
    }

    private static ParticipantProfile profile(RegistrationRequest request) {
        return new ParticipantProfile(request.organization(), request.organizationType(),
                request.sector(), request.gender(), request.ageGroup(), request.territory(), request.area(),
                request.preferredAxisId());
    }

    /** Everyone registered, with their name, the form's attributes and their table: for facilitators only. */
    @GetMapping("/participants")
    public List<Person> participants(@PathVariable String assemblyId) {
        gateways.summaryOf(assemblyId);
        List<ParticipantEntry> entries = gateways.ask(new FindParticipantsQuery(assemblyId),
                ResponseTypes.instanceOf(ParticipantEntries.class)).entries();
        Map<String, ParticipantRegistry.PersonalData> personal = registry.peopleOf(assemblyId);
        List<Person> people = new ArrayList<>();
        for (ParticipantEntry entry : entries) {
            ParticipantProfile profile = entry.profile();
            ParticipantRegistry.PersonalData data = personal.get(entry.participantId());
            people.add(new Person(entry.participantId(), data == null ? null : data.name(), data == null ? null : data.phone(),
                    data == null ? null : data.email(), profile.organization(), profile.organizationType(), profile.sector(),
                    profile.gender(), profile.ageGroup(), profile.territory(), profile.area(), profile.preferredAxisId(),
                    entry.tableId()));
        }
        return people;
    }

    /** Erases a person's name and contact details; the board, agenda and history stay as they were. */
    @DeleteMapping("/participants/{participantId}/personal-data")
    public Erased erasePersonalData(@PathVariable String assemblyId, @PathVariable String participantId) {
        if (!gateways.summaryOf(assemblyId).participantIds().contains(participantId)) {
            throw new UnknownIdException("participantId", Refusal.PARTICIPANT_UNKNOWN, participantId);
        }
        registry.erase(assemblyId, participantId);
        return new Erased(participantId, "erased");
    }

    /** Splits the room; each table gets its join code at once. */
    @PostMapping("/split-into-tables")
    public Split split(@PathVariable String assemblyId, @RequestBody(required = false) SplitRequest request) {
        TablesFormed formed = gateways.send(new SplitIntoTablesCommand(assemblyId, request == null ? null : request.tableSize()));
        List<TableAssignment> tables = formed.tables();
        // Made here, where the tables form, so reading the tables never has to make one.
        Map<String, String> codes = tableCodes.ensureCodes(assemblyId, tables.stream().map(TableAssignment::tableId).toList());
        return new Split(tables.stream()
                .map(t -> new FormedTable(t.tableId(), t.axisId(), t.number(), TableLabels.label(formed.language(), t.number()),
                        t.memberIds(), codes.get(t.tableId())))
                .toList());
    }

    @PostMapping("/participants/{participantId}/seat")
    public Seated seatLate(@PathVariable String assemblyId, @PathVariable String participantId,
                                        @RequestBody(required = false) SeatRequest request) {
        String tableId = gateways.send(new SeatLateParticipantCommand(assemblyId, participantId, request == null ? null : request.tableId()));
        return new Seated(participantId, tableId);
    }

    /**
     * The tables with members, leader, spokesperson, pin, and each table's join code (facilitators
     * only); {@code null} for a table whose code expired, until a facilitator asks for a new one.
     */
    @GetMapping("/tables")
    public List<Table> tables(@PathVariable String assemblyId) {
        List<TableSummary> tables = gateways.summaryOf(assemblyId).tables();
        Map<String, String> codes = tableCodes.codesOf(assemblyId, tables.stream().map(TableSummary::tableId).toList());
        return tables.stream()
                .map(t -> new Table(t.tableId(), t.axisId(), t.label(), t.memberIds(), codes.get(t.tableId()),
                        t.leaderId(), t.spokespersonId(), t.pinned()))
                .toList();
    }

    /** The members of one table with their names, so the table can pick its spokesperson. */
    @GetMapping("/tables/{tableId}/members")
    public List<Member> members(@PathVariable String assemblyId, @PathVariable String tableId) {
        TableSummary table = gateways.summaryOf(assemblyId).tables().stream()
                .filter(t -> t.tableId().equals(tableId))
                .findFirst()
                .orElseThrow(() -> new UnknownIdException("tableId", Refusal.TABLE_UNKNOWN, tableId));
        Map<String, String> names = registry.namesOf(assemblyId);
        return table.memberIds().stream()
                .map(id -> new Member(id, names.get(id)))
                .toList();
    }

    @PutMapping("/tables/{tableId}/leader")
    public Leader leader(@PathVariable String assemblyId, @PathVariable String tableId,
                                      @RequestBody ParticipantRequest request) {
        gateways.send(new AssignTableLeaderCommand(assemblyId, tableId, request.participantId()));
        return new Leader(tableId, request.participantId());
    }
}
