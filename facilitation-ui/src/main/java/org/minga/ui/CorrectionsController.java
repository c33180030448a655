package org.minga.ui;


import org.minga.assembly.api.MoveParticipantCommand;
import org.minga.assembly.api.UnpinTablePuzzleCommand;
import org.minga.ui.web.Gateways;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a facilitator corrects during the day, each as an event the audit shows and none after the
 * agenda is approved: a puzzle pinned too soon, a person seated at the wrong table.
 */
@RestController
@RequestMapping("/api/assemblies/{assemblyId}")
public class CorrectionsController {

    public record UnpinRequest(String reason) {
    }

    public record MoveRequest(String tableId, String reason) {
    }

    record Unpinned(String tableId, boolean pinned) {
    }

    record Moved(String participantId, String tableId) {
    }

    private final Gateways gateways;

    public CorrectionsController(Gateways gateways) {
        this.gateways = gateways;
    }

    /** The table's puzzle leaves the board and the agenda draft; the table can change it and pin again. */
    @PostMapping("/tables/{tableId}/unpin")
    public Unpinned unpin(@PathVariable String assemblyId, @PathVariable String tableId, @RequestBody UnpinRequest request) {
        gateways.send(new UnpinTablePuzzleCommand(assemblyId, tableId, request.reason()));
        return new Unpinned(tableId, false);
    }

    /** A seated person sits at another table; the table they leave chooses its leader or spokesperson again if it was them. */
    @PostMapping("/participants/{participantId}/move")
    public Moved move(@PathVariable String assemblyId, @PathVariable String participantId, @RequestBody MoveRequest request) {
        gateways.send(new MoveParticipantCommand(assemblyId, participantId, request.tableId(), request.reason()));
        return new Moved(participantId, request.tableId());
    }
}
