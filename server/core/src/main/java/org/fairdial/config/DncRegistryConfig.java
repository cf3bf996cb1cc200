package org.fairdial.config;

import java.nio.file.Path;

/**
 * A national do-not-call registry file ({@code dialer.do-not-call.registries.NAME}), loaded once at start-up into
 * memory and checked before every call of the campaigns that name it.
 *
 * @param name   registry name campaigns refer to, e.g. {@code us-national}
 * @param file   one number per line: E.164 ({@code +12125550100}) or national digits of {@code region}
 * @param region ISO 3166 region of national numbers in the file, e.g. {@code US}
 */
public record DncRegistryConfig(String name, Path file, String region) {
}
