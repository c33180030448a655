package org.minga.ui;

import java.util.List;
import java.util.Map;

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

    private final Gateways gateways;

    public PiecesController(Gateways gateways) {
        this.gateways = gateways;
    }

    @PostMapping("/needs")
    public ResponseEntity<Map<String, String>> addNeed(@PathVariable String assemblyId, @PathVariable String tableId,
                                                       @RequestBody NeedRequest request) {
        String pieceId = Ids.orNew(request.pieceId());
        gateways.send(new AddNeedPieceCommand(assemblyId, tableId, pieceId, request.text()));
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("pieceId", pieceId));
    }

    @PutMapping("/needs/{pieceId}")
    public Map<String, String> reviseNeed(@PathVariable String assemblyId, @PathVariable String tableId,
                                          @PathVariable String pieceId, @RequestBody NeedRequest request) {
        gateways.send(new ReviseNeedPieceCommand(assemblyId, tableId, pieceId, request.text()));
        return Map.of("pieceId", pieceId);
    }

    @DeleteMapping("/needs/{pieceId}")
    public Map<String, String> withdrawNeed(@PathVariable String assemblyId, @PathVariable String tableId,
                                            @PathVariable String pieceId) {
        gateways.send(new WithdrawNeedPieceCommand(assemblyId, tableId, pieceId));
        return Map.of("pieceId", pieceId);
    }

    @PutMapping("/needs/{pieceId}/solution")
    public Map<String, String> attachSolution(@PathVariable String assemblyId, @PathVariable String tableId,
                                              @PathVariable String pieceId, @RequestBody SolutionRequest request) {
        gateways.send(new AttachSolutionCommand(assemblyId, tableId, pieceId, request.text(), request.cooperatingOrganizations()));
        return Map.of("pieceId", pieceId);
    }

    @PutMapping("/needs/{pieceId}/work-plan")
    public Map<String, String> setWorkPlan(@PathVariable String assemblyId, @PathVariable String tableId,
                                           @PathVariable String pieceId, @RequestBody WorkPlanRequest request) {
        gateways.send(new SetWorkPlanCommand(assemblyId, tableId, pieceId, request.who(), request.when()));
        return Map.of("pieceId", pieceId);
    }

    @PutMapping("/spokesperson")
    public Map<String, String> electSpokesperson(@PathVariable String assemblyId, @PathVariable String tableId,
                                                 @RequestBody SpokespersonRequest request) {
        gateways.send(new ElectSpokespersonCommand(assemblyId, tableId, request.participantId()));
        return Map.of("tableId", tableId, "spokespersonId", String.valueOf(request.participantId()));
    }

    @PostMapping("/pin")
    public Map<String, Object> pin(@PathVariable String assemblyId, @PathVariable String tableId) {
        gateways.send(new PinTablePuzzleCommand(assemblyId, tableId));
        return Map.of("tableId", tableId, "pinned", true);
    }
}
