package org.fairdial.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Throwaway certificates for TLS tests, made by the {@code openssl} command: a CA, and leaf certificates it signs
 * (or self-signed ones), with unencrypted PKCS#8 PEM keys. Each call writes into the directory given.
 */
public final class TestCerts {
    private final Path dir;

    public TestCerts(Path dir) {
        this.dir = dir;
    }

    /** A certificate and its key: {@code NAME.crt} and {@code NAME.key}. */
    public record Pair(Path certificate, Path privateKey) {
    }

    /** A self-signed CA valid for a day. */
    public Pair ca(String name) {
        Pair ca = files(name);
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", ca.privateKey().toString(),
                "-out", ca.certificate().toString(), "-days", "1", "-subj", "/CN=" + name + " test CA",
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign");
        return ca;
    }

    /** A leaf for {@code san} (e.g. {@code IP:127.0.0.1,DNS:localhost}) signed by {@code ca}, valid for a day. */
    public Pair leaf(String name, Pair ca, String san) {
        Pair leaf = files(name);
        Path csr = dir.resolve(name + ".csr");
        Path ext = dir.resolve(name + ".ext");
        write(ext, "subjectAltName=" + san + "\nextendedKeyUsage=serverAuth,clientAuth\n");
        openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", leaf.privateKey().toString(),
                "-out", csr.toString(), "-subj", "/CN=" + name);
        openssl("x509", "-req", "-in", csr.toString(), "-CA", ca.certificate().toString(),
                "-CAkey", ca.privateKey().toString(), "-CAcreateserial", "-out", leaf.certificate().toString(),
                "-days", "1", "-extfile", ext.toString());
        return leaf;
    }

    /** A self-signed leaf whose validity ended a day ago ({@code -days -1}). */
    public Pair expired(String name) {
        Pair pair = files(name);
        Path csr = dir.resolve(name + ".csr");
        openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", pair.privateKey().toString(),
                "-out", csr.toString(), "-subj", "/CN=" + name);
        openssl("x509", "-req", "-in", csr.toString(), "-key", pair.privateKey().toString(),
                "-out", pair.certificate().toString(), "-days", "-1");
        return pair;
    }

    /** {@code pair} as a PKCS#12 file protected by {@code password}. */
    public Path pkcs12(String name, Pair pair, String password) {
        Path p12 = dir.resolve(name + ".p12");
        openssl("pkcs12", "-export", "-in", pair.certificate().toString(), "-inkey", pair.privateKey().toString(),
                "-out", p12.toString(), "-passout", "pass:" + password);
        return p12;
    }

    private Pair files(String name) {
        return new Pair(dir.resolve(name + ".crt"), dir.resolve(name + ".key"));
    }

    private static void write(Path file, String text) {
        try {
            java.nio.file.Files.writeString(file, text, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void openssl(String... args) {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("openssl timed out: " + command);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("openssl failed: " + command + "\n" + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
