package org.fairdial.dialing.dnc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fairdial.config.CampaignConfig;
import org.fairdial.config.DncRegistryConfig;
import org.fairdial.privacy.NumberHasher;
import org.fairdial.privacy.OptOutRegistry;
import org.fairdial.ports.DoNotCallEntries;
import org.fairdial.ports.DoNotCallSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every do-not-call list a campaign checks, in one call made at the last moment before each INVITE: the national
 * registries the campaign names and its own files (in memory, under a microsecond each), then the internal list and
 * the campaign's entries in the store (one indexed read, so additions by agents, the API or an opt-out keypress take
 * effect at once). US 16 CFR 310.4(b)(1)(iii)(B) (national registry) and (A) (the seller's own list); UK PECR reg.
 * 21 (TPS); Italy d.P.R. 178/2010 and L. 5/2018 (Registro pubblico delle opposizioni).
 */
public final class DoNotCallLists {
    private static final Logger LOG = LoggerFactory.getLogger(DoNotCallLists.class);
    /** Prefix of an entry that holds a number's one-way hash instead of the number. */
    static final String HASHED = DoNotCallEntries.HASHED;
    /** Store scope of numbers whose callee gave no consent (no campaign can be named so: not a HOCON key). */
    public static final String NO_CONSENT = "!no-consent";

    private final Map<String, CompactNumberSet> registries;
    /** Each registry's declared download time (the config key, else the file's header); absent: undeclared. */
    private final Map<String, Instant> downloadedAt;
    /** Each registry file's modification time and size when loaded, so a reload sees a new download. */
    private final Map<String, String> fileStamps;
    private final Map<String, List<CompactNumberSet>> campaignLists;
    private final DoNotCallEntries store;
    /** Hashes numbers the way a privacy erasure stores those who opted out; null: no hashed entries. */
    private volatile NumberHasher hasher;

    public DoNotCallLists(Map<String, CompactNumberSet> registries, Map<String, List<CompactNumberSet>> campaignLists,
                          DoNotCallEntries store) {
        this(registries, Map.of(), Map.of(), campaignLists, store);
    }

    /**
     * @param downloadedAt each registry's declared download time; a registry missing here declares none
     */
    public DoNotCallLists(Map<String, CompactNumberSet> registries, Map<String, Instant> downloadedAt,
                          Map<String, List<CompactNumberSet>> campaignLists, DoNotCallEntries store) {
        this(registries, downloadedAt, Map.of(), campaignLists, store);
    }

    private DoNotCallLists(Map<String, CompactNumberSet> registries, Map<String, Instant> downloadedAt,
                           Map<String, String> fileStamps, Map<String, List<CompactNumberSet>> campaignLists,
                           DoNotCallEntries store) {
        this.registries = Map.copyOf(registries);
        this.downloadedAt = Map.copyOf(downloadedAt);
        this.fileStamps = Map.copyOf(fileStamps);
        this.campaignLists = Map.copyOf(campaignLists);
        this.store = store;
    }

    /** Declared download times of the registries that declare one, by name. */
    public Map<String, Instant> downloadedAt() {
        return downloadedAt;
    }

    /** Names of the registries loaded. */
    public java.util.Set<String> registryNames() {
        return registries.keySet();
    }

    /** From now on also matches numbers kept only as a hash (people who opted out, then had their data erased). */
    public void matchHashedWith(NumberHasher numberHasher) {
        this.hasher = numberHasher;
    }

    /**
     * The privacy eraser's hook: the person behind {@code numberHash} opted out and their number is being erased;
     * only its hash stays on the internal list, still barring calls to them.
     */
    public OptOutRegistry optOutRegistry() {
        return (numberHash, at) -> {
            store.add(HASHED + numberHash, DoNotCallEntries.INTERNAL, DoNotCallSource.API, "opted out, number erased",
                    at); // false when already listed: either way it is on the list now
            return true;
        };
    }

    private String internalScope(String e164, String campaign) {
        NumberHasher h = hasher;
        return h == null ? store.find(e164, campaign) : store.find(e164, HASHED + h.hash(e164), campaign);
    }

    /** Loads every registry file and every campaign's own lists (start-up; a 100M-number registry takes seconds). */
    public static DoNotCallLists load(Map<String, DncRegistryConfig> registryFiles,
                                      Iterable<CampaignConfig> campaigns, DoNotCallEntries store)
            throws IOException {
        Map<String, CompactNumberSet> registries = new LinkedHashMap<>();
        Map<String, Instant> dates = new LinkedHashMap<>();
        Map<String, String> stamps = new LinkedHashMap<>();
        for (DncRegistryConfig r : registryFiles.values()) {
            String stamp = stamp(r.file());
            NumberListFile.Loaded loaded = load(r.file(), r.region(), "registry " + r.name());
            registries.put(r.name(), loaded.set());
            stamps.put(r.name(), stamp);
            Instant date = r.downloaded() != null ? r.downloaded() : loaded.downloadedAt();
            if (r.downloaded() != null && loaded.downloadedAt() != null
                    && !r.downloaded().equals(loaded.downloadedAt())) {
                LOG.warn("do-not-call registry {}: the file says it was downloaded {}, the configuration says {};"
                        + " the configuration's date counts", r.name(), loaded.downloadedAt(), r.downloaded());
            }
            if (date != null) {
                dates.put(r.name(), date);
            } else {
                LOG.warn("do-not-call registry {}: {} declares no download date (a '# downloaded: yyyy-MM-dd' line"
                        + " or the downloaded key); campaigns whose profile limits the registry's age will not dial",
                        r.name(), r.file());
            }
        }
        Map<String, List<CompactNumberSet>> lists = new LinkedHashMap<>();
        for (CampaignConfig c : campaigns) {
            List<CompactNumberSet> own = new ArrayList<>();
            for (Path file : c.doNotCall().lists()) {
                own.add(load(file, c.defaultRegion(), "campaign " + c.name() + " list").set());
            }
            lists.put(c.name(), own);
        }
        return new DoNotCallLists(registries, dates, stamps, lists, store);
    }

    /** Modification time and size of a file, or empty when unreadable (then it is loaded again, and fails). */
    private static String stamp(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis() + ":" + Files.size(file);
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * The lists after a reload: registry files whose settings did not change are kept in memory (a national
     * registry takes tens of seconds to load); changed or new ones, files replaced on disk (a new download: other
     * modification time or size) and every campaign list are read again.
     */
    public DoNotCallLists reloaded(Map<String, DncRegistryConfig> previousFiles,
                                   Map<String, DncRegistryConfig> registryFiles, Iterable<CampaignConfig> campaigns)
            throws IOException {
        Map<String, DncRegistryConfig> unchanged = new LinkedHashMap<>();
        Map<String, DncRegistryConfig> changed = new LinkedHashMap<>();
        registryFiles.forEach((name, r) -> (r.equals(previousFiles.get(name)) && registries.containsKey(name)
                && stamp(r.file()).equals(fileStamps.get(name)) ? unchanged : changed).put(name, r));
        DoNotCallLists fresh = load(changed, campaigns, store);
        Map<String, CompactNumberSet> all = new LinkedHashMap<>(fresh.registries);
        Map<String, Instant> dates = new LinkedHashMap<>(fresh.downloadedAt);
        Map<String, String> stamps = new LinkedHashMap<>(fresh.fileStamps);
        for (String name : unchanged.keySet()) {
            all.put(name, registries.get(name));
            if (downloadedAt.containsKey(name)) {
                dates.put(name, downloadedAt.get(name));
            }
            stamps.put(name, fileStamps.get(name));
        }
        DoNotCallLists lists = new DoNotCallLists(all, dates, stamps, fresh.campaignLists, store);
        lists.hasher = hasher;
        return lists;
    }

    private static NumberListFile.Loaded load(Path file, String region, String what) throws IOException {
        long start = System.nanoTime();
        NumberListFile.Loaded loaded = NumberListFile.load(file, region);
        LOG.info("do-not-call {}: {} numbers from {} ({} lines, {} refused{}) in {} ms, {} MB", what,
                loaded.set().size(), file, loaded.lines(), loaded.invalid(),
                loaded.invalidLines().isEmpty() ? "" : ", first at lines " + loaded.invalidLines(),
                (System.nanoTime() - start) / 1_000_000, loaded.set().memoryBytes() >> 20);
        return loaded;
    }

    /**
     * The list that bars {@code campaign} from calling {@code e164}, or null: {@code registry:NAME},
     * {@code campaign-list}, {@code internal} or {@code campaign:NAME}.
     */
    public String match(CampaignConfig campaign, String e164) {
        long n = E164.toLong(e164);
        for (String name : campaign.doNotCall().registries()) {
            CompactNumberSet set = registries.get(name);
            if (set != null && set.contains(n)) {
                return "registry:" + name;
            }
        }
        for (CompactNumberSet own : campaignLists.getOrDefault(campaign.name(), List.of())) {
            if (own.contains(n)) {
                return "campaign-list";
            }
        }
        String scope = internalScope(e164, campaign.name());
        if (scope == null) {
            return null;
        }
        return scope.equals(DoNotCallEntries.INTERNAL) ? "internal" : "campaign:" + scope;
    }

    /**
     * The list that bars {@code e164} for every campaign, or null: the internal list first, then any national
     * registry (what a supervisor's "may we call this number?" asks, with no campaign in mind).
     */
    public String matchAny(String e164) {
        if (DoNotCallEntries.INTERNAL.equals(internalScope(e164, DoNotCallEntries.INTERNAL))) {
            return "internal";
        }
        long n = E164.toLong(e164);
        for (Map.Entry<String, CompactNumberSet> registry : registries.entrySet()) {
            if (registry.getValue().contains(n)) {
                return "registry:" + registry.getKey();
            }
        }
        return null;
    }

    /** Removes the number from the internal list; false if it was not on it. */
    public boolean removeInternal(String e164) {
        return store.remove(e164, DoNotCallEntries.INTERNAL);
    }

    /** Adds the number to the internal list, which every campaign checks. */
    public boolean addInternal(String e164, DoNotCallSource source, String note, Instant at) {
        return store.add(e164, DoNotCallEntries.INTERNAL, source, note, at);
    }

    /**
     * An agent reported the callee gave no consent to be called: from now on no campaign whose rules need consent
     * dials the number (kept in the store under the scope {@link #NO_CONSENT}).
     */
    public boolean withdrawConsent(String e164, String note, Instant at) {
        return store.add(e164, NO_CONSENT, DoNotCallSource.AGENT, note, at);
    }

    /** An agent reported no consent for the number. */
    public boolean consentWithdrawn(String e164) {
        return NO_CONSENT.equals(store.find(e164, NO_CONSENT));
    }

    /** Adds the number to one campaign's list (a callee who wants no more calls about this campaign). */
    public boolean addForCampaign(String campaign, String e164, DoNotCallSource source, String note, Instant at) {
        return store.add(e164, campaign, source, note, at);
    }
}
