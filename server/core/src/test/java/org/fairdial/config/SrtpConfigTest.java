package org.fairdial.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fairdial.media.sdp.SrtpMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code srtp} on trunks, on agents and in the agent policy: the modes each leg gets, refusals and warnings. */
class SrtpConfigTest {
    @TempDir
    Path dir;

    private DialerConfig load(String keys) throws IOException, ConfigValidationException {
        Path file = dir.resolve("dialer.conf");
        Files.writeString(file, """
                dialer {
                  trunks.carrier { host = "127.0.0.1", port = 5070, transport = udp, max-channels = 10 }
                  agents.a1 { password = "pw-1" }
                  agents.a2 { password = "pw-2" }
                  %s
                }
                """.formatted(keys));
        return DialerConfigLoader.fromConfig(ConfigFactory.parseFile(file.toFile()), dir);
    }

    private List<String> problems(String keys) {
        ConfigValidationException e = assertThrows(ConfigValidationException.class, () -> load(keys));
        return e.problems().stream().map(ConfigProblem::format).toList();
    }

    @Test
    void offEverywhereByDefaultWithNoWarning() throws Exception {
        DialerConfig config = load("");
        assertEquals(SrtpMode.OFF, config.srtp().trunk("carrier"));
        assertEquals(SrtpMode.OFF, config.srtp().agent("a1"));
        assertEquals(List.of(), config.srtpWarnings());
    }

    @Test
    void agentsTakeThePolicyUnlessTheirOwnKeySaysOtherwise() throws Exception {
        DialerConfig config = load("""
                agent-policy.srtp = offered
                agents.a2.srtp = required
                trunks.carrier.srtp = required
                """);
        assertEquals(SrtpMode.OFFERED, config.srtp().agent("a1"));
        assertEquals(SrtpMode.REQUIRED, config.srtp().agent("a2"));
        assertEquals(SrtpMode.OFFERED, config.srtp().agent("registered-later"), "the policy is the default");
        assertEquals(SrtpMode.REQUIRED, config.srtp().trunk("carrier"));
    }

    @Test
    void sdesKeysOverUdpAreWarnedOfPerTrunkAndForTheAgents() throws Exception {
        List<String> warnings = load("""
                trunks.carrier.srtp = required
                agents.a1.srtp = offered
                """).srtpWarnings();
        assertEquals(2, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("dialer.trunks.carrier.srtp = required over transport udp: the SDES"
                + " keys cross the network in clear SDP"), warnings.get(0));
        assertTrue(warnings.get(1).contains("dialer.sip.transports has no tls"), warnings.get(1));
    }

    @Test
    void aModeThatIsNoneOfTheThreeNamesTheKeyAndTheChoices() {
        List<String> problems = problems("agents.a1.srtp = mandatory");
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("dialer.agents.a1.srtp (" + dir.resolve("dialer.conf")), problems.get(0));
        assertTrue(problems.get(0).endsWith("must be off, offered or required"), problems.get(0));
    }

    @Test
    void srtpOnKurentoIsRefusedAtTheKey() {
        List<String> problems = problems("""
                media.engine = kurento
                trunks.carrier.srtp = offered
                """);
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("dialer.trunks.carrier.srtp")
                && p.contains("dialer.media.engine = kurento carries no SRTP")), problems.toString());
    }

    @Test
    void aMistypedKeyIsAnUnknownKey() {
        List<String> problems = problems("trunks.carrier.srpt = required");
        assertTrue(problems.get(0).contains("dialer.trunks.carrier.srpt"), problems.toString());
        assertTrue(problems.get(0).contains("did you mean srtp?"), problems.toString());
    }
}
