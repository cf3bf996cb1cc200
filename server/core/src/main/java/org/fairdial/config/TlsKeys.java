package org.fairdial.config;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Loads certificates and keys from PEM files or a PKCS#12 key store and checks them before anything listens:
 * unreadable file, no certificate, expired or not yet valid, key not matching the certificate. The one place
 * both the admin HTTPS listener and SIP over TLS take their key material from (JDK types only, so any module
 * may use it).
 */
public final class TlsKeys {
    private static final char[] IN_MEMORY = "fairdial".toCharArray();
    private static final String[] KEY_ALGORITHMS = {"RSA", "EC", "Ed25519", "Ed448"};

    private TlsKeys() {
    }

    /** Our key and chain from a PEM certificate chain and an unencrypted PKCS#8 PEM key, checked at {@code now}. */
    public static KeyManagerFactory fromPem(Path certificate, Path privateKey, Instant now) throws TlsFileException {
        List<X509Certificate> chain = certificates(certificate);
        PrivateKey key = privateKey(privateKey);
        checkValidity(certificate, chain.get(0), now);
        checkMatch(privateKey, key, chain.get(0));
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("fairdial", key, IN_MEMORY, chain.toArray(new Certificate[0]));
            return keyManagers(store, IN_MEMORY);
        } catch (GeneralSecurityException | IOException e) {
            throw new TlsFileException(certificate, "cannot be used with " + privateKey + ": " + e.getMessage(), e);
        }
    }

    /** Our key and chain from a PKCS#12 file, checked at {@code now}. */
    public static KeyManagerFactory fromPkcs12(Path file, String password, Instant now) throws TlsFileException {
        char[] pass = password.toCharArray();
        KeyStore store;
        try (InputStream in = Files.newInputStream(file)) {
            store = KeyStore.getInstance("PKCS12");
            store.load(in, pass);
        } catch (IOException e) {
            throw new TlsFileException(file, e.getCause() instanceof java.security.UnrecoverableKeyException
                    || String.valueOf(e.getMessage()).contains("password")
                    ? "wrong password or not a PKCS#12 file" : "is unreadable: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new TlsFileException(file, "is not a usable PKCS#12 file: " + e.getMessage(), e);
        }
        try {
            boolean hasKey = false;
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    hasKey = true;
                    Certificate cert = store.getCertificate(alias);
                    if (cert instanceof X509Certificate x509) {
                        checkValidity(file, x509, now);
                    }
                }
            }
            if (!hasKey) {
                throw new TlsFileException(file, "holds no private key");
            }
            return keyManagers(store, pass);
        } catch (GeneralSecurityException e) {
            throw new TlsFileException(file, "key cannot be recovered: " + e.getMessage(), e);
        }
    }

    /** The CA certificates of a PEM bundle as trust managers' source. */
    public static TrustManagerFactory trust(Path bundle) throws TlsFileException {
        List<X509Certificate> cas = certificates(bundle);
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            for (int i = 0; i < cas.size(); i++) {
                store.setCertificateEntry("ca" + i, cas.get(i));
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            return tmf;
        } catch (GeneralSecurityException | IOException e) {
            throw new TlsFileException(bundle, "cannot be used as trust anchors: " + e.getMessage(), e);
        }
    }

    /** An SSL context with our key material and the trust of {@code config} (JDK default CAs when null). */
    public static SSLContext context(TlsConfig config, Instant now) throws TlsFileException {
        KeyManagerFactory keys = config.keystore() != null
                ? fromPkcs12(config.keystore(), config.keystorePassword(), now)
                : fromPem(config.certificate(), config.privateKey(), now);
        TrustManagerFactory trust = config.trust() == null ? null : trust(config.trust());
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), trust == null ? null : trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new TlsFileException(config.keystore() != null ? config.keystore() : config.certificate(),
                    "cannot start TLS: " + e.getMessage(), e);
        }
    }

    static List<X509Certificate> certificates(Path file) throws TlsFileException {
        String text = read(file);
        if (!text.contains("-----BEGIN CERTIFICATE-----")) {
            throw new TlsFileException(file, "holds no PEM CERTIFICATE block");
        }
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate c : factory.generateCertificates(
                    new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)))) {
                chain.add((X509Certificate) c);
            }
            if (chain.isEmpty()) {
                throw new TlsFileException(file, "holds no certificate");
            }
            return chain;
        } catch (CertificateException e) {
            throw new TlsFileException(file, "is not a valid PEM certificate: " + e.getMessage(), e);
        }
    }

    static PrivateKey privateKey(Path file) throws TlsFileException {
        String text = read(file);
        if (text.contains("ENCRYPTED PRIVATE KEY") || text.contains("RSA PRIVATE KEY")
                || text.contains("EC PRIVATE KEY")) {
            throw new TlsFileException(file, "must be an unencrypted PKCS#8 key (BEGIN PRIVATE KEY); convert it"
                    + " with openssl pkcs8 -topk8 -nocrypt");
        }
        int begin = text.indexOf("-----BEGIN PRIVATE KEY-----");
        int end = text.indexOf("-----END PRIVATE KEY-----");
        if (begin < 0 || end < begin) {
            throw new TlsFileException(file, "holds no PEM PRIVATE KEY block");
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(text.substring(begin + 27, end));
        } catch (IllegalArgumentException e) {
            throw new TlsFileException(file, "PRIVATE KEY block is not base64", e);
        }
        for (String algorithm : KEY_ALGORITHMS) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // try the next algorithm
            }
        }
        throw new TlsFileException(file, "is not an RSA, EC or EdDSA PKCS#8 private key");
    }

    private static void checkValidity(Path file, X509Certificate cert, Instant now) throws TlsFileException {
        if (now.isAfter(cert.getNotAfter().toInstant())) {
            throw new TlsFileException(file, "certificate " + subject(cert) + " expired on "
                    + cert.getNotAfter().toInstant());
        }
        if (now.isBefore(cert.getNotBefore().toInstant())) {
            throw new TlsFileException(file, "certificate " + subject(cert) + " is not valid before "
                    + cert.getNotBefore().toInstant());
        }
    }

    /** Signs a probe with the key and verifies it with the certificate's public key. */
    private static void checkMatch(Path keyFile, PrivateKey key, X509Certificate cert) throws TlsFileException {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> key.getAlgorithm();
        };
        byte[] probe = "fairdial key check".getBytes(StandardCharsets.US_ASCII);
        try {
            Signature sign = Signature.getInstance(algorithm);
            sign.initSign(key);
            sign.update(probe);
            byte[] signature = sign.sign();
            Signature verify = Signature.getInstance(algorithm);
            verify.initVerify(cert.getPublicKey());
            verify.update(probe);
            if (verify.verify(signature)) {
                return;
            }
        } catch (GeneralSecurityException e) {
            // a key of another algorithm than the certificate's: reported as a mismatch below
        }
        throw new TlsFileException(keyFile, "private key does not match the certificate " + subject(cert));
    }

    private static KeyManagerFactory keyManagers(KeyStore store, char[] password) throws GeneralSecurityException {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, password);
        return kmf;
    }

    private static String read(Path file) throws TlsFileException {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException | RuntimeException e) {
            throw new TlsFileException(file, "is unreadable: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null || e.getMessage().equals(file.toString()) ? "" : " " + e.getMessage()),
                    e);
        }
    }

    private static String subject(X509Certificate cert) {
        return "\"" + cert.getSubjectX500Principal().getName() + "\"";
    }
}
