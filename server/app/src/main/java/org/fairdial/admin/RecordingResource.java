package org.fairdial.admin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import org.fairdial.config.AdminConfig.Role;
import org.fairdial.privacy.PersonalDataException;
import org.fairdial.storage.RecordingStore;

/**
 * {@code GET /api/recordings/{id}}: a call recording as {@code audio/wav} (stereo, customer left, agent right),
 * decrypted when encryption at rest is on. Supervisors and admins only (viewers get 403 from the router); every
 * fetch, found or not, is written to the audit trail with who fetched what.
 */
final class RecordingResource {
    /** A recording is served from memory: longer ones are fetched with the file tools on the server. */
    static final long MAX_SERVED_BYTES = 256L << 20;

    private final RecordingStore recordings;
    private final AuditLog audit;

    RecordingResource(RecordingStore recordings, AuditLog audit) {
        this.recordings = recordings;
        this.audit = audit;
    }

    void register(Router router) {
        router.add("GET", "/api/recordings/{id}", Role.SUPERVISOR, this::fetch);
    }

    private ApiResponse fetch(ApiRequest r) {
        String id = r.param("id");
        RecordingStore.Stored stored = recordings == null ? null : recordings.find(id).orElse(null);
        if (stored == null) {
            audited(r, 404, "recording " + id + " fetched: no such recording");
            throw ApiException.notFound("id", "no recording " + id);
        }
        byte[] wav;
        try {
            RecordingStore.Audio audio = recordings.audio(stored);
            if (audio.length() > MAX_SERVED_BYTES) {
                audio.wav().close();
                audited(r, 413, "recording " + id + " too large to serve (" + audio.length() + " bytes)");
                return ApiResponse.error(413, "id", "recording " + id + " holds " + audio.length()
                        + " bytes, more than the API serves; copy it from the server");
            }
            try (InputStream in = audio.wav()) {
                wav = in.readAllBytes();
            }
        } catch (NoSuchFileException e) {
            audited(r, 404, "recording " + id + " fetched: its file is gone");
            throw ApiException.notFound("id", "recording " + id + " has no file any more");
        } catch (PersonalDataException | IOException e) {
            audited(r, 500, "recording " + id + " could not be read: " + e.getMessage());
            return ApiResponse.error(500, "id", "recording " + id + " could not be read: " + e.getMessage());
        }
        audited(r, 200, "recording " + id + " fetched (call " + stored.callId() + ", campaign " + stored.campaign()
                + (stored.keyId() == null ? "" : ", decrypted with key " + stored.keyId()) + ")");
        return new ApiResponse(200, "audio/wav", wav, null);
    }

    private void audited(ApiRequest r, int status, String what) {
        audit.record(r.principal(), r.method(), r.path(), status, null, new ApiResponse.Audit(what, what));
    }
}
