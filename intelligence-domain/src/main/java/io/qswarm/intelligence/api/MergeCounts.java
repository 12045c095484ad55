package io.qswarm.intelligence.api;

/** Exact outcome of a merge: each peer entry is counted in exactly one of the four. */
public record MergeCounts(int added, int updated, int unchanged, int rejected) {

    public int total() {
        return added + updated + unchanged + rejected;
    }
}
