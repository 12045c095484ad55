package io.qswarm.app.bandit;

import io.qswarm.intelligence.bandit.api.BanditPosteriorExport;
import io.qswarm.intelligence.bandit.api.PosteriorMergeCounts;
import java.net.URI;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Contextual-bandit policies over REST: create, decide, reward, warm start from logs, evaluate off-policy, export and
 * merge posteriors ({@code docs/bandits.md}, "Serving bandits").
 */
@RestController
@RequestMapping("/api/v1/bandits")
class BanditController {

    private final BanditRuntime bandits;

    BanditController(BanditRuntime bandits) {
        this.bandits = bandits;
    }

    @PostMapping
    ResponseEntity<BanditPolicyView> create(@RequestBody BanditRequests.Create request) {
        BanditPolicyView created = bandits.create(request.command());
        return ResponseEntity.created(URI.create("/api/v1/bandits/" + created.policyId()))
                .body(created);
    }

    @GetMapping("/{policyId}")
    BanditPolicyView show(@PathVariable String policyId) {
        return bandits.view(policyId);
    }

    @PostMapping("/{policyId}/decisions")
    BanditRuntime.DecisionAnswer decide(@PathVariable String policyId, @RequestBody BanditRequests.Decide request) {
        return bandits.decide(policyId, request.context());
    }

    @PostMapping("/{policyId}/decisions/{decisionId}/reward")
    BanditRuntime.RewardAnswer reward(
            @PathVariable String policyId,
            @PathVariable String decisionId,
            @RequestBody BanditRequests.Reward request) {
        return bandits.observe(policyId, decisionId, request.reward());
    }

    @PostMapping(
            path = "/{policyId}/warm-start",
            consumes = {"application/x-ndjson", "text/csv"})
    BanditRuntime.WarmStartAnswer warmStart(
            @PathVariable String policyId,
            @RequestHeader("Content-Type") MediaType type,
            @RequestParam(required = false) String importId,
            @RequestParam(required = false) String origin,
            @RequestBody String log) {
        return bandits.warmStart(policyId, log, type, importId, origin);
    }

    @PostMapping(
            path = "/{policyId}/evaluations",
            consumes = {"application/x-ndjson", "text/csv"})
    BanditRuntime.EvaluationAnswer evaluate(
            @PathVariable String policyId, @RequestHeader("Content-Type") MediaType type, @RequestBody String log) {
        return bandits.evaluate(policyId, log, type);
    }

    @GetMapping("/{policyId}/posterior")
    BanditPosteriorExport posterior(@PathVariable String policyId) {
        return bandits.posterior(policyId);
    }

    @PostMapping("/{policyId}/merges")
    PosteriorMergeCounts merge(
            @PathVariable String policyId,
            @RequestParam(required = false) String peer,
            @RequestParam(required = false) String round,
            @RequestBody BanditPosteriorExport export) {
        return bandits.merge(policyId, export, peer, round);
    }
}
