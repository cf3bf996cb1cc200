package org.fairdial.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dialer.sip.overload} and the connection caps of {@code dialer.sip.tcp}. */
class SipOverloadConfigTest {
    @TempDir
    Path dir;

    private DialerConfig load(String extra) throws ConfigValidationException {
        return DialerConfigLoader.load(new ConfigFixture(dir).file(extra));
    }

    @Test
    void operatorValuesAreRead() throws Exception {
        DialerConfig config = load("""
                dialer.sip.overload { enabled = false, max-queue-delay = 50 ms, max-server-transactions = 300
                  priority-factor = 1.5, retry-after = 30 seconds }
                dialer.sip.tcp { max-connections = 100, max-connections-per-source = 4, tls-handshake-timeout = 2s }
                """);
        assertEquals(new SipOverloadConfig(false, Duration.ofMillis(50), 300, 1.5, Duration.ofSeconds(30)),
                config.sip().overload());
        assertEquals(new SipConfig.TcpLimits(100, Duration.ofSeconds(30), 4, Duration.ofSeconds(2)),
                config.sip().tcp());
    }

    @Test
    void badValuesAreReportedTogether() {
        ConfigValidationException e = assertThrows(ConfigValidationException.class, () -> load("""
                dialer.sip.overload { max-queue-delay = 1 ms, max-server-transactions = 0, priority-factor = 0.5
                  retry-after = 0 s, enabled = maybe }
                dialer.sip.overload.spare = 1
                dialer.sip.tcp { max-connections = 10, max-connections-per-source = 11, tls-handshake-timeout = 0 s }
                """));
        List<String> paths = e.problems().stream().map(ConfigProblem::path).sorted().toList();
        assertEquals(List.of("dialer.sip.overload.enabled", "dialer.sip.overload.max-queue-delay",
                "dialer.sip.overload.max-server-transactions", "dialer.sip.overload.priority-factor",
                "dialer.sip.overload.retry-after", "dialer.sip.overload.spare",
                "dialer.sip.tcp.max-connections-per-source", "dialer.sip.tcp.tls-handshake-timeout"), paths,
                e.getMessage());
    }
}
