package com.minkshop.query.admin;

import com.minkshop.api.common.ErrorCode;
import com.minkshop.query.admin.DeadLetters.RetryResult;
import com.minkshop.query.admin.ProjectionRebuilder.ProjectionStatus;
import com.minkshop.query.config.ProcessingGroups;
import com.minkshop.query.web.ApiErrors;
import com.minkshop.query.web.ApiExample;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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
 * Operator endpoints; reachable only as described in {@code AdminAccessFilter}.
 */
@RestController
@Tag(name = "Admin", description = "Operator endpoints: loopback clients or X-Admin-Token only, everyone else gets 404")
@RequestMapping(path = "/admin", produces = "application/json")
class AdminController {

    private final ProjectionRebuilder rebuilder;
    private final DeadLetters deadLetters;

    AdminController(ProjectionRebuilder rebuilder, DeadLetters deadLetters) {
        this.rebuilder = rebuilder;
        this.deadLetters = deadLetters;
    }

    @Operation(summary = "Rebuild every read model",
               description = "Stops the processors, resets their tokens (clearing each view) and replays all events "
                           + "in the background; follow it on GET /admin/projections.")
    @ApiErrors(ErrorCode.NOT_FOUND)
    @ApiExample(status = 202, value = """
            {"status": "rebuilding", "processors": ["product-view", "cart-view", "order-view", "dashboard"],
             "progress": "/admin/projections"}""")
    @PostMapping("/projections/rebuild")
    ResponseEntity<Map<String, Object>> rebuild() {
        List<String> processors = rebuilder.rebuildAll();
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                             .body(Map.of("status", "rebuilding", "processors", processors,
                                          "progress", "/admin/projections"));
    }

    @Operation(summary = "Where each processor stands",
               description = "A rebuild is complete when every position has reached head.")
    @ApiErrors(ErrorCode.NOT_FOUND)
    @ApiExample("""
            {"head": 42, "processors": [{"name": "product-view", "running": true, "replaying": false, "error": false,
                                          "claimedSegments": 1, "position": 42, "caughtUp": true}]}""")
    @GetMapping("/projections")
    ProjectionStatus projections() {
        return rebuilder.status();
    }

    @Operation(summary = "Retry a processing group's dead letters",
               description = "Retries each parked sequence once; an unknown group is 404.")
    @ApiErrors(ErrorCode.NOT_FOUND)
    @ApiExample("""
            {"group": "order-view", "processedSequences": 1, "remainingLetters": 0}""")
    @PostMapping("/dead-letters/{group}/retry")
    RetryResult retry(@PathVariable String group) throws NoResourceFoundException {
        return deadLetters.retry(group).orElseThrow(
                () -> new NoResourceFoundException(HttpMethod.POST,
                                                   "/admin/dead-letters/" + group + "/retry"));
    }

    @Operation(summary = "Dead letters per processing group")
    @ApiErrors(ErrorCode.NOT_FOUND)
    @ApiExample("""
            {"product-view": 0, "cart-view": 0, "order-view": 0, "dashboard": 0}""")
    @GetMapping("/dead-letters")
    Map<String, Long> deadLetterCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        ProcessingGroups.ALL.forEach(group -> counts.put(group, deadLetters.count(group)));
        return counts;
    }
}
