-- Call quality per leg (issue 12): the interarrival jitter we measured on the RTP the leg received (RFC 3550
-- A.8), and what the peer reported over RTCP about the RTP we sent it: fraction lost in its last report (percent),
-- packets lost over the call, its jitter, and the round-trip time from LSR/DLSR. Milliseconds and percent, rounded
-- to 0.01. Nullable: unknown (no audio, no RTCP from the peer, no SR echoed) and legs written before this version.
-- Same dialect rules as V1 (PostgreSQL and H2 in PostgreSQL mode). Numbered 26 to stay clear of the numbers other
-- branches are likely to take next (10, 23-25); Flyway accepts the gap.
ALTER TABLE cdr_leg ADD COLUMN rtp_jitter_ms DOUBLE PRECISION;
ALTER TABLE cdr_leg ADD COLUMN rtcp_peer_loss_pct DOUBLE PRECISION;
ALTER TABLE cdr_leg ADD COLUMN rtcp_peer_lost BIGINT;
ALTER TABLE cdr_leg ADD COLUMN rtcp_peer_jitter_ms DOUBLE PRECISION;
ALTER TABLE cdr_leg ADD COLUMN rtcp_rtt_ms DOUBLE PRECISION;
