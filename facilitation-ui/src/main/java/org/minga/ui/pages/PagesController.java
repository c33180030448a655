package org.minga.ui.pages;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The pages people use in the room: static HTML served by the app itself, their scripts read the ids from the path. */
@Controller
public class PagesController {

    @GetMapping("/")
    public String home() {
        return "redirect:/console";
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
    public String projector() {
        return "forward:/pages/projector.html";
    }

    @GetMapping({"/table/{assemblyId}", "/table/{assemblyId}/{tableId}"})
    public String table() {
        return "forward:/pages/table.html";
    }

    @GetMapping("/audit/{assemblyId}")
    public String audit() {
        return "forward:/pages/audit.html";
    }

    @GetMapping("/agenda/{assemblyId}")
    public String agenda() {
        return "forward:/pages/agenda.html";
    }
}
