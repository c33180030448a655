package org.minga.ui;

import java.time.Clock;

import org.minga.assembly.api.ApprovalMethod;
import org.minga.assembly.api.ApproveAgendaCommand;
import org.minga.assembly.api.ChangeStepTimeCommand;
import org.minga.assembly.api.CloseStepCommand;
import org.minga.assembly.api.PauseStepCommand;
import org.minga.assembly.api.ResumeStepCommand;
import org.minga.assembly.api.InvalidInputException;
import org.minga.assembly.api.Refusal;
import org.minga.assembly.api.OpenStepCommand;
import org.minga.assembly.api.Step;
import org.minga.assembly.api.VoteCount;
import org.minga.ui.web.Gateways;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The facilitator's clock of the method: opening and closing steps, and the plenary's decision. */
@RestController
@RequestMapping("/api/assemblies/{assemblyId}")
public class StepsAndPlenaryController {

    public record OpenRequest(Integer minutes) {
    }

    public record ExtendRequest(Integer minutes) {
    }

    public record ApprovalRequest(ApprovalMethod method, Integer inFavor, Integer against, Integer abstentions) {
    }

    record StepOpen(Step step, boolean open) {
    }

    record StepExtended(Step step, Integer minutes) {
    }

    record StepPaused(Step step, boolean paused) {
    }

    record Approval(String status) {
    }

    private final Gateways gateways;
    private final Clock clock;

    public StepsAndPlenaryController(Gateways gateways, Clock clock) {
        this.gateways = gateways;
        this.clock = clock;
    }

    @PostMapping("/steps/{step}/open")
    public StepOpen open(@PathVariable String assemblyId, @PathVariable Step step,
                                    @RequestBody(required = false) OpenRequest request) {
        gateways.send(new OpenStepCommand(assemblyId, step, clock.instant(), request == null ? null : request.minutes()));
        return new StepOpen(step, true);
    }

    /**
     * More time for the open step ({@code minutes} above zero) or less (below zero); answers the step
     * and the minutes it was given (the new deadline reaches the board).
     */
    @PostMapping("/steps/{step}/extend")
    public StepExtended extend(@PathVariable String assemblyId, @PathVariable Step step, @RequestBody ExtendRequest request) {
        gateways.send(new ChangeStepTimeCommand(assemblyId, step, request.minutes(), clock.instant()));
        return new StepExtended(step, request.minutes());
    }

    /** Stops the running step's countdown on every screen; tables may go on writing. */
    @PostMapping("/steps/{step}/pause")
    public StepPaused pause(@PathVariable String assemblyId, @PathVariable Step step) {
        gateways.send(new PauseStepCommand(assemblyId, step, clock.instant()));
        return new StepPaused(step, true);
    }

    /** Lets the paused countdown run again with the time it had left. */
    @PostMapping("/steps/{step}/resume")
    public StepPaused resume(@PathVariable String assemblyId, @PathVariable Step step) {
        gateways.send(new ResumeStepCommand(assemblyId, step, clock.instant()));
        return new StepPaused(step, false);
    }

    @PostMapping("/steps/{step}/close")
    public StepOpen close(@PathVariable String assemblyId, @PathVariable Step step) {
        gateways.send(new CloseStepCommand(assemblyId, step, clock.instant()));
        return new StepOpen(step, false);
    }

    @PostMapping("/agenda/approval")
    public Approval approve(@PathVariable String assemblyId, @RequestBody ApprovalRequest request) {
        VoteCount votes = null;
        if (request.method() == ApprovalMethod.VOTE) {
            if (request.inFavor() == null) {
                throw new InvalidInputException("inFavor", Refusal.FIELD_REQUIRED);
            }
            votes = new VoteCount(request.inFavor(), zeroIfMissing(request.against()), zeroIfMissing(request.abstentions()));
        }
        gateways.send(new ApproveAgendaCommand(assemblyId, request.method(), votes));
        return new Approval("approved");
    }

    private static int zeroIfMissing(Integer count) {
        return count == null ? 0 : count;
    }
}
