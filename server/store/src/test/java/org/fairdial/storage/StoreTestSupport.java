package org.fairdial.storage;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import javax.sql.DataSource;
import org.fairdial.privacy.PersonalData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.opentest4j.TestAbortedException;
import org.slf4j.LoggerFactory;

/**
 * Opens one migrated {@link Database} per test class on the subclass's fixture and closes it afterwards. When the
 * fixture is unavailable (no PostgreSQL server) every test is skipped with the reason: an assumption failing in
 * {@code @BeforeAll} would make Surefire report the class as zero tests run, hiding that nothing was checked.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class StoreTestSupport {

    private StoreFixture fixture;
    private Database db;
    private String unavailable;

    /** Provides this class's database; may abort (JUnit assumption) when it is unavailable. */
    protected abstract StoreFixture createFixture();

    /** How the database opened for the class keeps personal values: in clear unless a subclass encrypts. */
    protected PersonalData personalData() {
        return PersonalData.PLAINTEXT;
    }

    @BeforeAll
    protected final void openDatabase() {
        try {
            fixture = createFixture();
        } catch (TestAbortedException e) {
            unavailable = e.getMessage();
            LoggerFactory.getLogger(getClass()).warn("{}", unavailable);
            return;
        }
        db = Database.open(fixture.config(), personalData());
    }

    @BeforeEach
    protected final void requireDatabase() {
        assumeTrue(unavailable == null, unavailable);
    }

    @AfterAll
    protected final void closeDatabase() {
        if (db != null) {
            db.close();
        }
        if (fixture != null) {
            fixture.close();
        }
    }

    protected final StoreFixture fixture() {
        return fixture;
    }

    protected final Database db() {
        return db;
    }

    protected final DataSource dataSource() {
        return db.dataSource();
    }
}
