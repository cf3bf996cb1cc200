package org.fairdial.storage;

import org.fairdial.config.StoreConfig;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The storage contract on a throw-away PostgreSQL container, for CI machines that have Docker but no local server.
 * Disabled where there is no Docker engine; {@link PostgresStoreTest} covers a local server.
 */
@Testcontainers(disabledWithoutDocker = true)
class PostgresContainerStoreTest extends StoreContract {

    @Container
    private static final PostgreSQLContainer<?> POSTGRES = new PostgreSQLContainer<>("postgres:15-alpine");

    @Override
    protected StoreFixture createFixture() {
        StoreConfig config = StoreFixture.config(POSTGRES.getJdbcUrl(), POSTGRES.getUsername(),
                POSTGRES.getPassword());
        return new StoreFixture() {
            @Override
            public StoreConfig config() {
                return config;
            }

            @Override
            public void close() {
                // The container is stopped by the Testcontainers extension.
            }
        };
    }
}
