package org.fairdial.it;

import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real SIPp (Debian package sip-tester) on a scenario template from {@code src/test/resources/sipp},
 * with {@code ${name}} placeholders filled in. Every run is wrapped in {@code timeout -k 5}, as SIPp's own -timeout
 * does not always stop an overloaded run; messages are traced with timestamps for the tests to read.
 */
final class Sipp implements AutoCloseable {
    private final Process process;
    private final Path dir;
    private final String name;

    private Sipp(Process process, Path dir, String name) {
        this.process = process;
        this.dir = dir;
        this.name = name;
    }

    /** True when a sipp binary answers on this machine. */
    static boolean available() {
        try {
            Process p = new ProcessBuilder("sipp", "-v").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static Sipp start(Path dir, String name, String scenario, Map<String, String> vars, Duration limit,
                      String... args) throws IOException {
        Path file = render(dir, name, scenario, vars);
        List<String> command = new ArrayList<>(List.of("timeout", "-k", "5", Long.toString(limit.toSeconds()),
                "sipp", "-sf", file.toString(), "-nostdin", "-trace_msg", "-message_file",
                dir.resolve(name + "-messages.log").toString(), "-trace_err", "-error_file",
                dir.resolve(name + "-errors.log").toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(dir.resolve(name + "-out.log").toFile()).start();
        return new Sipp(process, dir, name);
    }

    /**
     * Like {@link #start} without message and error traces: for floods, whose traces would cost more disk and CPU
     * than the load they make. Only SIPp's own output is kept.
     */
    static Sipp startUntraced(Path dir, String name, String scenario, Map<String, String> vars, Duration limit,
                              String... args) throws IOException {
        Path file = render(dir, name, scenario, vars);
        List<String> command = new ArrayList<>(List.of("timeout", "-k", "5", Long.toString(limit.toSeconds()),
                "sipp", "-sf", file.toString(), "-nostdin"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(dir.resolve(name + "-out.log").toFile()).start();
        return new Sipp(process, dir, name);
    }

    /** Writes scenario template {@code scenario} with {@code vars} filled in to {@code dir/name.xml}. */
    static Path render(Path dir, String name, String scenario, Map<String, String> vars) throws IOException {
        String template;
        try (InputStream in = Sipp.class.getResourceAsStream("/sipp/" + scenario)) {
            if (in == null) {
                throw new IOException("no scenario " + scenario);
            }
            template = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
        for (Map.Entry<String, String> v : vars.entrySet()) {
            template = template.replace("${" + v.getKey() + "}", v.getValue());
        }
        if (template.contains("${")) {
            throw new IllegalArgumentException(scenario + " still has a placeholder: "
                    + template.substring(template.indexOf("${"), template.indexOf("${") + 20));
        }
        Path file = dir.resolve(name + ".xml");
        Files.writeString(file, template, StandardCharsets.ISO_8859_1);
        return file;
    }

    /** Waits for SIPp to end; its exit code (0: every call succeeded), or -1 when it had to be killed. */
    int await(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            return -1;
        }
        return process.exitValue();
    }

    /**
     * Waits until SIPp has bound its UDP port, so a test's first request is not lost to a SIPp still starting
     * (a lost INVITE is retransmitted 500 ms later and skews every timing).
     */
    void awaitListening(int port) throws IOException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < end && process.isAlive()) {
            try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress(
                    InetAddress.getLoopbackAddress(), port))) {
                probe.getLocalPort(); // still free: SIPp not up yet
            } catch (SocketException bound) {
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new IOException("SIPp did not bind port " + port + ":\n" + diagnostics());
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Messages SIPp sent and received, in order. */
    List<SippTrace.Message> messages() throws IOException {
        return SippTrace.read(dir.resolve(name + "-messages.log"));
    }

    /** What SIPp printed and its error log, for assertion messages. */
    String diagnostics() {
        StringBuilder out = new StringBuilder();
        for (String suffix : List.of("-out.log", "-errors.log")) {
            Path file = dir.resolve(name + suffix);
            try {
                if (Files.exists(file)) {
                    String text = Files.readString(file, StandardCharsets.ISO_8859_1);
                    out.append("--- ").append(file.getFileName()).append('\n')
                            .append(text.length() > 4000 ? text.substring(text.length() - 4000) : text);
                }
            } catch (IOException e) {
                out.append(e);
            }
        }
        return out.toString();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
