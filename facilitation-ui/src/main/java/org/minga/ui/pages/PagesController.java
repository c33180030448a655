package org.minga.ui.pages;

import java.time.Duration;

import jakarta.servlet.http.HttpServletResponse;
import org.minga.security.AccessCredentialsFilter;
import org.minga.security.ShareLinks;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
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

    public PagesController(ShareLinks shareLinks) {
        this.shareLinks = shareLinks;
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
    public String projector(@PathVariable String assemblyId, @RequestParam(required = false) String link, HttpServletResponse response) {
        return withLink("/projector/" + assemblyId, link, response, "forward:/pages/projector.html");
    }

    @GetMapping({"/table/{assemblyId}", "/table/{assemblyId}/{tableId}", "/join"})
    public String table() {
        return "forward:/pages/table.html";
    }

    @GetMapping("/audit/{assemblyId}")
    public String audit(@PathVariable String assemblyId, @RequestParam(required = false) String link, HttpServletResponse response) {
        return withLink("/audit/" + assemblyId, link, response, "forward:/pages/audit.html");
    }

    @GetMapping("/agenda/{assemblyId}")
    public String agenda(@PathVariable String assemblyId, @RequestParam(required = false) String link, HttpServletResponse response) {
        return withLink("/agenda/" + assemblyId, link, response, "forward:/pages/agenda.html");
    }

    private String withLink(String page, String link, HttpServletResponse response, String view) {
        if (link == null) {
            return view;
        }
        if (shareLinks.accessOf(link).isPresent()) {
            response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(AccessCredentialsFilter.LINK_COOKIE, link)
                    .httpOnly(true).sameSite("Lax").path("/").maxAge(Duration.ofDays(30)).build().toString());
        }
        return "redirect:" + page;
    }
}
