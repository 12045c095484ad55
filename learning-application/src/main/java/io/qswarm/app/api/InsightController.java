package io.qswarm.app.api;

import io.qswarm.intelligence.api.QTableId;
import io.qswarm.projections.confidence.ConfidenceEntriesPage;
import io.qswarm.projections.confidence.FetchConfidenceEntries;
import io.qswarm.projections.confidence.FetchTableConfidence;
import io.qswarm.projections.confidence.TableConfidence;
import io.qswarm.projections.edge.api.EdgeHistoryView;
import io.qswarm.projections.edge.api.EdgeScoreOrder;
import io.qswarm.projections.edge.api.EdgeScorePage;
import io.qswarm.projections.edge.api.FetchEdgeHistory;
import io.qswarm.projections.edge.api.FetchEdgeScores;
import io.qswarm.projections.edge.api.FetchPatternFactors;
import io.qswarm.projections.edge.api.FetchRegimeWeights;
import io.qswarm.projections.edge.api.PatternFactors;
import io.qswarm.projections.edge.api.RegimeWeights;
import io.qswarm.projections.exploration.ExplorationTimeline;
import io.qswarm.projections.exploration.FetchExploration;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * What operators ask about a table's knowledge: how confident it is, how much it still explores, and which patterns
 * carry edge in which regime.
 */
@RestController
@RequestMapping("/api/v1/tables/{tableId}")
class InsightController {

    private final TableQueries tables;

    InsightController(TableQueries tables) {
        this.tables = tables;
    }

    @GetMapping("/confidence")
    TableConfidence confidence(@PathVariable String tableId, @RequestParam(defaultValue = "10") int least) {
        var id = QTableId.of(tableId);
        return tables.found(id, new FetchTableConfidence(id, least), TableConfidence.class);
    }

    @GetMapping(path = "/confidence/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter confidenceStream(@PathVariable String tableId, @RequestParam(defaultValue = "10") int least) {
        var id = QTableId.of(tableId);
        return tables.stream(id, new FetchTableConfidence(id, least), TableConfidence.class, "confidence");
    }

    @GetMapping("/confidence/entries")
    ConfidenceEntriesPage confidenceEntries(
            @PathVariable String tableId,
            @RequestParam(required = false) String state,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) Double minConfidence,
            @RequestParam(required = false) Double maxConfidence,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size) {
        var id = QTableId.of(tableId);
        var query = new FetchConfidenceEntries(id, state, action, minConfidence, maxConfidence, page, size);
        return tables.found(id, query, ConfidenceEntriesPage.class);
    }

    @GetMapping("/exploration")
    ExplorationTimeline exploration(@PathVariable String tableId) {
        var id = QTableId.of(tableId);
        return tables.found(id, new FetchExploration(id), ExplorationTimeline.class);
    }

    @GetMapping(path = "/exploration/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter explorationStream(@PathVariable String tableId) {
        var id = QTableId.of(tableId);
        return tables.stream(id, new FetchExploration(id), ExplorationTimeline.class, "exploration");
    }

    /**
     * Edge scores, best first by default. {@code regime} is a regime signature ({@code regime=bull|timeframe=1h});
     * an empty value means unscoped rows, leaving it out means every regime.
     */
    @GetMapping("/edge-scores")
    EdgeScorePage edgeScores(
            @PathVariable String tableId,
            @RequestParam(required = false) String regime,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) EdgeScoreOrder order,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size) {
        var id = QTableId.of(tableId);
        return tables.found(id, new FetchEdgeScores(id, regime, category, order, page, size), EdgeScorePage.class);
    }

    /** One pattern's edge score with its history (patterns contain {@code |}: pass them as query parameters). */
    @GetMapping("/edge-scores/history")
    EdgeHistoryView edgeHistory(
            @PathVariable String tableId,
            @RequestParam String pattern,
            @RequestParam String category,
            @RequestParam(defaultValue = "") String regime) {
        var id = QTableId.of(tableId);
        return tables.found(id, new FetchEdgeHistory(id, pattern, category, regime), EdgeHistoryView.class);
    }

    @GetMapping("/edge-scores/weights")
    RegimeWeights regimeWeights(@PathVariable String tableId) {
        var id = QTableId.of(tableId);
        return tables.found(id, new FetchRegimeWeights(id), RegimeWeights.class);
    }

    @GetMapping("/edge-scores/factors")
    PatternFactors patternFactors(
            @PathVariable String tableId,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String regime) {
        var id = QTableId.of(tableId);
        return tables.found(id, new FetchPatternFactors(id, category, regime), PatternFactors.class);
    }
}
