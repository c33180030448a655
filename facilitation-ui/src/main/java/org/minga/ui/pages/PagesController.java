package org.minga.ui.pages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.minga.security.AttemptWindow;
import org.minga.security.CredentialCookies;
import org.minga.security.ShareLinks;
import org.minga.security.WrongCodeThrottle;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pages people use in the room: static HTML served by the app itself; their scripts read the
 * ids from the path. A page opened from a share link ({@code ?link=…}) keeps the link in a cookie
 * and drops it from the address bar, so it is not shown on the projector or sent onwards.
 */
@Controller
public class PagesController {

    private final ShareLinks shareLinks;
    private final WrongCodeThrottle throttle;

    public PagesController(ShareLinks shareLinks, WrongCodeThrottle throttle) {
        this.shareLinks = shareLinks;
        this.throttle = throttle;
    }

    @GetMapping("/")
    public String home() {
        return "redirect:/console";
    }

    @GetMapping("/login")
    public String login() {
        return "forward:/pages/login.html";
    }

    @GetMapping({"/console", "/console/{assemblyId}"})
    public String console() {
        return "forward:/pages/console.html";
    }

    @GetMapping("/console/{assemblyId}/cards")
    public String tableCards() {
        return "forward:/pages/cards.html";
    }

    @GetMapping("/projector/{assemblyId}")
    public String projector(@PathVariable String assemblyId, @RequestParam(required = false) String link,
                            HttpServletRequest request, HttpServletResponse response) {
        return withLink(assemblyId, "/projector/" + assemblyId, link, request, response, "forward:/pages/projector.html");
    }

    @GetMapping({"/table/{assemblyId}", "/table/{assemblyId}/{tableId}", "/join"})
    public String table() {
        return "forward:/pages/table.html";
    }

    @GetMapping("/audit/{assemblyId}")
    public String audit(@PathVariable String assemblyId, @RequestParam(required = false) String link,
                            HttpServletRequest request, HttpServletResponse response) {
        return withLink(assemblyId, "/audit/" + assemblyId, link, request, response, "forward:/pages/audit.html");
    }

    @GetMapping("/agenda/{assemblyId}")
    public String agenda(@PathVariable String assemblyId, @RequestParam(required = false) String link,
                            HttpServletRequest request, HttpServletResponse response) {
        return withLink(assemblyId, "/agenda/" + assemblyId, link, request, response, "forward:/pages/agenda.html");
    }

    /**
     * A link token in the address is a guess until looked up, so it counts towards the wrong-code
     * throttle like any other; a link of another assembly is as wrong as a made-up one.
     */
    private String withLink(String assemblyId, String page, String link, HttpServletRequest request, HttpServletResponse response,
                            String view) {
        if (link == null) {
            return view;
        }
        AttemptWindow.Attempt attempt = throttle.reserve(request.getRemoteAddr());
        if (attempt == null) {
            return "redirect:" + page;
        }
        boolean right;
        try {
            right = shareLinks.accessOf(link).filter(access -> access.assemblyId().equals(assemblyId)).isPresent();
        } catch (RuntimeException unchecked) {
            throttle.right(attempt);
            throw unchecked;
        }
        if (!right) {
            throttle.wrong(attempt);
        } else {
            throttle.right(attempt);
            response.addHeader(HttpHeaders.SET_COOKIE, CredentialCookies.expiredSiteWide(request, CredentialCookies.LINK).toString());
            response.addHeader(HttpHeaders.SET_COOKIE, CredentialCookies.link(request, assemblyId, link).toString());
        }
        return "redirect:" + page;
    }
}
