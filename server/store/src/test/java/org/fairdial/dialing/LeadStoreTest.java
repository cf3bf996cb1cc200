package org.fairdial.dialing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fairdial.compliance.Consent;
import org.fairdial.config.CampaignConfig.LeadColumns;
import org.fairdial.storage.Database;
import org.fairdial.storage.H2Fixture;
import org.fairdial.storage.JdbcLeadRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A list streamed into the store and paged back gives the leads an in-memory read gives. */
class LeadStoreTest {

    @TempDir
    Path dir;

    @Test
    void importThenPageMatchesTheInMemoryList() throws IOException {
        Path file = dir.resolve("leads.csv");
        StringBuilder csv = new StringBuilder("number,name,tz,src,at,product\n");
        for (int i = 0; i < 360; i++) {
            csv.append("02 ").append(12_340_000 + i % 300).append(i % 300 == i ? ",," : ",Later name,")
                    .append(i % 2 == 0 ? "Europe/Rome" : "").append(",web,2024-05-01T10:00:00Z,p").append(i)
                    .append('\n');
        }
        csv.append("bad number,x,,,,\n");
        Files.writeString(file, csv);
        LeadColumns columns = new LeadColumns("number", "name", "tz", "src", "at");
        LeadFile.Result inMemory = LeadFile.read(file, columns, "IT");
        try (Database db = Database.open(new H2Fixture(dir).config())) {
            LeadStore store = new LeadStore(new JdbcLeadRepository(db));
            LeadImport.Report report = store.importList("c1", file, columns, "IT");
            assertEquals(300, report.leads());
            assertEquals(60, report.duplicates());
            assertEquals(1, report.rejected());
            List<Lead> paged = new ArrayList<>();
            String after = null;
            for (List<Lead> page = store.page("c1", null, 70); !page.isEmpty();
                 page = store.page("c1", after, 70)) {
                paged.addAll(page);
                after = page.get(page.size() - 1).id();
            }
            assertEquals(inMemory.leads().size(), paged.size());
            Map<String, Lead> byId = new HashMap<>();
            inMemory.leads().forEach(l -> byId.put(l.id(), l));
            for (Lead l : paged) {
                assertEquals(byId.get(l.id()), l);
            }
            Lead completed = paged.get(0);
            assertEquals("+390212340000", completed.id());
            assertEquals("Later name", completed.name(), "a duplicate filled the blank name");
            assertEquals(ZoneId.of("Europe/Rome"), completed.timeZone());
            assertEquals(new Consent("web", Instant.parse("2024-05-01T10:00:00Z")), completed.consent());
            assertEquals(Map.of("product", "p0"), completed.fields());
        }
    }
}
