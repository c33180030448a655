package org.minga.ui;

import java.util.List;

import org.minga.assembly.api.AddNeedPieceCommand;
import org.minga.assembly.api.AttachSolutionCommand;
import org.minga.assembly.api.ElectSpokespersonCommand;
import org.minga.assembly.api.MonthRange;
import org.minga.assembly.api.PinTablePuzzleCommand;
import org.minga.assembly.api.ReviseNeedPieceCommand;
import org.minga.assembly.api.SetWorkPlanCommand;
import org.minga.assembly.api.WithdrawNeedPieceCommand;
import org.minga.ui.web.Gateways;
import org.minga.ui.web.Ids;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** What a table's phone sends: needs, solutions, work plans, its spokesperson and the pin. */
@RestController
@RequestMapping("/api/assemblies/{assemblyId}/tables/{tableId}")
public class PiecesController {

    public record NeedRequest(String pieceId, String text) {
    }

    public record SolutionRequest(String text, List<String> cooperatingOrganizations) {
    }

    public record WorkPlanRequest(List<String> who, MonthRange when) {
    }

    public record SpokespersonRequest(String participantId) {
    }

    record Piece(String pieceId) {
    }

    record Spokesperson(String tableId, String spokespersonId) {
    }

    record Pinned(String tableId, boolean pinned) {
    }

    private final Gateways gateways;

    public PiecesController(Gateways gateways) {
        this.gateways = gateways;
    }

    @PostMapping("/needs")
    public ResponseEntity<Piece> addNeed(@PathVariable String assemblyId, @PathVariable String tableId,
                                                       @RequestBody NeedRequest request) {
        String pieceId = Ids.orNew(request.pieceId());
        gateways.send(new AddNeedPieceCommand(assemblyId, tableId, pieceId, request.text()));
        return ResponseEntity.status(HttpStatus.CREATED).body(new Piece(pieceId));
    }

    @PutMapping("/needs/{pieceId}")
    public Piece reviseNeed(@PathVariable String assemblyId, @PathVariable String tableId,
                                          @PathVariable String pieceId, @RequestBody NeedRequest request) {
        gateways.send(new ReviseNeedPieceCommand(assemblyId, tableId, pieceId, request.text()));
        return new Piece(pieceId);
    }

    @DeleteMapping("/needs/{pieceId}")
    public Piece withdrawNeed(@PathVariable String assemblyId, @PathVariable String tableId,
                                            @PathVariable String pieceId) {
        gateways.send(new WithdrawNeedPieceCommand(assemblyId, tableId, pieceId));
        return new Piece(pieceId);
    }

    @PutMapping("/needs/{pieceId}/solution")
    public Piece attachSolution(@PathVariable String assemblyId, @PathVariable String tableId,
                                              @PathVariable String pieceId, @RequestBody SolutionRequest request) {
        gateways.send(new AttachSolutionCommand(assemblyId, tableId, pieceId, request.text(), request.cooperatingOrganizations()));
        return new Piece(pieceId);
    }

    @PutMapping("/needs/{pieceId}/work-plan")
    public Piece setWorkPlan(@PathVariable String assemblyId, @PathVariable String tableId,
                                           @PathVariable String pieceId, @RequestBody WorkPlanRequest request) {
        gateways.send(new SetWorkPlanCommand(assemblyId, tableId, pieceId, request.who(), request.when()));
        return new Piece(pieceId);
    }

    @PutMapping("/spokesperson")
    public Spokesperson electSpokesperson(@PathVariable String assemblyId, @PathVariable String tableId,
                                                 @RequestBody SpokespersonRequest request) {
        gateways.send(new ElectSpokespersonCommand(assemblyId, tableId, request.participantId()));
        return new Spokesperson(tableId, String.valueOf(request.participantId()));
    }

    @PostMapping("/pin")
    public Pinned pin(@PathVariable String assemblyId, @PathVariable String tableId) {
        gateways.send(new PinTablePuzzleCommand(assemblyId, tableId));
        return new Pinned(tableId, true);
    }
}
