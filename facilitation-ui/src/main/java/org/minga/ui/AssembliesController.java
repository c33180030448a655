package org.minga.ui;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.minga.assembly.api.AssemblyRules;
import org.minga.assembly.api.AxisDefinition;
import org.minga.assembly.api.CloseAssemblyCommand;
import org.minga.assembly.api.InvalidInputException;
import org.minga.assembly.api.MonthRange;
import org.minga.assembly.api.Refusal;
import org.minga.assembly.api.ScheduleAssemblyCommand;
import org.minga.assembly.api.Step;
import org.minga.assembly.api.StepTimebox;
import org.minga.assembly.api.query.AssemblySummary;
import org.minga.assembly.api.query.ListAssembliesQuery;
import org.minga.assembly.api.query.ListedAssemblies;
import org.minga.security.ShareLinks;
import org.minga.security.TableCodes;
import org.springframework.security.core.Authentication;
import org.minga.ui.web.Gateways;
import org.minga.ui.web.Ids;
import org.minga.ui.web.YearOrMonthText;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Scheduling, listing, reading and closing assemblies. */
@RestController
@RequestMapping("/api/assemblies")
public class AssembliesController {

    /** The body of {@code POST /api/assemblies}; the horizon takes years ("2024" or 2024) or months ("2024-03"). */
    public record ScheduleRequest(String assemblyId, String title, String region, String venue, LocalDate date,
                                  Horizon horizon, String language, List<AxisDefinition> axes, Rules rules,
                                  List<StepMinutes> steps) {
    }

    public record Horizon(@JsonDeserialize(using = YearOrMonthText.class) String from,
                          @JsonDeserialize(using = YearOrMonthText.class) String to) {
    }

    public record Rules(Integer maxNeedsPerTable, Integer tableSize) {
    }

    public record StepMinutes(Step step, Integer minutes) {
    }

    private final Gateways gateways;
    private final Clock clock;
    record Scheduled(String assemblyId) {
    }

    record Closed(String assemblyId, String status) {
    }

    private final TableCodes tableCodes;

    public AssembliesController(Gateways gateways, Clock clock, TableCodes tableCodes) {
        this.gateways = gateways;
        this.clock = clock;
        this.tableCodes = tableCodes;
    }

    @PostMapping
    public ResponseEntity<Scheduled> schedule(@RequestBody ScheduleRequest request) {
        String assemblyId = Ids.orNew(request.assemblyId());
        gateways.send(new ScheduleAssemblyCommand(assemblyId, request.title(), request.region(), request.venue(),
                request.date(), horizon(request.horizon()), request.language(), request.axes(), rules(request.rules()),
                timeboxes(request.steps())));
        return ResponseEntity.created(URI.create("/api/assemblies/" + assemblyId)).body(new Scheduled(assemblyId));
    }

    @GetMapping
    public List<AssemblySummary.Listed> list() {
        return gateways.ask(new ListAssembliesQuery(), ResponseTypes.instanceOf(ListedAssemblies.class)).assemblies();
    }

    /** The whole summary, or for a public agenda link only the heading of the agenda page. */
    @GetMapping("/{assemblyId}")
    public Object summary(@PathVariable String assemblyId, Authentication who) {
        AssemblySummary summary = gateways.summaryOf(assemblyId);
        return ShareLinks.heldByPublic(who) ? PublicViews.summary(summary) : summary;
    }

    /** Closing also ends every table's access: its codes are deleted and its phones' streams end. */
    @PostMapping("/{assemblyId}/close")
    public Closed close(@PathVariable String assemblyId) {
        gateways.send(new CloseAssemblyCommand(assemblyId, clock.instant()));
        tableCodes.closeAssembly(assemblyId);
        return new Closed(assemblyId, "closed");
    }

    private static MonthRange horizon(Horizon horizon) {
        if (horizon == null) {
            return null;
        }
        return new MonthRange(month("horizon.from", horizon.from(), 1), month("horizon.to", horizon.to(), 12));
    }

    /**
     * "2024" is a whole year: its first month as a start, its last as an end. Any whole number is
     * taken as a year, so 1999 or 20245 is refused as a year out of range rather than as an unknown value.
     */
    private static YearMonth month(String field, String value, int monthOfBareYear) {
        if (value == null) {
            return null;
        }
        try {
            return value.strip().matches("-?\\d{1,9}")
                    ? YearMonth.of(Integer.parseInt(value.strip()), monthOfBareYear)
                    : YearMonth.parse(value.strip());
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new InvalidInputException(field, Refusal.VALUE_UNKNOWN, value);
        }
    }

    private static AssemblyRules rules(Rules rules) {
        if (rules == null) {
            return null;
        }
        return new AssemblyRules(
                rules.maxNeedsPerTable() == null ? AssemblyRules.DEFAULTS.maxNeedsPerTable() : rules.maxNeedsPerTable(),
                rules.tableSize() == null ? AssemblyRules.DEFAULTS.tableSize() : rules.tableSize());
    }

    private static List<StepTimebox> timeboxes(List<StepMinutes> steps) {
        if (steps == null) {
            return null;
        }
        return steps.stream()
                .map(s -> s == null ? null : new StepTimebox(s.step(), s.minutes() == null ? 0 : s.minutes()))
                .toList();
    }
}
