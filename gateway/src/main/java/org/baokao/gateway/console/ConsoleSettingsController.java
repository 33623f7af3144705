package org.baokao.gateway.console;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /console-settings.json}: what the console page needs before its operator has logged in. Public. */
@RestController
class ConsoleSettingsController {

    private final ConsoleSettings settings;

    ConsoleSettingsController(ConsoleSettings settings) {
        this.settings = settings;
    }

    @GetMapping("/console-settings.json")
    ResponseEntity<ConsoleSettings> settings() {
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(settings);
    }
}
