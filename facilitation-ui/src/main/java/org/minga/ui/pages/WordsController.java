package org.minga.ui.pages;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.minga.words.Words;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The pages' words: every catalogue {@code org/minga/words/words[_<code>].properties} on the class
 * path (the base file is Spanish), served as the script {@code /js/words.js} that defines
 * {@code MINGA_MESSAGES}. A language is a file: adding one adds it to every page, and a key it
 * lacks reads in Spanish (js/lib/words.js falls back key by key). The words only Java writes (refusals,
 * the history, the downloads) stay out: phones load this script on every page.
 */
@RestController
public class WordsController {

    /** The areas of the catalogue that the server writes and no page reads. */
    static final List<String> SERVER_ONLY = List.of("refusal.", "field.", "history.", "download.", "problem.", "demo.");

    private final String script;

    WordsController(ObjectMapper json) {
        this.script = "window.MINGA_MESSAGES = " + asJson(json, catalogues(WordsController.class.getClassLoader())) + ";\n";
    }

    @GetMapping(path = "/js/words.js", produces = "text/javascript;charset=UTF-8")
    ResponseEntity<String> words() {
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(script);
    }

    /** The pages' words of every catalogue the class loader finds, by language code. */
    public static Map<String, Map<String, String>> catalogues(ClassLoader classLoader) {
        Map<String, Map<String, String>> byLanguage = new TreeMap<>();
        Words.catalogues(classLoader).forEach((language, words) -> {
            Map<String, String> pages = new TreeMap<>(words);
            pages.keySet().removeIf(key -> SERVER_ONLY.stream().anyMatch(key::startsWith));
            byLanguage.put(language, pages);
        });
        return byLanguage;
    }

    private static String asJson(ObjectMapper json, Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Minga's word catalogues could not be written as JSON", e);
        }
    }
}
