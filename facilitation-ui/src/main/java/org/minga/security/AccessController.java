package org.minga.security;

import java.net.URI;
import java.util.List;

import org.minga.assembly.api.InvalidInputException;
import org.minga.assembly.api.Refusal;
import org.minga.assembly.api.UnknownIdException;
import org.minga.ui.web.Gateways;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Facilitators manage access: other facilitators, API tokens, share links and table codes. */
@RestController
public class AccessController {

    public record FacilitatorRequest(String username, String password) {
    }

    public record TokenRequest(String label, String token, Integer expiresInDays) {
    }

    public record LinkRequest(String kind) {
    }

    record Facilitator(String username) {
    }

    record FacilitatorRemoved(String username, boolean removed) {
    }

    record NewToken(String token, String tokenId, String expiresAt) {
    }

    record TokenRevoked(String tokenId, boolean revoked) {
    }

    record Revoked(boolean revoked) {
    }

    record NewLink(String linkId, String url) {
    }

    record LinkRevoked(String linkId, boolean revoked) {
    }

    record JoinCode(String tableId, String joinCode) {
    }

    private final Facilitators facilitators;
    private final ShareLinks links;
    private final TableCodes tableCodes;
    private final Gateways gateways;

    public AccessController(Facilitators facilitators, ShareLinks links, TableCodes tableCodes, Gateways gateways) {
        this.facilitators = facilitators;
        this.links = links;
        this.tableCodes = tableCodes;
        this.gateways = gateways;
    }

    @GetMapping("/api/facilitators")
    public List<String> facilitators() {
        return facilitators.usernames();
    }

    @PostMapping("/api/facilitators")
    public ResponseEntity<Facilitator> addFacilitator(@RequestBody FacilitatorRequest request) {
        facilitators.save(request.username(), request.password());
        return ResponseEntity.status(HttpStatus.CREATED).body(new Facilitator(request.username()));
    }

    /** Removes a facilitator, ending their sign-ins and tokens; never the last one. */
    @DeleteMapping("/api/facilitators/{username}")
    public FacilitatorRemoved removeFacilitator(@PathVariable String username) {
        facilitators.remove(username);
        return new FacilitatorRemoved(username, true);
    }

    /** A token for scripts (Authorization: Bearer …), shown only in this answer. */
    @PostMapping("/api/tokens")
    public ResponseEntity<NewToken> newToken(@RequestBody(required = false) TokenRequest request, Authentication who) {
        Facilitators.NewToken token = facilitators.newToken(who.getName(), request == null ? null : request.label(),
                request == null ? null : request.expiresInDays());
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new NewToken(token.token(), token.tokenId(), token.expiresAt().toString()));
    }

    /** Every facilitator's tokens, without the tokens themselves. */
    @GetMapping("/api/tokens")
    public List<Facilitators.TokenInfo> tokens() {
        return facilitators.tokens();
    }

    @DeleteMapping("/api/tokens/{tokenId}")
    public TokenRevoked revokeTokenById(@PathVariable String tokenId) {
        if (!facilitators.revokeTokenById(tokenId)) {
            throw new UnknownIdException("tokenId", Refusal.TOKEN_UNKNOWN, tokenId);
        }
        return new TokenRevoked(tokenId, true);
    }

    @DeleteMapping("/api/tokens")
    public Revoked revokeToken(@RequestBody TokenRequest request) {
        if (request.token() == null || !facilitators.revokeToken(request.token())) {
            throw new InvalidInputException("token", Refusal.VALUE_UNKNOWN, "…");
        }
        return new Revoked(true);
    }

    @PostMapping("/api/assemblies/{assemblyId}/links")
    public ResponseEntity<NewLink> newLink(@PathVariable String assemblyId, @RequestBody LinkRequest request) {
        String kind = request.kind();
        if (!ShareLinks.isKind(kind)) {
            throw new InvalidInputException("kind", Refusal.VALUE_UNKNOWN, String.valueOf(kind));
        }
        gateways.summaryOf(assemblyId);
        ShareLinks.NewLink link = links.create(assemblyId, kind);
        String url = ShareLinks.pageOf(kind, assemblyId, link.token());
        return ResponseEntity.created(URI.create(url)).body(new NewLink(link.linkId(), url));
    }

    @DeleteMapping("/api/assemblies/{assemblyId}/links/{linkId}")
    public LinkRevoked revokeLink(@PathVariable String assemblyId, @PathVariable String linkId) {
        if (!links.revoke(assemblyId, linkId)) {
            throw new UnknownIdException("linkId", Refusal.LINK_UNKNOWN, linkId);
        }
        return new LinkRevoked(linkId, true);
    }

    /** A new code for a table; the old one stops working at once. */
    @PostMapping("/api/assemblies/{assemblyId}/tables/{tableId}/join-code")
    public JoinCode regenerateCode(@PathVariable String assemblyId, @PathVariable String tableId) {
        boolean known = gateways.summaryOf(assemblyId).tables().stream()
                .anyMatch(t -> t.tableId().equals(tableId));
        if (!known) {
            throw new UnknownIdException("tableId", Refusal.TABLE_UNKNOWN, tableId);
        }
        return new JoinCode(tableId, tableCodes.regenerate(assemblyId, tableId));
    }
}
