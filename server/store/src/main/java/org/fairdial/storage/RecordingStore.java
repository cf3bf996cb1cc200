package org.fairdial.storage;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.fairdial.call.CallRecordings;
import org.fairdial.privacy.FieldCipher;
import org.fairdial.privacy.NumberMask;
import org.fairdial.privacy.PersonalData;
import org.fairdial.privacy.SealedChunkInput;
import org.fairdial.privacy.SealedChunkOutput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Call recordings: one file per recorded call in the recordings directory, named by a random id (the CDR's and the
 * API's reference, saying nothing of the number), and its {@code call_recording} row (V31). With encryption at rest
 * on, a file is a {@link SealedChunkOutput} stream under the current data key ({@code .fdrec}); off, a plain WAV
 * ({@code .wav}). Files of numbers erased or past retention are deleted with their rows.
 */
public final class RecordingStore implements CallRecordings {
    private static final Logger LOG = LoggerFactory.getLogger(RecordingStore.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int WAV_HEADER = 44;

    private final DataSource dataSource;
    private final PersonalData personal;
    private final Path directory;

    public RecordingStore(DataSource dataSource, PersonalData personal, Path directory) {
        this.dataSource = dataSource;
        this.personal = personal;
        this.directory = directory;
    }

    /** A stored recording: its row. {@code keyId} null for a plain WAV. */
    public record Stored(String id, UUID legId, UUID callId, String campaign, Instant startedAt, String keyId,
                         boolean announcementPlayed) {
    }

    /** A recording ready to serve: a complete WAV (sizes set) of {@code length} bytes. */
    public record Audio(long length, InputStream wav) {
    }

    @Override
    public Opened open(Start start) throws IOException {
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        String id = "rec-" + HexFormat.of().formatHex(random);
        FieldCipher cipher = personal.cipher();
        Files.createDirectories(directory);
        Path file = file(id, cipher != null);
        insert(start, id, cipher == null ? null : cipher.currentKeyId());
        OutputStream out = Files.newOutputStream(file);
        return new Opened(id, cipher == null ? out : new SealedChunkOutput(cipher, purpose(id), out));
    }

    /** The row of {@code id}, if it is (still) stored. */
    public Optional<Stored> find(String id) {
        List<Stored> rows = query("SELECT recording_id, leg_id, call_id, campaign, started_at, key_id,"
                + " announcement_played FROM call_recording WHERE recording_id = ?", id);
        return rows.stream().findFirst();
    }

    /** The recordings of a customer leg (the CDR's reference). */
    public List<Stored> ofLeg(UUID legId) {
        return query("SELECT recording_id, leg_id, call_id, campaign, started_at, key_id, announcement_played"
                + " FROM call_recording WHERE leg_id = ?", legId);
    }

    /**
     * The audio of a stored recording, decrypted, as a complete WAV; the caller closes the stream.
     *
     * @throws org.fairdial.privacy.PersonalDataException if it cannot be decrypted (key not configured, file
     *                                                    altered or truncated), before any audio is returned
     */
    public Audio audio(Stored stored) throws IOException {
        boolean sealed = stored.keyId() != null;
        Path file = file(stored.id(), sealed);
        long length;
        InputStream body;
        if (sealed) {
            FieldCipher cipher = personal.cipher();
            if (cipher == null) {
                throw new org.fairdial.privacy.PersonalDataException("Cannot decrypt recording " + stored.id()
                        + ": it is encrypted (key id '" + stored.keyId() + "') but dialer.privacy.encryption is off");
            }
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
                length = SealedChunkInput.plainLength(in, purpose(stored.id()));
            }
            body = new SealedChunkInput(cipher, purpose(stored.id()), new BufferedInputStream(
                    Files.newInputStream(file)));
        } else {
            length = Files.size(file);
            body = new BufferedInputStream(Files.newInputStream(file));
        }
        if (length < WAV_HEADER) {
            body.close();
            throw new IOException("recording " + stored.id() + " holds no WAV header (" + length + " bytes)");
        }
        byte[] header = body.readNBytes(WAV_HEADER);
        ByteBuffer b = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
        long data = length - WAV_HEADER;
        b.putInt(4, (int) Math.min(0xFFFFFFFFL, data + 36));
        b.putInt(40, (int) Math.min(0xFFFFFFFFL, data));
        return new Audio(length, new SequenceInputStream(new ByteArrayInputStream(header), body));
    }

    /** Deletes the recordings of a number (privacy erase); returns how many. */
    public long eraseNumber(String e164) {
        return delete(query("SELECT recording_id, leg_id, call_id, campaign, started_at, key_id,"
                + " announcement_played FROM call_recording WHERE number_index = ?", personal.index(e164)));
    }

    /** Deletes the recordings started before {@code cutoff} (retention); returns how many. */
    public long deleteBefore(Instant cutoff) {
        return delete(query("SELECT recording_id, leg_id, call_id, campaign, started_at, key_id,"
                + " announcement_played FROM call_recording WHERE started_at < ?", cutoff));
    }

    /** Files first, then rows: a file whose deletion failed keeps its row, so the next pass tries again. */
    private long delete(List<Stored> recordings) {
        long n = 0;
        for (Stored r : recordings) {
            try {
                Files.deleteIfExists(file(r.id(), true));
                Files.deleteIfExists(file(r.id(), false));
            } catch (IOException e) {
                LOG.warn("recording {} not deleted, kept for the next pass: {}", r.id(), e.toString());
                continue;
            }
            try (Connection c = dataSource.getConnection();
                 PreparedStatement ps = c.prepareStatement("DELETE FROM call_recording WHERE recording_id = ?")) {
                ps.setString(1, r.id());
                n += ps.executeUpdate();
            } catch (SQLException e) {
                throw StoreErrors.of("Cannot delete a recording's row", e, NumberMask.HIDDEN);
            }
        }
        return n;
    }

    private void insert(Start s, String id, String keyId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO call_recording (recording_id, leg_id, call_id,"
                     + " campaign, number_index, started_at, key_id, announcement_played)"
                     + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, id);
            ps.setObject(2, s.customerLegId());
            ps.setObject(3, s.callId());
            ps.setString(4, s.campaign());
            ps.setString(5, personal.index(s.e164()));
            SqlValues.setInstant(ps, 6, s.startedAt());
            ps.setString(7, keyId);
            ps.setBoolean(8, s.announcementPlayed());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw StoreErrors.of("Cannot note a recording", e, NumberMask.HIDDEN);
        }
    }

    private List<Stored> query(String sql, Object arg) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (arg instanceof Instant t) {
                SqlValues.setInstant(ps, 1, t);
            } else {
                ps.setObject(1, arg);
            }
            List<Stored> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Stored(rs.getString(1), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                            rs.getString(4), SqlValues.getInstant(rs, 5), rs.getString(6), rs.getBoolean(7)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw StoreErrors.of("Cannot read recordings", e, NumberMask.HIDDEN);
        }
    }

    private Path file(String id, boolean sealed) {
        if (!id.matches("rec-[0-9a-f]{32}")) {
            throw new IllegalArgumentException("not a recording id: " + id);
        }
        return directory.resolve(id + (sealed ? ".fdrec" : ".wav"));
    }

    private static String purpose(String id) {
        return "recording:" + id;
    }
}
