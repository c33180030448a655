package org.minga.demo;

import java.net.URI;

import org.minga.words.Words;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Starts a demo assembly from the console, so a first run shows the whole method working. */
@RestController
public class DemoController {

    public record DemoRequest(String language) {
    }

    private final DemoAssembly demo;

    record Started(String assemblyId) {
    }

    public DemoController(DemoAssembly demo) {
        this.demo = demo;
    }

    @PostMapping("/api/demo")
    public ResponseEntity<Started> start(@RequestBody(required = false) DemoRequest request) {
        String assemblyId = demo.start(request == null ? Words.SPANISH : request.language());
        return ResponseEntity.created(URI.create("/api/assemblies/" + assemblyId)).body(new Started(assemblyId));
    }
}
