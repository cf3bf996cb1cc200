package org.fairdial.cdr.cli;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.Callable;
import org.fairdial.config.ToolConfig;
import org.fairdial.dialing.dnc.DoNotCallLists;
import org.fairdial.privacy.NumberHasher;
import org.fairdial.privacy.NumberMask;
import org.fairdial.privacy.OptOutRegistry;
import org.fairdial.privacy.erasure.PrivacyEraser;
import org.fairdial.storage.Database;
import org.fairdial.storage.JdbcDoNotCallRepository;
import org.fairdial.storage.JdbcPrivacyRepository;
import org.fairdial.storage.RecordingStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dialer privacy erase NUMBER [--opted-out]}: removes the number from CDRs, lead lists, dialing history and the
 * journal, keeping only its keyed hash in the erasure audit (and the do-not-call list when opted out).
 */
@Command(name = "erase", mixinStandardHelpOptions = true,
        description = "Erase a phone number from the CDRs, lead lists, dialing history and journal; "
        + "only its keyed hash is kept, in the erasure audit.")
final class PrivacyEraseCommand implements Callable<Integer> {

    @Option(names = {"-c", "--config"}, defaultValue = "config/dialer.conf",
            description = "configuration file naming the store (default: ${DEFAULT-VALUE})")
    Path file;

    @Parameters(index = "0", description = "the number, E.164 (+390212345678) or national (read in --region)")
    String number;

    @Option(names = "--region", description = "region of a national number (default: campaign-defaults' region)")
    String region;

    @Option(names = "--opted-out", description = "the person opted out: keep the hash on the do-not-call list")
    boolean optedOut;

    @Option(names = "--by", defaultValue = "${sys:user.name}", description = "who asked (default: ${DEFAULT-VALUE})")
    String requestedBy;

    @Option(names = "--reason", description = "free text for the audit, e.g. a ticket number")
    String reason;

    @Override
    public Integer call() throws Exception {
        ToolConfig config = ToolSupport.load(file);
        if (config == null) {
            return 1;
        }
        NumberMask mask = NumberMask.of(config.privacy().logVisibleDigits());
        String e164;
        try {
            PhoneNumberUtil util = PhoneNumberUtil.getInstance();
            e164 = util.format(util.parse(number, region != null ? region : config.defaultRegion()),
                    PhoneNumberUtil.PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            System.err.println("'" + mask.mask(number) + "' is not a phone number: " + e.getMessage());
            return 2;
        }
        try (Database db = ToolSupport.open(config)) {
            JdbcPrivacyRepository repository = new JdbcPrivacyRepository(db);
            InstantSource clock = InstantSource.system();
            NumberHasher hasher = PrivacyEraser.hasher(config.privacy(), repository, clock.instant());
            OptOutRegistry optOuts = new DoNotCallLists(Map.of(), Map.of(),
                    new JdbcDoNotCallRepository(db, mask)).optOutRegistry();
            PrivacyEraser.Result r = new PrivacyEraser(repository, hasher, optOuts,
                    config.store().journal(), clock, new RecordingStore(db.dataSource(), db.personalData(),
                    config.store().recordings())).erase(e164, optedOut, requestedBy, reason);
            System.out.printf("erased %s (erasure %s): %d CDR leg(s) anonymized, %d lead state(s) and %d "
                            + "dialing-history row(s) deleted, %d do-not-call entr(y/ies) kept as its hash, %d audit "
                            + "row(s) cleaned, %d recording(s) deleted; journal: %s%n", mask.mask(e164), r.erasureId(),
                    r.tables().cdrLegs(), r.tables().leadStates(), r.tables().history(), r.tables().doNotCallHashed(),
                    r.tables().auditEntries(), r.recordings(), r.journal());
            if (optedOut) {
                System.out.println(r.optOutRecorded() ? "opt-out recorded on the do-not-call list"
                        : "opt-out kept as a hash in the erasure audit (privacy_erasure.opted_out); no do-not-call "
                        + "list is plugged in");
            } else {
                System.out.println("note: lead imports refuse the number from now on (its hash is in the erasure "
                        + "audit); use --opted-out to also put it on the do-not-call list");
            }
        }
        return 0;
    }
}
