package org.minga.security;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.minga.assembly.api.Refusal;
import org.minga.security.TableCodes.TableAccess;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
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

    private final TableCodes tableCodes;
    private final WrongCodeThrottle throttle;

    public JoinController(TableCodes tableCodes, WrongCodeThrottle throttle) {
        this.tableCodes = tableCodes;
        this.throttle = throttle;
    }

    @PostMapping("/api/join")
    public ResponseEntity<Map<String, String>> join(@RequestBody(required = false) JoinRequest request, HttpServletRequest http,
                                                    HttpServletResponse response) throws java.io.IOException {
        TableAccess table = check(request == null ? null : request.code(), http, response);
        if (table == null) {
            return null;
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.SET_COOKIE, cookie(request.code()).toString())
                .body(Map.of("assemblyId", table.assemblyId(), "tableId", table.tableId(), "url", pageOf(table)));
    }

    /** The table card's QR code: opens the table's page already joined. */
    @GetMapping("/join/{code}")
    public ResponseEntity<Void> joinByLink(@PathVariable String code, HttpServletRequest http) {
        if (throttle.blocked(http.getRemoteAddr())) {
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).location(URI.create("/join?throttled")).build();
        }
        return tableCodes.tableOf(code)
                .map(table -> ResponseEntity.status(HttpStatus.FOUND).header(HttpHeaders.SET_COOKIE, cookie(code).toString())
                        .location(URI.create(pageOf(table))).<Void>build())
                .orElseGet(() -> {
                    throttle.wrong(http.getRemoteAddr());
                    return ResponseEntity.status(HttpStatus.FOUND).location(URI.create("/join?invalid")).build();
                });
    }

    private TableAccess check(String code, HttpServletRequest http, HttpServletResponse response) throws java.io.IOException {
        String client = http.getRemoteAddr();
        if (throttle.blocked(client)) {
            ProblemWriter.write(http, response, Refusal.ACCESS_THROTTLED);
            return null;
        }
        TableAccess table = tableCodes.tableOf(code).orElse(null);
        if (table == null) {
            throttle.wrong(client);
            ProblemWriter.write(http, response, Refusal.TABLE_CODE_INVALID);
        }
        return table;
    }

    static ResponseCookie cookie(String code) {
        return ResponseCookie.from(AccessCredentialsFilter.TABLE_COOKIE, code.strip().toUpperCase(java.util.Locale.ROOT))
                .httpOnly(true).sameSite("Strict").path("/").maxAge(Duration.ofDays(2)).build();
    }

    private static String pageOf(TableAccess table) {
        return "/table/" + table.assemblyId() + "/" + table.tableId();
    }
}
