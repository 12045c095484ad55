package io.qswarm.app.federation;

/** Something a federation request names does not exist here; answered 404 with {@code code}. */
public class NotFoundException extends RuntimeException {

    private final String code;

    public NotFoundException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }

    static NotFoundException swarm(Object swarm) {
        return new NotFoundException("unknown-swarm", "unknown swarm '" + swarm + "'");
    }

    static NotFoundException peer(Object peer) {
        return new NotFoundException("unknown-peer", "unknown peer '" + peer + "'; register it first");
    }

    static NotFoundException round(Object round) {
        return new NotFoundException("unknown-round", "unknown round '" + round + "'");
    }

    static NotFoundException table(Object table) {
        return new NotFoundException("unknown-table", "unknown table '" + table + "' (not a table of this deployment)");
    }
}
