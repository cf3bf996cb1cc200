package org.fairdial.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.fairdial.auth.CidrBlock;
import org.fairdial.auth.DigestMath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dialer.sip.security}, trunks' {@code allow-from} and agents' SHA-256 HA1. */
class SipSecurityConfigTest {
    @TempDir
    Path dir;

    private DialerConfig load(String extra) throws ConfigValidationException {
        return DialerConfigLoader.load(new ConfigFixture(dir).file(extra));
    }

    @Test
    void allowListsAreReadAsCidrBlocks() throws Exception {
        DialerConfig config = load("""
                dialer.sip.security.agent-allow-from = ["10.20.0.0/16", "2001:db8::/32"]
                dialer.trunks.carrier.allow-from = ["192.0.2.10"]
                """);
        assertEquals(List.of(CidrBlock.parse("10.20.0.0/16"), CidrBlock.parse("2001:db8::/32")),
                config.sip().security().agentAllowFrom());
        assertEquals(List.of(CidrBlock.parse("192.0.2.10/32")), config.trunks().get("carrier").allowFrom());
    }

    @Test
    void badValuesAreReportedTogether() {
        ConfigValidationException e = assertThrows(ConfigValidationException.class, () -> load("""
                dialer.sip.security.agent-allow-from = ["agents.example.com"]
                dialer.sip.security.digest-algorithms = [SHA-512]
                dialer.sip.security.unsolicited-invite = 200
                dialer.trunks.carrier.allow-from = ["10.0.0.0/40"]
                """));
        List<String> paths = e.problems().stream().map(ConfigProblem::path).toList();
        assertEquals(List.of("dialer.sip.security.agent-allow-from", "dialer.sip.security.digest-algorithms",
                "dialer.sip.security.unsolicited-invite", "dialer.trunks.carrier.allow-from"),
                paths.stream().sorted().toList(), e.getMessage());
    }

    @Test
    void anAgentWithAPasswordGetsBothHa1s() throws Exception {
        DialerConfig config = load("");
        AgentConfig agent = config.agents().values().iterator().next();
        assertEquals(64, agent.ha1Sha256().length());
        assertTrue(agent.ha1Sha256().matches("[0-9a-f]{64}"));
        assertEquals(32, agent.ha1().length());
    }

    @Test
    void anAgentGivenOnlyAnMd5Ha1HasNoSha256() throws Exception {
        String ha1 = DigestMath.ha1("2001", "fairdial", "pw");
        String sha = DigestMath.ha1(DigestMath.SHA_256, "2002", "fairdial", "pw");
        DialerConfig config = load("dialer.agents.\"2001\".ha1 = \"" + ha1 + "\"\n"
                + "dialer.agents.\"2002\" { ha1 = \"" + DigestMath.ha1("2002", "fairdial", "pw")
                + "\", ha1-sha256 = \"" + sha.toUpperCase() + "\" }\n");
        assertNull(config.agents().get("2001").ha1Sha256());
        assertEquals(sha, config.agents().get("2002").ha1Sha256());
    }
}
