package org.fairdial.app;

import org.fairdial.config.DialerConfig;
import org.fairdial.media.MediaEngine;
import org.fairdial.media.MediaEngineConfig;
import org.fairdial.media.kurento.KurentoMediaEngine;
import org.fairdial.media.relay.NettyMediaEngine;

/** Starts the media engine {@code dialer.media.engine} names: the built-in relay (default) or Kurento. */
final class MediaEngines {
    private MediaEngines() {
    }

    static MediaEngine start(DialerConfig config) {
        MediaEngineConfig engine = config.mediaEngine();
        if (engine.engine() == MediaEngineConfig.Engine.KURENTO) {
            // No warm-up: the relay's is about its own JIT and port range; Kurento's media path runs on the server.
            return KurentoMediaEngine.start(config.media(), engine.kurento());
        }
        NettyMediaEngine relay = NettyMediaEngine.start(config.media());
        MediaWarmup.run(relay);
        return relay;
    }
}
