package com.minkshop.query.admin;

import com.minkshop.query.admin.DeadLetters.RetryResult;
import com.minkshop.query.admin.ProjectionRebuilder.ProjectionStatus;
import com.minkshop.query.config.ProcessingGroups;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Operator endpoints; reachable only as described in {@code AdminAccessInterceptor}.
 */
@RestController
@RequestMapping(path = "/admin", produces = "application/json")
class AdminController {

    private final ProjectionRebuilder rebuilder;
    private final DeadLetters deadLetters;

    AdminController(ProjectionRebuilder rebuilder, DeadLetters deadLetters) {
        this.rebuilder = rebuilder;
        this.deadLetters = deadLetters;
    }

    @PostMapping("/projections/rebuild")
    ResponseEntity<Map<String, Object>> rebuild() {
        List<String> processors = rebuilder.rebuildAll();
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                             .body(Map.of("status", "rebuilding", "processors", processors,
                                          "progress", "/admin/projections"));
    }

    @GetMapping("/projections")
    ProjectionStatus projections() {
        return rebuilder.status();
    }

    @PostMapping("/dead-letters/{group}/retry")
    RetryResult retry(@PathVariable String group) throws NoResourceFoundException {
        return deadLetters.retry(group).orElseThrow(
                () -> new NoResourceFoundException(HttpMethod.POST,
                                                   "/admin/dead-letters/" + group + "/retry"));
    }

    @GetMapping("/dead-letters")
    Map<String, Long> deadLetterCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        ProcessingGroups.ALL.forEach(group -> counts.put(group, deadLetters.count(group)));
        return counts;
    }
}
