package org.minga.security;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.minga.assembly.api.Refusal;
import org.minga.security.TableCodes.TableAccess;
import org.minga.ui.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A phone joins its table with the code on the table card, typed or scanned: the code goes into
 * a cookie the phone then sends with every change. Wrong codes count towards the throttle.
 */
@RestController
public class JoinController {

    public record JoinRequest(String code) {
    }

    /** The table a code opened and the page its phone goes to. */
    record Joined(String assemblyId, String tableId, String url) {
    }

    private final TableCodes tableCodes;
    private final WrongCodeThrottle throttle;

    public JoinController(TableCodes tableCodes, WrongCodeThrottle throttle) {
        this.tableCodes = tableCodes;
        this.throttle = throttle;
    }

    @PostMapping("/api/join")
    public ResponseEntity<Joined> join(@RequestBody(required = false) JoinRequest request, HttpServletRequest http,
                                     HttpServletResponse response) throws java.io.IOException {
        TableAccess table = check(request == null ? null : request.code(), http, response);
        if (table == null) {
            return null;
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.SET_COOKIE, cookies(http, table, request.code()))
                .body(new Joined(table.assemblyId(), table.tableId(), pageOf(table)));
    }

    /** The table card's QR code: opens the table's page already joined. */
    @GetMapping("/join/{code}")
    public ResponseEntity<Void> joinByLink(@PathVariable String code, HttpServletRequest http) {
        AttemptWindow.Attempt attempt = throttle.reserve(http.getRemoteAddr());
        if (attempt == null) {
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).location(URI.create("/join?throttled")).build();
        }
        TableAccess table = lookUp(code, attempt);
        if (table == null) {
            return ResponseEntity.status(HttpStatus.FOUND).location(URI.create("/join?invalid")).build();
        }
        return ResponseEntity.status(HttpStatus.FOUND).header(HttpHeaders.SET_COOKIE, cookies(http, table, code))
                .location(URI.create(pageOf(table))).build();
    }

    /** An attempt is reserved before the lookup and given back only when the code was right. */
    private TableAccess check(String code, HttpServletRequest http, HttpServletResponse response) throws java.io.IOException {
        AttemptWindow.Attempt attempt = throttle.reserve(http.getRemoteAddr());
        if (attempt == null) {
            Problems.write(http, response, Refusal.ACCESS_THROTTLED);
            return null;
        }
        TableAccess table = lookUp(code, attempt);
        if (table == null) {
            Problems.write(http, response, Refusal.TABLE_CODE_INVALID);
        }
        return table;
    }

    /** The code's table, settling the attempt: given back when right, counted when wrong. */
    private TableAccess lookUp(String code, AttemptWindow.Attempt attempt) {
        TableAccess table;
        try {
            table = tableCodes.tableOf(code).orElse(null);
        } catch (RuntimeException unchecked) {
            throttle.right(attempt);
            throw unchecked;
        }
        if (table == null) {
            throttle.wrong(attempt);
        } else {
            throttle.right(attempt);
        }
        return table;
    }

    /** The code's cookie, sent only to its assembly's API; the site-wide one of earlier versions goes. */
    static String[] cookies(HttpServletRequest http, TableAccess table, String code) {
        return new String[] {CredentialCookies.expiredSiteWide(http, CredentialCookies.TABLE).toString(),
                CredentialCookies.table(http, table.assemblyId(), code).toString()};
    }

    private static String pageOf(TableAccess table) {
        return "/table/" + table.assemblyId() + "/" + table.tableId();
    }
}
