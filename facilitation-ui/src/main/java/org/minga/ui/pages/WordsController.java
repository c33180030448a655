package org.minga.ui.pages;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The pages' words: every catalogue {@code org/minga/words/words[_<code>].properties} on the class
 * path (the base file is Spanish), served as the script {@code /js/words.js} that defines
 * {@code MINGA_MESSAGES}. A language is a file: adding one adds it to every page, and a key it
 * lacks reads in Spanish (minga.js falls back key by key).
 */
@RestController
public class WordsController {

    static final String CATALOGUES = "classpath*:org/minga/words/words*.properties";
    private static final Pattern FILE_NAME = Pattern.compile("words(?:_([a-z]{2,3}))?\\.properties");
    static final String BASE_LANGUAGE = "es";

    private final String script;

    WordsController(ObjectMapper json) {
        this.script = "window.MINGA_MESSAGES = " + asJson(json, catalogues(WordsController.class.getClassLoader())) + ";\n";
    }

    @GetMapping(path = "/js/words.js", produces = "text/javascript;charset=UTF-8")
    ResponseEntity<String> words() {
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(script);
    }

    /** Every catalogue the class loader finds, by language code. */
    public static Map<String, Map<String, String>> catalogues(ClassLoader classLoader) {
        Map<String, Map<String, String>> byLanguage = new TreeMap<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver(classLoader).getResources(CATALOGUES)) {
                Matcher name = FILE_NAME.matcher(String.valueOf(resource.getFilename()));
                if (!name.matches()) {
                    continue;
                }
                String language = name.group(1) == null ? BASE_LANGUAGE : name.group(1);
                byLanguage.computeIfAbsent(language, l -> new TreeMap<>()).putAll(read(resource));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Minga's word catalogues could not be read", e);
        }
        return byLanguage;
    }

    private static Map<String, String> read(Resource resource) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        Map<String, String> words = new TreeMap<>();
        properties.forEach((key, value) -> words.put((String) key, (String) value));
        return words;
    }

    private static String asJson(ObjectMapper json, Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Minga's word catalogues could not be written as JSON", e);
        }
    }
}
