package org.fairdial.dialing.dnc;

import java.io.IOException;
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
    private final Map<String, List<CompactNumberSet>> campaignLists;
    private final DoNotCallEntries store;
    /** Hashes numbers the way a privacy erasure stores those who opted out; null: no hashed entries. */
    private volatile NumberHasher hasher;

    public DoNotCallLists(Map<String, CompactNumberSet> registries, Map<String, List<CompactNumberSet>> campaignLists,
                          DoNotCallEntries store) {
        this.registries = Map.copyOf(registries);
        this.campaignLists = Map.copyOf(campaignLists);
        this.store = store;
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
        for (DncRegistryConfig r : registryFiles.values()) {
            registries.put(r.name(), load(r.file(), r.region(), "registry " + r.name()));
        }
        Map<String, List<CompactNumberSet>> lists = new LinkedHashMap<>();
        for (CampaignConfig c : campaigns) {
            List<CompactNumberSet> own = new ArrayList<>();
            for (Path file : c.doNotCall().lists()) {
                own.add(load(file, c.defaultRegion(), "campaign " + c.name() + " list"));
            }
            lists.put(c.name(), own);
        }
        return new DoNotCallLists(registries, lists, store);
    }

    /**
     * The lists after a reload: registry files whose settings did not change are kept in memory (a national
     * registry takes tens of seconds to load); changed or new ones and every campaign list are read again.
     */
    public DoNotCallLists reloaded(Map<String, DncRegistryConfig> previousFiles,
                                   Map<String, DncRegistryConfig> registryFiles, Iterable<CampaignConfig> campaigns)
            throws IOException {
        Map<String, DncRegistryConfig> unchanged = new LinkedHashMap<>();
        Map<String, DncRegistryConfig> changed = new LinkedHashMap<>();
        registryFiles.forEach((name, r) -> (r.equals(previousFiles.get(name)) && registries.containsKey(name)
                ? unchanged : changed).put(name, r));
        DoNotCallLists fresh = load(changed, campaigns, store);
        Map<String, CompactNumberSet> all = new LinkedHashMap<>(fresh.registries);
        unchanged.keySet().forEach(name -> all.put(name, registries.get(name)));
        DoNotCallLists lists = new DoNotCallLists(all, fresh.campaignLists, store);
        lists.hasher = hasher;
        return lists;
    }

    private static CompactNumberSet load(Path file, String region, String what) throws IOException {
        long start = System.nanoTime();
        NumberListFile.Loaded loaded = NumberListFile.load(file, region);
        LOG.info("do-not-call {}: {} numbers from {} ({} lines, {} refused{}) in {} ms, {} MB", what,
                loaded.set().size(), file, loaded.lines(), loaded.invalid(),
                loaded.invalidLines().isEmpty() ? "" : ", first at lines " + loaded.invalidLines(),
                (System.nanoTime() - start) / 1_000_000, loaded.set().memoryBytes() >> 20);
        return loaded.set();
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
