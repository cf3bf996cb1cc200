package org.fairdial.storage;

import org.fairdial.config.StoreConfig;
import org.testcontainers.containers.PostgreSQLContainer;

/** A {@link StoreFixture} on a Testcontainers PostgreSQL, which the Testcontainers extension starts and stops. */
public final class PostgresContainerFixture implements StoreFixture {
    private final StoreConfig config;

    public PostgresContainerFixture(PostgreSQLContainer<?> container) {
        this.config = StoreFixture.config(container.getJdbcUrl(), container.getUsername(), container.getPassword());
    }

    @Override
    public StoreConfig config() {
        return config;
    }

    @Override
    public void close() {
        // The container is stopped by the Testcontainers extension.
    }
}
