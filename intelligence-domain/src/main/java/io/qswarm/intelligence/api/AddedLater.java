package io.qswarm.intelligence.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a trailing record component added after the record was first published in events. Canonical encoding (the
 * hash chain) leaves such a component out while it is null or empty, so events written before it existed keep their
 * hashes and a new event without it hashes exactly as it would have before.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface AddedLater {}
