package org.fairdial.config;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A national do-not-call registry file ({@code dialer.do-not-call.registries.NAME}), loaded once at start-up into
 * memory and checked before every call of the campaigns that name it.
 *
 * @param name       registry name campaigns refer to, e.g. {@code us-national}
 * @param file       one number per line: E.164 ({@code +12125550100}) or national digits of {@code region}
 * @param region     ISO 3166 region of national numbers in the file, e.g. {@code US}
 * @param downloaded when the file was downloaded from the registry (key {@code downloaded}), or null: then the
 *                   file's own {@code # downloaded: ...} header line says it, if it has one
 */
public record DncRegistryConfig(String name, Path file, String region, Instant downloaded) {

    /** A registry whose download date only its file may declare. */
    public DncRegistryConfig(String name, Path file, String region) {
        this(name, file, region, null);
    }
}
